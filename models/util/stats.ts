/** Summary statistics of plain arrays of numbers. */

/** Mean of the finite values (NaN marks a value that does not apply, e.g. a member already diagnosed); NaN if there is none. */
export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  let k = 0;
  for (let i = 0; i < xs.length; i++)
    if (Number.isFinite(xs[i])) {
      s += xs[i]!;
      k++;
    }
  return k ? s / k : NaN;
}

/** Population standard deviation of the finite values. */
export function sd(xs: ArrayLike<number>): number {
  const m = mean(xs);
  return Math.sqrt(mean(Array.from(xs, (x) => (x - m) ** 2)));
}
