import { afterEach } from 'vitest';
import { DoppelDb } from '../../../src/data/db.ts';
import { BatchBuilder, type SampleBatch } from '../../../models/samples.ts';
import type { MetricId } from '../../../models/metrics.ts';

let n = 0;
/** A fresh, uniquely named database per test. */
export function freshDb(): DoppelDb {
  return new DoppelDb(`test-${process.pid}-${n++}`);
}

export function batch(
  metric: MetricId,
  rows: [start: string | number, value: number, source?: number, offsetMin?: number, end?: string | number][],
): SampleBatch {
  const b = new BatchBuilder(metric, 4);
  for (const [s, v, src = 0, off = 0, e] of rows) {
    const t = typeof s === 'number' ? s : Date.parse(s);
    b.push(t, e === undefined ? t : typeof e === 'number' ? e : Date.parse(e), v, off, src);
  }
  return b.build();
}

/** A factory of fresh databases that are all deleted after each test. */
export function useFreshDbs(): () => DoppelDb {
  const open: DoppelDb[] = [];
  afterEach(async () => {
    for (const d of open.splice(0)) await d.delete();
  });
  return () => {
    const d = freshDb();
    open.push(d);
    return d;
  };
}
