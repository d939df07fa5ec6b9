import { METRIC_IDS, METRICS, type MetricId } from '../../models/metrics.ts';
import type { SourceInfo } from '../../models/aggregate/overlap.ts';
import { writeTx } from './tx.ts';
import { aggregateByDay } from '../../models/aggregate/daily.ts';
import { batchLength, type SampleBatch } from '../../models/samples.ts';
import { DAY_MS, localDay, utcMonth, utcMonthStart } from '../../models/util/time.ts';
import type { DoppelDb } from './db.ts';
import { allocColumns, copyColumns, groupByMonth, mergeIntoChunk, type ChunkColumns } from './chunk-merge.ts';
import type { DailyRow, SampleChunkRow } from './rows.ts';
import { tallyArrivals, type Arrivals } from './arrivals.ts';

export interface WriteResult {
  added: number;
  duplicates: number;
  /** Local days touched per metric. */
  touched: Map<MetricId, Set<string>>;
  /** The samples added, per metric: how many, first and last local day. */
  arrived: Arrivals;
}

const chunkKey = (metric: MetricId, month: string): string => `${metric}|${month}`;

/**
 * Writes batches into the month chunks and refreshes the daily rows of every touched day.
 * Must run inside a read-write transaction over sampleChunks, daily, sources and settings (the
 * caller's import transaction), so that the write lands whole or not at all.
 */
export async function writeBatches(db: DoppelDb, batches: SampleBatch[], importId: number): Promise<WriteResult> {
  const result: WriteResult = { added: 0, duplicates: 0, touched: new Map(), arrived: {} };
  // The last version of every chunk written: two batches of one metric may write the same month.
  const written = new Map<string, SampleChunkRow>();
  for (const batch of batches) {
    const n = batchLength(batch);
    if (n === 0) continue;
    const byMonth = groupByMonth(batch);
    const days = result.touched.get(batch.metric) ?? new Set<string>();
    for (let i = 0; i < n; i++) days.add(localDay(batch.start[i]!, batch.offsetMin[i]!));
    result.touched.set(batch.metric, days);
    const keys = [...byMonth.keys()].map((m) => chunkKey(batch.metric, m));
    const existing = await db.sampleChunks.bulkGet(keys);
    const rows: SampleChunkRow[] = [];
    let k = 0;
    for (const [month, pick] of byMonth) {
      const merged = mergeIntoChunk(existing[k++], batch, pick, importId);
      result.added += merged.added;
      result.duplicates += merged.duplicates;
      rows.push({ key: chunkKey(batch.metric, month), metric: batch.metric, month, ...merged.columns });
    }
    await db.sampleChunks.bulkPut(rows);
    for (const r of rows) written.set(r.key, r);
  }
  for (const r of written.values()) tallyArrivals(result.arrived, r.metric, r, importId);
  for (const [metric, days] of result.touched) await refreshDaily(db, metric, days);
  return result;
}

/** Recomputes the daily rows of the given local days of a metric from the stored samples. */
export async function refreshDaily(db: DoppelDb, metric: MetricId, days: ReadonlySet<string>): Promise<void> {
  if (days.size === 0) return;
  const sorted = [...days].sort();
  // A local day can reach into the neighbouring UTC month (offsets run from -12 h to +14 h).
  const from = Date.parse(`${sorted[0]}T00:00:00Z`) - DAY_MS;
  const to = Date.parse(`${sorted[sorted.length - 1]}T00:00:00Z`) + 2 * DAY_MS;
  const chunks = await chunksInRange(db, metric, from, to);
  const aggs = aggregateByDay(chunks, days, METRICS[metric].kind === 'instant' ? undefined : await sourceRanking(db));
  const put: DailyRow[] = [];
  const del: string[] = [];
  for (const day of days) {
    const a = aggs.get(day);
    const key = `${metric}|${day}`;
    if (a) put.push({ key, metric, ...a });
    else del.push(key);
  }
  if (put.length) await db.daily.bulkPut(put);
  if (del.length) await db.daily.bulkDelete(del);
}

