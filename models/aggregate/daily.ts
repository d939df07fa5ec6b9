import { localDay } from '../util/time.ts';
import { overlapTotal, type SourceInfo } from './overlap.ts';

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
  end: ArrayLike<number>;
  value: ArrayLike<number>;
  offsetMin: ArrayLike<number>;
  source: ArrayLike<number>;
}

/**
 * Groups samples by their local calendar day (contracts §1 "Time") and summarizes each wanted day.
 * `wanted` limits the output to those days (the days an import or undo touched); days in `wanted`
 * without samples are absent from the result, so the caller deletes their rows.
 * With `sourceInfo` (cumulative and interval metrics), `sum` is the day's total after the
 * overlapping-sources rule (a moment counted once); without it, the plain sum.
 */
export function aggregateByDay(cols: SampleColumnsView[], wanted?: ReadonlySet<string>, sourceInfo?: (source: number) => SourceInfo): Map<string, DayAggregate> {
  const out = new Map<string, DayAggregate>();
  const members = sourceInfo ? new Map<string, [number, number][]>() : undefined;
  for (let ci = 0; ci < cols.length; ci++) {
    const c = cols[ci]!;
    for (let i = 0; i < c.start.length; i++) {
      const t = c.start[i]!;
      const day = localDay(t, c.offsetMin[i]!);
      if (wanted && !wanted.has(day)) continue;
      const v = c.value[i]!;
      if (members) {
        let list = members.get(day);
        if (!list) members.set(day, (list = []));
        list.push([ci, i]);
      }
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
  if (members && sourceInfo) {
    for (const [day, list] of members) {
      const view = {
        start: list.map(([c, i]) => cols[c]!.start[i]!), end: list.map(([c, i]) => cols[c]!.end[i]!),
        value: list.map(([c, i]) => cols[c]!.value[i]!), source: list.map(([c, i]) => cols[c]!.source[i]!),
      };
      out.get(day)!.sum = overlapTotal(view, list.map((_, k) => k), sourceInfo);
    }
  }
  return out;
}
