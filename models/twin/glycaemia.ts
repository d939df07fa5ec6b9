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
import { createGlycaemiaKernel, type GlycaemiaArrays, type GlycaemiaKernel } from './glycaemia-kernel.ts';

const K_TRANSIT = 3 / WHIG_TYPICAL.mttDays;
const E_K = Math.exp(-K_TRANSIT);
const KIN = WHIG_TYPICAL.kin;
/** whigFpgMmolL inlined for the hot loop: FPG = (f + √(f² + c/(IS·B)))/2. */
const FLOOR = HOMA_GLUCOSE_FLOOR_MMOL_L;
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

/** The kernel's constants (glycaemia-kernel.ts). */
const KERNEL_CONSTANTS = { kTransit: K_TRANSIT, kinOverK: KIN / K_TRANSIT, expMinusK: E_K, floorMmolL: FLOOR };

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
  /** Which implementation of the daily step runs (glycaemia-kernel.ts): the same numbers either way. */
  readonly implementation: GlycaemiaKernel['implementation'];
  private readonly members: readonly GlycaemiaMember[];
  private readonly kernel: GlycaemiaKernel;
  private readonly v: GlycaemiaArrays;
  private prepared = false;
  /** Thresholds `step` watches (none until `watch` is called). */
  private fpgLimitMmolL = Infinity;
  private hba1cLimitPercent = Infinity;

  constructor(members: readonly GlycaemiaMember[], implementation: 'fastest' | 'reference' = 'fastest') {
    const n = (this.n = members.length);
    this.members = members;
    this.kernel = createGlycaemiaKernel(n, KERNEL_CONSTANTS, implementation);
    this.implementation = this.kernel.implementation;
    const v = (this.v = this.kernel.arrays);
    this.fpgMmolL = v.fpgMmolL;
    this.hba1cPercent = v.hba1cPercent;
    this.isFactor = new Float64Array(n).fill(1);
    this.peripheralFactor = new Float64Array(n).fill(1);
    members.forEach((m, i) => {
      const fpg = whigFpgMmolL(m.is0, m.b0);
      v.fpgMmolL[i] = fpg;
      const a = (KIN * fpg + m.ppg) / K_TRANSIT;
      v.a1[i] = v.a2[i] = v.a3[i] = a;
      // e^{b0 + rb·t/365} on WHIG's logit scale, advanced by one multiplication a day.
      v.odds[i] = (1 - m.b0) / m.b0;
      v.hba1cPercent[i] = 3 * a;
    });
  }

  private prepare(): void {
    const v = this.v;
    this.members.forEach((m, i) => {
      v.w0Kg[i] = m.w0Kg;
      v.scaleEfs[i] = m.scaleEfs;
      v.cBefore[i] = HOMA_C / m.is0;
      v.cAfter[i] = HOMA_C / (m.is0 * this.isFactor[i]!);
      v.ppgK[i] = m.ppg / K_TRANSIT;
      v.rate[i] = Math.exp(m.rbPerYear / 365);
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
      beta[i] = 1 / (1 + this.v.odds[i]!);
    }
    return { isHepatic, isPeripheral, beta };
  }

  /**
   * Watches thresholds from the next step on: the returned flags (one per member, those already
   * over at the call included) turn 1 on the first day the member's fasting glucose or HbA1c is at or
   * over its limit, and stay 1. A person's forecast counts diabetes from that day; the check rides in
   * the step instead of a second pass over the members every day.
   */
  watch(fpgLimitMmolL: number, hba1cLimitPercent: number): Uint8Array {
    this.fpgLimitMmolL = fpgLimitMmolL;
    this.hba1cLimitPercent = hba1cLimitPercent;
    const { flags, fpgMmolL, hba1cPercent } = this.v;
    for (let i = 0; i < this.n; i++) if (fpgMmolL[i]! >= fpgLimitMmolL || hba1cPercent[i]! >= hba1cLimitPercent) flags[i] = 1;
    return flags;
  }

  /**
   * Advances one day given each member's body weight at the end of the day: FPG is the HOMA
   * quasi-steady state of IS·B with IS = IS0·factor·EFS and B = 1/(1 + odds), so
   * c/(IS·B) = (c/(IS0·factor))·(1 + odds)/EFS; EFS is WHIG's linear effect where it was estimated
   * (weight loss), and for a gain its continuation with the same slope at baseline that never reaches
   * zero (a linear loss of sensitivity hit its floor at ~16 kg gained for the median member, ~5 kg
   * for a steep one: drift alone then made lean people diabetic). HbA1c: the exact solution of the
   * equal-rate transit chain over one day with the day's input held.
   */
  step(weightKg: Float64Array): void {
    if (!this.prepared) this.prepare();
    this.v.weightKg.set(weightKg);
    this.kernel.step(this.day + 1 >= this.startDay, this.fpgLimitMmolL, this.hba1cLimitPercent);
    this.day++;
  }
}
