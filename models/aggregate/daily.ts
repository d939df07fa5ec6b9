import { localDay } from '../util/time.ts';

/** The per-day summary of one metric that charts and the twin read instead of raw samples. */
export interface DayAggregate {
  day: string;
  n: number;
  /** Sum of values: a cumulative metric's day total; for sleep, minutes asleep. */
  sum: number;
  min: number;
  max: number;
  /** Value and start (epoch ms) of the day's latest sample. */
  last: number;
  lastT: number;
}

export interface SampleColumnsView {
  start: ArrayLike<number>;
  value: ArrayLike<number>;
  offsetMin: ArrayLike<number>;
}

/**
 * Groups samples by their local calendar day (contracts §1 "Time") and summarizes each wanted day.
 * `wanted` limits the output to those days (the days an import or undo touched); days in `wanted`
 * without samples are absent from the result, so the caller deletes their rows.
 * Cumulative totals here add every source; the overlapping-source rule is applied by the importer's
 * aggregation (issue 3) before this sum is trusted for multi-device data.
 */
export function aggregateByDay(cols: SampleColumnsView[], wanted?: ReadonlySet<string>): Map<string, DayAggregate> {
  const out = new Map<string, DayAggregate>();
  for (const c of cols) {
    for (let i = 0; i < c.start.length; i++) {
      const t = c.start[i]!;
      const day = localDay(t, c.offsetMin[i]!);
      if (wanted && !wanted.has(day)) continue;
      const v = c.value[i]!;
      const a = out.get(day);
      if (!a) {
        out.set(day, { day, n: 1, sum: v, min: v, max: v, last: v, lastT: t });
        continue;
      }
      a.n++;
      a.sum += v;
      if (v < a.min) a.min = v;
      if (v > a.max) a.max = v;
      if (t >= a.lastT) {
        a.last = v;
        a.lastT = t;
      }
    }
  }
  return out;
}
