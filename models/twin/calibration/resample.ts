/**
 * Calibration stage 2, systematic resampling (Kitagawa 1996; Douc, Cappé & Moulines 2005): n
 * positions u/n, (u + 1)/n, … (n − 1 + u)/n with one uniform u in [0, 1), each picking the draw whose
 * interval [C(j−1), C(j)) of cumulative weight it falls in. Draw i is picked ⌊n·wᵢ⌋ or ⌈n·wᵢ⌉ times: the counts' expectation is n·wᵢ.
 */

/** Indices of the picked draws, in order, for normalised weights `w`, `n` picks and a uniform `u` in [0, 1). */
export function systematicResample(w: ArrayLike<number>, n: number, u: number): number[] {
  const picks: number[] = [];
  const u0 = u / n;
  let cum = w[0]!;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const at = u0 + k / n;
    // Position `at` picks j where C(j−1) ≤ at < C(j): a draw of zero weight is never picked (with
    // `at > cum`, u = 0 picked draw 0 whatever its weight, and a position on a boundary the draw before it).
    while (at >= cum && j < w.length - 1) cum += w[++j]!;
    picks.push(j);
  }
  return picks;
}
