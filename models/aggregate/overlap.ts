/**
 * The overlapping-sources rule for cumulative metrics (docs/metrics.md): a moment is counted once.
 * Sources are ranked; where samples of different sources overlap in time, the higher-ranked source
 * wins, and a lower-ranked sample contributes its value × the fraction of its interval that no
 * higher-ranked sample covers. Samples of one source never shadow each other.
 */

export interface SourceInfo {
  /** Priority class: 0 watch, 1 phone, 2 other (the default rule). */
  kindRank: number;
  /** The user's order, where set (lower wins); it overrides the class. */
  userRank?: number;
  name: string;
}

export interface DaySamples {
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  value: ArrayLike<number>;
  source: ArrayLike<number>;
}

/**
 * Source order for one day: the user's order, else watch > phone > other; among equals the source
 * with more samples that day, then the name that sorts first.
 */
export function rankSources(ids: Iterable<number>, countOf: (id: number) => number, info: (id: number) => SourceInfo): number[] {
  return [...ids].sort((a, b) => {
    const A = info(a),
      B = info(b);
    const ua = A.userRank ?? Infinity,
      ub = B.userRank ?? Infinity;
    if (ua !== ub) return ua - ub;
    if (A.kindRank !== B.kindRank) return A.kindRank - B.kindRank;
    const c = countOf(b) - countOf(a);
    if (c !== 0) return c;
    return A.name < B.name ? -1 : A.name > B.name ? 1 : a - b;
  });
}

/** Disjoint, sorted intervals [lo, hi) covered so far. */
class Coverage {
  private lo: number[] = [];
  private hi: number[] = [];

  /** Length of [a, b) already covered. */
  covered(a: number, b: number): number {
    let sum = 0;
    for (let i = this.first(a); i < this.lo.length && this.lo[i]! < b; i++) {
      sum += Math.max(0, Math.min(b, this.hi[i]!) - Math.max(a, this.lo[i]!));
    }
    return sum;
  }

  /** Whether instant t lies inside a covered interval. */
  contains(t: number): boolean {
    const i = this.first(t);
    return i < this.lo.length && this.lo[i]! <= t && t < this.hi[i]!;
  }

  add(a: number, b: number): void {
    if (b <= a) return;
    const i = this.first(a);
    let lo = a,
      hi = b;
    let j = i;
    while (j < this.lo.length && this.lo[j]! <= hi) {
      lo = Math.min(lo, this.lo[j]!);
      hi = Math.max(hi, this.hi[j]!);
      j++;
    }
    this.lo.splice(i, j - i, lo);
    this.hi.splice(i, j - i, hi);
  }

  /** First interval whose end is after x. */
  private first(x: number): number {
    let l = 0,
      h = this.hi.length;
    while (l < h) {
      const m = (l + h) >>> 1;
      if (this.hi[m]! <= x) l = m + 1;
      else h = m;
    }
    return l;
  }
}

/**
 * The day's total after the overlap rule. `idx` are the day's sample indices in `s` (those counted);
 * `context` are samples of neighbouring days that overlap them in time (a watch sample from 23:30 to
 * 00:30 covers the phone's 00:00-00:30 of the next day): they cover, but are not counted here.
 */
export function overlapTotal(
  s: DaySamples,
  idx: ArrayLike<number>,
  info: (source: number) => SourceInfo,
  context: ArrayLike<number> = [],
): number {
  const bySource = new Map<number, number[]>();
  const covering = new Map<number, number[]>();
  const push = (m: Map<number, number[]>, i: number): void => {
    const src = s.source[i]!;
    let list = m.get(src);
    if (!list) m.set(src, (list = []));
    list.push(i);
  };
  for (let k = 0; k < idx.length; k++) push(bySource, idx[k]!);
  for (let k = 0; k < context.length; k++) push(covering, context[k]!);
  const sources = new Set([...bySource.keys(), ...covering.keys()]);
  if (sources.size === 1) {
    let sum = 0;
    for (let k = 0; k < idx.length; k++) sum += s.value[idx[k]!]!;
    return sum;
  }
  const order = rankSources(sources, (id) => bySource.get(id)?.length ?? 0, info);
  const cov = new Coverage();
  let total = 0;
  for (const src of order) {
    const list = bySource.get(src) ?? [];
    for (const i of list) {
      const a = s.start[i]!,
        b = s.end[i]!,
        v = s.value[i]!;
      if (b > a) total += v * (1 - cov.covered(a, b) / (b - a));
      else if (!cov.contains(a)) total += v;
    }
    for (const i of list) cov.add(s.start[i]!, s.end[i]!);
    for (const i of covering.get(src) ?? []) cov.add(s.start[i]!, s.end[i]!);
  }
  return total;
}
