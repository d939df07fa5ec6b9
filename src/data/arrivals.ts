import type { MetricId } from '../../models/metrics.ts';
import { localDay } from '../../models/util/time.ts';
import type { ChunkColumns } from './chunk-merge.ts';
import type { MetricArrival } from './rows.ts';

export type Arrivals = Partial<Record<MetricId, MetricArrival>>;

/**
 * Adds the samples of one chunk that `importId` owns to the per-metric tally: how many and their first
 * and last local day. Called on the chunks an import has just written, where the samples it owns are
 * exactly those it added (a duplicate of a stored sample stays with the import that brought it first).
 */
export function tallyArrivals(into: Arrivals, metric: MetricId, c: ChunkColumns, importId: number): void {
  let a = into[metric];
  for (let i = 0; i < c.n; i++) {
    if (c.importId[i] !== importId) continue;
    const day = localDay(c.start[i]!, c.offsetMin[i]!);
    if (!a) into[metric] = a = { count: 0, first: day, last: day };
    a.count++;
    if (day < a.first) a.first = day;
    if (day > a.last) a.last = day;
  }
}
