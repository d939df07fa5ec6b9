/**
 * Calibration stage 2, systematic resampling (Kitagawa 1996; Douc, Cappé & Moulines 2005): n
 * positions u/n, (u + 1)/n, … (n − 1 + u)/n with one uniform u, each picking the draw whose
 * cumulative weight it falls in. Draw i is picked ⌊n·wᵢ⌋ or ⌈n·wᵢ⌉ times: the counts' expectation is n·wᵢ.
 */

/** Indices of the picked draws, in order, for normalised weights `w`, `n` picks and a uniform `u` in [0, 1). */
export function systematicResample(w: ArrayLike<number>, n: number, u: number): number[] {
  const picks: number[] = [];
  const u0 = u / n;
  let cum = w[0]!;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const at = u0 + k / n;
    while (at > cum && j < w.length - 1) cum += w[++j]!;
    picks.push(j);
  }
  return picks;
}
