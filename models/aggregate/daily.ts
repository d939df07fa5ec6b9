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
 * Groups samples by their local calendar day (docs/metrics.md "Time") and summarizes each wanted day.
 * `wanted` limits the output to those days (the days an import or undo touched); days in `wanted`
 * without samples are absent from the result, so the caller deletes their rows.
 * With `sourceInfo` (cumulative and interval metrics), `sum` is the day's total after the
 * overlapping-sources rule (a moment counted once); without it, the plain sum.
 */
export function aggregateByDay(
  cols: SampleColumnsView[],
  wanted?: ReadonlySet<string>,
  sourceInfo?: (source: number) => SourceInfo,
): Map<string, DayAggregate> {
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
    // All samples in one sorted view, so that each day's total also sees the samples of the days
    // around it that overlap it in time.
    const flat: [number, number][] = [];
    for (let ci = 0; ci < cols.length; ci++) for (let i = 0; i < cols[ci]!.start.length; i++) flat.push([ci, i]);
    flat.sort((x, y) => cols[x[0]]!.start[x[1]]! - cols[y[0]]!.start[y[1]]!);
    const view = {
      start: flat.map(([c, i]) => cols[c]!.start[i]!),
      end: flat.map(([c, i]) => cols[c]!.end[i]!),
      value: flat.map(([c, i]) => cols[c]!.value[i]!),
      source: flat.map(([c, i]) => cols[c]!.source[i]!),
    };
    const base: number[] = [];
    let total = 0;
    for (const c of cols) {
      base.push(total);
      total += c.start.length;
    }
    const pos = new Int32Array(total);
    flat.forEach(([c, i], k) => (pos[base[c]! + i] = k));
    let maxDur = 0;
    for (let k = 0; k < view.start.length; k++) maxDur = Math.max(maxDur, view.end[k]! - view.start[k]!);
    for (const [day, list] of members) {
      const idx = list.map(([c, i]) => pos[base[c]! + i]!);
      const mine = new Set(idx);
      let a = Infinity,
        b = -Infinity;
      for (const k of idx) {
        a = Math.min(a, view.start[k]!);
        b = Math.max(b, view.end[k]!);
      }
      const context: number[] = [];
      for (let k = lowerBound(view.start, a - maxDur); k < view.start.length && view.start[k]! <= b; k++) {
        if (!mine.has(k) && view.end[k]! > a) context.push(k);
      }
      out.get(day)!.sum = overlapTotal(view, idx, sourceInfo, context);
    }
  }
  return out;
}

function lowerBound(a: number[], x: number): number {
  let lo = 0,
    hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
