/**
 * Glycaemia of an ensemble, vectorized over members: the WHIG model (Choy 2016; docs/equations.md §8a)
 * without its trial-specific terms, re-parameterized per member so that each starts at steady state
 * at its own fasting glucose and HbA1c (see docs/models.md "Twin: glycaemia").
 *
 *   IS_h(t) = IS0 · EFS(W) · E_h              EFS = 1 − x for a loss, 1/(1 + x) for a gain, x = scaleEfs·(W − W0)
 *   IS_p(t) = IS0 · r_p · EFS(W) · E_p        (peripheral: the post-load model's muscle uptake, post-load.ts)
 *   B(t)    = 1 / (1 + e^{b0 + rb·t/365})   (logit-linear β-cell decline)
 *   FPG     = HOMA quasi-steady state of IS_h·B (the fasting state is the liver's)
 *   HbA1c   = A1 + A2 + A3, transit chain with k = 3/MTT and input kin·FPG + PPG
 *
 * Insulin sensitivity has two channels (docs/models.md "Twin: two insulin-sensitivity channels"):
 * hepatic, which sets the fasting glucose, and peripheral, which only the post-load glucose sees.
 * Weight acts on both alike; E_h and E_p are the interventions' factors (metformin hepatic, activity
 * peripheral) from startDay, or from the day `setFactors` is called in a run of several phases.
 * Units: FPG mmol/L, HbA1c %, weight kg, days.
 */
import { HOMA_FSI_PER_B, HOMA_GLUCOSE_FLOOR_MMOL_L, HOMA_IS_CONSTANT } from '../physiology/homa.ts';
import { whigFpgMmolL, WHIG_TYPICAL } from '../physiology/whig.ts';

const K_TRANSIT = 3 / WHIG_TYPICAL.mttDays;
const E_K = Math.exp(-K_TRANSIT);
const KIN = WHIG_TYPICAL.kin;
/** whigFpgMmolL inlined for the hot loop: FPG = (f + √(f² + c/(IS·B)))/2. */
const FLOOR = HOMA_GLUCOSE_FLOOR_MMOL_L;
const FLOOR_SQ = FLOOR * FLOOR;
const HOMA_C = (4 * HOMA_IS_CONSTANT) / HOMA_FSI_PER_B;

export interface GlycaemiaMember {
  w0Kg: number;
  /** Insulin sensitivity at baseline, fraction of normal. */
  is0: number;
  /** β-cell function at baseline, fraction of normal (0 < B0 < 1). */
  b0: number;
  rbPerYear: number;
  scaleEfs: number;
  /** Glucose-independent HbA1c input, %/day. */
  ppg: number;
  /** Peripheral insulin sensitivity at baseline as a multiple of the hepatic (IS0); 1 when not drawn. */
  peripheralRatio?: number;
}

/** Per-member constants (stride P) and states (stride S), interleaved for the hot loop. */
const P = 6; // w0, scaleEfs, c/IS0 before startDay, c/IS0 after, PPG/k, daily odds factor
const S = 4; // A1, A2, A3, odds of β-cell dysfunction (1 − B)/B

export class GlycaemiaEnsemble {
  readonly n: number;
  day = 0;
  readonly fpgMmolL: Float64Array;
  readonly hba1cPercent: Float64Array;
  /** Intervention factor on hepatic insulin sensitivity from startDay (1 = none); read at the first step. */
  readonly isFactor: Float64Array;
  /** Intervention factor on peripheral insulin sensitivity from startDay (1 = none). */
  readonly peripheralFactor: Float64Array;
  startDay = 0;
  private readonly members: readonly GlycaemiaMember[];
  private readonly par: Float64Array;
  private readonly st: Float64Array;
  private prepared = false;

  constructor(members: readonly GlycaemiaMember[]) {
    const n = (this.n = members.length);
    this.members = members;
    this.fpgMmolL = new Float64Array(n);
    this.hba1cPercent = new Float64Array(n);
    this.isFactor = new Float64Array(n).fill(1);
    this.peripheralFactor = new Float64Array(n).fill(1);
    this.par = new Float64Array(n * P);
    this.st = new Float64Array(n * S);
    members.forEach((m, i) => {
      const fpg = whigFpgMmolL(m.is0, m.b0);
      this.fpgMmolL[i] = fpg;
      const a = (KIN * fpg + m.ppg) / K_TRANSIT;
      this.st[i * S] = this.st[i * S + 1] = this.st[i * S + 2] = a;
      // e^{b0 + rb·t/365} on WHIG's logit scale, advanced by one multiplication a day.
      this.st[i * S + 3] = (1 - m.b0) / m.b0;
      this.hba1cPercent[i] = 3 * a;
    });
  }

