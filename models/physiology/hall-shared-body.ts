/**
 * Hall adult model for an ensemble whose members share one body (one person's what-if) and differ
 * only in their constant change of energy intake from day 0. The full model runs on a grid of
 * intake changes spanning the members' (nodes ≤ 100 kcal/d apart, each a full daily RK4 run), and each member's
 * daily weight is the 4-point Lagrange interpolation of its neighbouring nodes: the cubic through
 * them, whose coefficients are computed once a day per group of four nodes, evaluated at the
 * member's fixed position among them (its intake change is constant). Weight is smooth in intake
 * change (nearly linear), so the interpolation error stays below 1e-3 kg over 10 years (tested
 * against the full model); the cost per member-day is three multiply-adds instead of a full RK4 step.
 */
import { HallEnsemble, type HallPerson } from './hall-adult.ts';

/** Node spacing at most this many kcal/d (interpolation error < 1e-3 kg over 10 years, tested). */
const MAX_SPACING_KCAL = 100;
const MAX_NODES = 41;

export class SharedBodyHall {
  readonly n: number;
  readonly weight: Float64Array;
  private readonly grid: HallEnsemble;
  /** Per member: its group of four nodes (the first node's index) and its position t ∈ [0, 3] among them. */
  private readonly j0: Int32Array;
  private readonly t: Float64Array;
  /** Today's cubic c0 + c1·t + c2·t² + c3·t³ through nodes j..j+3, four coefficients per j. */
  private readonly coef: Float64Array;

  constructor(body: HallPerson, deltaEiKcalPerDay: Float64Array, deltaAfter: number) {
    const n = (this.n = deltaEiKcalPerDay.length);
    this.weight = new Float64Array(n).fill(body.weightKg);
    let lo = Infinity;
    let hi = -Infinity;
    for (const e of deltaEiKcalPerDay) {
      if (!Number.isFinite(e)) throw new RangeError(`SharedBodyHall: intake change ${e} is not a finite number`);
      lo = Math.min(lo, e);
      hi = Math.max(hi, e);
    }
    const span = hi - lo;
    // Nodes span exactly the members' range (never beyond it, so never outside the model's domain
    // where the members are inside it); edge members use a one-sided 4-point stencil.
    const k = span > 0 ? Math.min(MAX_NODES, Math.max(4, Math.ceil(span / MAX_SPACING_KCAL) + 1)) : 1;
    const h = span > 0 ? span / (k - 1) : 0;
    this.grid = new HallEnsemble(Array.from({ length: k }, () => body));
    for (let i = 0; i < k; i++) this.grid.deltaEi[i] = i === k - 1 ? hi : lo + i * h;
    this.grid.deltaAfter.fill(deltaAfter);
    this.j0 = new Int32Array(n);
    this.t = new Float64Array(n);
    this.coef = new Float64Array(4 * Math.max(1, k - 3));
    if (k === 1) return;
    for (let m = 0; m < n; m++) {
      const x = (deltaEiKcalPerDay[m]! - lo) / h;
      const j = Math.min(k - 4, Math.max(0, Math.floor(x) - 1));
      this.j0[m] = j;
      this.t[m] = x - j; // position among nodes j..j+3, in [0, 3]
    }
  }

  step(): void {
    this.grid.step();
    const g = this.grid.weight;
    const { j0, t, coef, weight } = this;
    if (g.length === 1) {
      weight.fill(g[0]!);
      return;
    }
    // Newton's forward differences of each group of four nodes, as the cubic's monomial coefficients
    // in the position t (nodes at t = 0, 1, 2, 3).
    for (let j = 0; j + 3 < g.length; j++) {
      const g0 = g[j]!;
      const d1 = g[j + 1]! - g0;
      const d2 = g[j + 2]! - 2 * g[j + 1]! + g0;
      const d3 = g[j + 3]! - 3 * g[j + 2]! + 3 * g[j + 1]! - g0;
      coef[4 * j] = g0;
      coef[4 * j + 1] = d1 - d2 / 2 + d3 / 3;
      coef[4 * j + 2] = (d2 - d3) / 2;
      coef[4 * j + 3] = d3 / 6;
    }
    for (let m = 0; m < this.n; m++) {
      const c = 4 * j0[m]!;
      const x = t[m]!;
      weight[m] = coef[c]! + x * (coef[c + 1]! + x * (coef[c + 2]! + x * coef[c + 3]!));
    }
  }
}

/** Whether every body is the same person (the shared-body path applies). */
export function sameBody(bodies: readonly HallPerson[]): boolean {
  const a = bodies[0];
  if (!a) return false;
  return bodies.every(
    (b) =>
      b.sex === a.sex &&
      b.ageYears === a.ageYears &&
      b.heightM === a.heightM &&
      b.weightKg === a.weightKg &&
      (b.physicalActivityLevel ?? 1.5) === (a.physicalActivityLevel ?? 1.5) &&
      (b.carbFraction ?? 0.5) === (a.carbFraction ?? 0.5),
  );
}
