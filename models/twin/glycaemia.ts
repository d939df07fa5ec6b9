/**
 * Glycaemia of an ensemble, vectorized over members: the WHIG model (Choy 2016; models.md §8a)
 * without its trial-specific terms, re-parameterized per member so that each starts at steady state
 * at its own fasting glucose and HbA1c (see docs/models.md "Twin: glycaemia").
 *
 *   IS(t)   = IS0 · EFS(W) · E_int           EFS = 1 − scaleEfs·(W − W0)   (floored at 0.2)
 *   B(t)    = 1 / (1 + e^{b0 + rb·t/365})   (logit-linear β-cell decline)
 *   FPG     = HOMA quasi-steady state of IS·B
 *   HbA1c   = A1 + A2 + A3, transit chain with k = 3/MTT and input kin·FPG + PPG
 *
 * E_int is the intervention factor on insulin sensitivity (activity, metformin) from startDay.
 * Units: FPG mmol/L, HbA1c %, weight kg, days.
 */
import { HOMA_FSI_PER_B, HOMA_GLUCOSE_FLOOR_MMOL_L, HOMA_IS_CONSTANT, whigFpgMmolL, WHIG_TYPICAL } from '../physiology/whig.ts';

const K_TRANSIT = 3 / WHIG_TYPICAL.mttDays;
const E_K = Math.exp(-K_TRANSIT);
const KIN = WHIG_TYPICAL.kin;
const EFS_FLOOR = 0.2;
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
}

export class GlycaemiaEnsemble {
  readonly n: number;
  day = 0;
  readonly fpgMmolL: Float64Array;
  readonly hba1cPercent: Float64Array;
  /** Intervention factor on insulin sensitivity from startDay (1 = none). */
  readonly isFactor: Float64Array;
  startDay = 0;
  private readonly w0: Float64Array;
  private readonly is0: Float64Array;
  private readonly scaleEfs: Float64Array;
  private readonly ppg: Float64Array;
  /** e^{b0 + rb·t/365}, advanced by one multiplication a day. */
  private readonly oddsInv: Float64Array;
  private readonly oddsStep: Float64Array;
  private readonly a1: Float64Array;
  private readonly a2: Float64Array;
  private readonly a3: Float64Array;

  constructor(members: readonly GlycaemiaMember[]) {
    const n = (this.n = members.length);
    const arr = (): Float64Array => new Float64Array(n);
    this.fpgMmolL = arr(); this.hba1cPercent = arr(); this.isFactor = arr().fill(1);
    this.w0 = arr(); this.is0 = arr(); this.scaleEfs = arr(); this.ppg = arr();
    this.oddsInv = arr(); this.oddsStep = arr(); this.a1 = arr(); this.a2 = arr(); this.a3 = arr();
    members.forEach((m, i) => {
      this.w0[i] = m.w0Kg;
      this.is0[i] = m.is0;
      this.scaleEfs[i] = m.scaleEfs;
      this.ppg[i] = m.ppg;
      this.oddsInv[i] = (1 - m.b0) / m.b0;
      this.oddsStep[i] = Math.exp(m.rbPerYear / 365);
      const fpg = whigFpgMmolL(m.is0, m.b0);
      this.fpgMmolL[i] = fpg;
      const a = (KIN * fpg + m.ppg) / K_TRANSIT;
      this.a1[i] = this.a2[i] = this.a3[i] = a;
      this.hba1cPercent[i] = 3 * a;
    });
  }

  /** Advances one day given each member's body weight at the end of the day. */
  step(weightKg: Float64Array): void {
    const on = this.day + 1 >= this.startDay;
    const kT = K_TRANSIT, invKT = 1 / K_TRANSIT, eK = E_K, kin = KIN, floor = FLOOR, floorSq = FLOOR_SQ, c = HOMA_C, efsFloor = EFS_FLOOR;
    const { fpgMmolL, hba1cPercent, isFactor, w0, is0, scaleEfs, ppg, oddsInv, oddsStep, a1, a2, a3 } = this;
    for (let i = 0; i < this.n; i++) {
      const efsRaw = 1 - scaleEfs[i]! * (weightKg[i]! - w0[i]!);
      const efs = efsRaw > efsFloor ? efsRaw : efsFloor;
      const is = is0[i]! * efs * (on ? isFactor[i]! : 1);
      const odds = oddsInv[i]! * oddsStep[i]!;
      oddsInv[i] = odds;
      // B = 1/(1 + odds), so c/(IS·B) = c·(1 + odds)/IS.
      const fpg = 0.5 * (floor + Math.sqrt(floorSq + (c * (1 + odds)) / is));
      // Exact solution of the equal-rate transit chain over one day with the day's input held.
      const s = (kin * fpg + ppg[i]!) * invKT;
      const d1 = a1[i]! - s;
      const d2 = a2[i]! - s;
      const d3 = a3[i]! - s;
      const n1 = s + d1 * eK;
      const n2 = s + (d2 + kT * d1) * eK;
      const n3 = s + (d3 + kT * d2 + 0.5 * kT * kT * d1) * eK;
      a1[i] = n1; a2[i] = n2; a3[i] = n3;
      fpgMmolL[i] = fpg;
      hba1cPercent[i] = n1 + n2 + n3;
    }
    this.day++;
  }
}