/**
 * Rank information for the overlap rule: the user's order (settings.sourceOrder, by source key),
 * else the default class of each source. Read inside the caller's transaction (sources, settings).
 */
export async function sourceRanking(db: DoppelDb): Promise<(id: number) => SourceInfo> {
  const [sources, order] = await Promise.all([db.sources.toArray(), db.settings.get('sourceOrder')]);
  const userOrder = (order?.value as string[] | undefined) ?? [];
  const byId = new Map<number, SourceInfo>();
  for (const s of sources) {
    const u = userOrder.indexOf(s.key);
    const info: SourceInfo = { kindRank: s.kind === 'watch' ? 0 : s.kind === 'phone' ? 1 : 2, name: s.name };
    if (u >= 0) info.userRank = u;
    byId.set(s.id!, info);
  }
  return (id) => byId.get(id) ?? { kindRank: 2, name: '' };
}

/** Recomputes every daily row of the cumulative and interval metrics (after the user reorders sources). */
export async function recomputeTotals(db: DoppelDb): Promise<void> {
  const metrics = METRIC_IDS.filter((m) => METRICS[m].kind !== 'instant');
  await writeTx(db, [db.sampleChunks, db.daily, db.sources, db.settings], async () => {
    for (const m of metrics) {
      const days = (await readDaily(db, m)).map((r) => r.day);
      if (days.length) await refreshDaily(db, m, new Set(days));
    }
  });
}

async function chunksInRange(db: DoppelDb, metric: MetricId, fromMs: number, toMs: number): Promise<SampleChunkRow[]> {
  return db.sampleChunks
    .where('[metric+month]')
    .between([metric, utcMonth(fromMs)], [metric, utcMonth(toMs)], true, true)
    .toArray();
}

/** Samples of one metric with start in [fromMs, toMs], sorted by start, as one columnar view. */
export async function readSamples(db: DoppelDb, metric: MetricId, fromMs = 0, toMs = 8.64e15): Promise<ChunkColumns> {
  const lo = Math.max(fromMs, utcMonthStart('1900-01'));
  const chunks = await chunksInRange(db, metric, lo, Math.min(toMs, Date.UTC(9999, 0)));
  chunks.sort((a, b) => a.t0 - b.t0);
  let n = 0;
  const ranges: [SampleChunkRow, number, number][] = [];
  for (const c of chunks) {
    const a = lowerBound(c.start, fromMs);
    const b = upperBound(c.start, toMs);
    if (b > a) ranges.push([c, a, b]);
    n += b - a;
  }
  const out = allocColumns(n);
  let at = 0;
  for (const [c, a, b] of ranges) {
    copyColumns(out, c, a, b, at);
    at += b - a;
  }
  out.t0 = n ? out.start[0]! : 0;
  out.t1 = n ? out.start[n - 1]! : 0;
  return out;
}

/** First index whose value is ≥ x (strict = false) or > x (strict = true); `a` sorted ascending. */
function search(a: Float64Array, x: number, strict: boolean): number {
  let lo = 0,
    hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x || (strict && a[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const lowerBound = (a: Float64Array, x: number): number => search(a, x, false);
const upperBound = (a: Float64Array, x: number): number => search(a, x, true);

/** Daily rows of one metric between two local days (inclusive), in day order. */
export function readDaily(db: DoppelDb, metric: MetricId, fromDay = '0000-00-00', toDay = '9999-99-99'): Promise<DailyRow[]> {
  return db.daily.where('[metric+day]').between([metric, fromDay], [metric, toDay], true, true).toArray();
}

/** Count of stored samples per metric (reads every chunk; for reports and tests, not for hot paths). */
export async function countSamples(db: DoppelDb): Promise<Partial<Record<MetricId, number>>> {
  const out: Partial<Record<MetricId, number>> = {};
  await db.sampleChunks.each((c) => {
    out[c.metric] = (out[c.metric] ?? 0) + c.n;
  });
  return out;
}

export function isCumulative(metric: MetricId): boolean {
  return METRICS[metric].kind !== 'instant';
}