  private prepare(): void {
    this.members.forEach((m, i) => {
      const o = i * P;
      this.par[o] = m.w0Kg;
      this.par[o + 1] = m.scaleEfs;
      this.par[o + 2] = HOMA_C / m.is0;
      this.par[o + 3] = HOMA_C / (m.is0 * this.isFactor[i]!);
      this.par[o + 4] = m.ppg / K_TRANSIT;
      this.par[o + 5] = Math.exp(m.rbPerYear / 365);
    });
    this.prepared = true;
  }

  /**
   * Changes the interventions' factors from the next step on (a trial arm's next phase): the
   * factors then apply whatever startDay says.
   */
  setFactors(hepatic: ArrayLike<number>, peripheral: ArrayLike<number>): void {
    for (let i = 0; i < this.n; i++) {
      this.isFactor[i] = hepatic[i]!;
      this.peripheralFactor[i] = peripheral[i]!;
    }
    this.prepare();
    this.startDay = Math.min(this.startDay, this.day);
  }

  /**
   * Each member's insulin sensitivity (hepatic and peripheral, fractions of normal) and β-cell
   * function today at body weight `weightKg`: what the post-load model needs (post-load.ts).
   */
  insulinState(weightKg: ArrayLike<number>): { isHepatic: Float64Array; isPeripheral: Float64Array; beta: Float64Array } {
    const n = this.n;
    const isHepatic = new Float64Array(n);
    const isPeripheral = new Float64Array(n);
    const beta = new Float64Array(n);
    const on = this.day >= this.startDay;
    for (let i = 0; i < n; i++) {
      const m = this.members[i]!;
      const x = m.scaleEfs * (weightKg[i]! - m.w0Kg);
      const efs = x <= 0 ? 1 - x : 1 / (1 + x);
      isHepatic[i] = m.is0 * efs * (on ? this.isFactor[i]! : 1);
      isPeripheral[i] = m.is0 * (m.peripheralRatio ?? 1) * efs * (on ? this.peripheralFactor[i]! : 1);
      beta[i] = 1 / (1 + this.st[i * S + 3]!);
    }
    return { isHepatic, isPeripheral, beta };
  }

  /** Advances one day given each member's body weight at the end of the day. */
  step(weightKg: Float64Array): void {
    if (!this.prepared) this.prepare();
    const cSlot = this.day + 1 >= this.startDay ? 3 : 2;
    const kT = K_TRANSIT,
      kinK = KIN / K_TRANSIT,
      eK = E_K,
      c3 = 0.5 * K_TRANSIT * K_TRANSIT,
      floor = FLOOR,
      floorSq = FLOOR_SQ;
    const { fpgMmolL, hba1cPercent, par, st } = this;
    const n = this.n;
    for (let i = 0; i < n; i++) {
      const o = i * P;
      const q = i * S;
      // WHIG's linear effect where it was estimated (weight loss); for a gain its continuation with the
      // same slope at baseline that never reaches zero (a linear loss of sensitivity hit its floor at
      // ~16 kg gained for the median member, ~5 kg for a steep one: drift alone then made lean people diabetic).
      const x = par[o + 1]! * (weightKg[i]! - par[o]!);
      const efs = x <= 0 ? 1 - x : 1 / (1 + x);
      const odds = st[q + 3]! * par[o + 5]!;
      // IS = IS0·factor·EFS and B = 1/(1 + odds), so c/(IS·B) = (c/(IS0·factor))·(1 + odds)/EFS.
      const fpg = 0.5 * (floor + Math.sqrt(floorSq + (par[o + cSlot]! * (1 + odds)) / efs));
      // Exact solution of the equal-rate transit chain over one day with the day's input held.
      const s = kinK * fpg + par[o + 4]!;
      const d1 = st[q]! - s;
      const d2 = st[q + 1]! - s;
      const d3 = st[q + 2]! - s;
      const n1 = s + d1 * eK;
      const n2 = s + (d2 + kT * d1) * eK;
      const n3 = s + (d3 + kT * d2 + c3 * d1) * eK;
      st[q] = n1;
      st[q + 1] = n2;
      st[q + 2] = n3;
      st[q + 3] = odds;
      fpgMmolL[i] = fpg;
      hba1cPercent[i] = n1 + n2 + n3;
    }
    this.day++;
  }
}
