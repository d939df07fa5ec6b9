import { describe, expect, it } from 'vitest';
import type { MetricId } from '../../../models/metrics.ts';
import { localDay } from '../../../models/util/time.ts';
import { commitImport } from '../../../src/data/imports.ts';
import { loadDemo } from '../../../src/import/demo.ts';
import { buildPayload, type ShareScope } from '../../../src/share/payload.ts';
import { sharePreview } from '../../../src/share/preview.ts';
import { batch, useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();
const NOW = Date.UTC(2026, 10, 22, 9);

/** What the file itself holds: its samples, and the first and last local day among them. */
async function inTheFile(d: ReturnType<typeof db>, scope: ShareScope) {
  const p = await buildPayload(d, scope, 'Test', NOW);
  const days = p.samples.flatMap((s) => s.start.map((t, i) => localDay(t, s.offsetMin[i]!))).sort();
  return { count: p.samples.reduce((n, s) => n + s.start.length, 0), firstDay: days[0], lastDay: days.at(-1) };
}

describe('share preview: what a file would hold, counted from the daily rows', () => {
  it('gives the number of samples and the days the file itself holds, for ranges and metric choices', async () => {
    const d = db();
    await loadDemo(d, { endDay: '2026-11-21', offsetMin: 60, seed: 5 });
    const all: MetricId[] = ['body_weight', 'hba1c', 'blood_glucose', 'systolic_bp', 'steps', 'cgm_glucose'];
    const scopes: ShareScope[] = [
      { metrics: all, scenarioIds: [] },
      { fromDay: '2026-05-01', toDay: '2026-11-21', metrics: all, scenarioIds: [] },
      { fromDay: '2026-11-20', toDay: '2026-11-20', metrics: ['cgm_glucose', 'steps'], scenarioIds: [] },
      { fromDay: '2025-01-01', toDay: '2025-03-31', metrics: ['body_weight'], scenarioIds: [] },
    ];
    for (const scope of scopes) {
      const file = await inTheFile(d, scope);
      const p = await sharePreview(d, scope);
      expect(file.count, JSON.stringify(scope)).toBeGreaterThan(0);
      expect({ count: p.count, firstDay: p.firstDay, lastDay: p.lastDay }).toEqual(file);
    }
    // The span of the data, whatever the range (the "Everything" shortcut).
    const whole = await inTheFile(d, { metrics: all, scenarioIds: [] });
    const narrow = await sharePreview(d, { fromDay: '2026-11-20', toDay: '2026-11-20', metrics: all });
    expect({ first: narrow.spanFirstDay, last: narrow.spanLastDay }).toEqual({ first: whole.firstDay, last: whole.lastDay });
  });

  it('counts nothing in a range without data, or with no metric chosen, and says so with no days', async () => {
    const d = db();
    await loadDemo(d, { endDay: '2026-11-21', offsetMin: 60, seed: 5 });
    const before = await sharePreview(d, { fromDay: '2001-01-01', toDay: '2001-12-31', metrics: ['body_weight', 'steps'] });
    expect(before).toMatchObject({ count: 0 });
    expect(before.firstDay).toBeUndefined();
    expect(before.spanFirstDay).toBeDefined();
    expect((await inTheFile(d, { fromDay: '2001-01-01', toDay: '2001-12-31', metrics: ['body_weight'], scenarioIds: [] })).count).toBe(0);
    expect(await sharePreview(d, { metrics: [] })).toEqual({ count: 0 });
    expect(await sharePreview(d, { fromDay: '2026-11-21', toDay: '2026-01-01', metrics: ['steps'] })).toMatchObject({ count: 0 });
  });

  it('a sample is on the local day of its own offset, in the count and in the file alike', async () => {
    // 23:30 at UTC-05:00 on 1 March is 04:30 UTC on 2 March; 00:30 at UTC+09:00 on 2 March is 15:30 UTC on 1 March.
    const d = db();
    await commitImport(d, {
      fileName: 'w.csv',
      format: 'csv',
      bytes: 1,
      sources: [{ name: 'Scale' }],
      batches: [
        batch('body_weight', [
          ['2024-03-01T23:30:00-05:00', 80, 0, -300],
          ['2024-03-02T00:30:00+09:00', 80.2, 0, 540],
          ['2024-03-02T12:00:00Z', 80.4, 0, 0],
        ]),
      ],
      rejected: [],
      ignored: {},
    });
    for (const [day, n] of [
      ['2024-03-01', 1],
      ['2024-03-02', 2],
    ] as const) {
      const scope: ShareScope = { fromDay: day, toDay: day, metrics: ['body_weight'], scenarioIds: [] };
      const file = await inTheFile(d, scope);
      expect(file).toEqual({ count: n, firstDay: day, lastDay: day });
      expect(await sharePreview(d, scope)).toMatchObject(file);
    }
  });
});
