/** The demo person draws each kind of data from its own stream: a draw added for one shifts no other. */
import { describe, expect, it, vi } from 'vitest';
import { generateDemoPerson } from '../../../models/demo/synthetic-person.ts';
import type { MetricId } from '../../../models/metrics.ts';
import { withExtraDraws } from '../support/extra-draws.ts';

vi.mock('../../../models/util/random.ts', async (importOriginal) =>
  (await import('../support/extra-draws.ts')).mockRandom(await importOriginal()),
);

const opts = { endDay: '2026-11-21', offsetMin: 60, days: 120, cgmDays: 3 };
const values = (p: ReturnType<typeof generateDemoPerson>): Map<MetricId, string> =>
  new Map(p.batches.map((b) => [b.metric, `${Array.from(b.start).join()}|${Array.from(b.value).join()}`]));

describe('keyed streams in the demo person', () => {
  it('demo: extra draws for the scale change the weights only; extra draws for the labs change the labs only', () => {
    const base = values(generateDemoPerson(opts));
    const scale = values(withExtraDraws('demo.weight', () => generateDemoPerson(opts)));
    const labs = values(withExtraDraws('demo.labs', () => generateDemoPerson(opts)));
    const labMetrics = ['blood_glucose', 'hba1c', 'total_cholesterol', 'hdl_cholesterol', 'ldl_cholesterol', 'triglycerides'];
    for (const [metric, v] of base) {
      expect(scale.get(metric) === v, metric).toBe(metric !== 'body_weight');
      expect(labs.get(metric) === v, metric).toBe(!labMetrics.includes(metric));
    }
  });
});
