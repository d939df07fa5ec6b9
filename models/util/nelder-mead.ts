/**
 * Nelder–Mead simplex minimisation (Nelder & Mead, Computer Journal 1965;7:308), with the standard
 * coefficients (reflection 1, expansion 2, contraction ½, shrink ½). For the twin's calibration of a
 * few parameters against a smooth, deterministic objective (common random numbers).
 */
export interface Minimum {
  x: number[];
  f: number;
  evaluations: number;
}

export function nelderMead(
  f: (x: number[]) => number,
  x0: readonly number[],
  step: readonly number[],
  iterations = 200,
  tolerance = 1e-6,
): Minimum {
  const n = x0.length;
  let evaluations = 0;
  const at = (x: number[]): { x: number[]; f: number } => {
    evaluations++;
    return { x, f: f(x) };
  };
  let simplex = [at([...x0]), ...x0.map((_, i) => at(x0.map((v, j) => (i === j ? v + step[i]! : v))))];
  for (let it = 0; it < iterations; it++) {
    simplex.sort((a, b) => a.f - b.f);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.f - best.f) <= tolerance * (Math.abs(best.f) + tolerance)) break;
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j]!, 0) / n);
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (c - worst.x[j]!));
    const reflected = at(along(1));
    if (reflected.f < best.f) {
      const expanded = at(along(2));
      simplex[n] = expanded.f < reflected.f ? expanded : reflected;
    } else if (reflected.f < simplex[n - 1]!.f) simplex[n] = reflected;
    else {
      const contracted = at(along(-0.5));
      if (contracted.f < worst.f) simplex[n] = contracted;
      else simplex = [best, ...simplex.slice(1).map((p) => at(p.x.map((v, j) => best.x[j]! + 0.5 * (v - best.x[j]!))))];
    }
  }
  simplex.sort((a, b) => a.f - b.f);
  return { x: simplex[0]!.x, f: simplex[0]!.f, evaluations };
}
