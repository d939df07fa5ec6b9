/**
 * WHIG model: weight → insulin sensitivity → HOMA feedback of fasting insulin and glucose → HbA1c.
 *
 * Source: Choy S, Kjellsson MC, Karlsson MO, de Winter W. Weight-HbA1c-insulin-glucose model for
 * describing disease progression of type 2 diabetes. CPT Pharmacometrics Syst Pharmacol
 * 2016;5:11–19 (doi 10.1002/psp4.12051, open access). HOMA feedback structure from de Winter W et
 * al., J Pharmacokinet Pharmacodyn 2006;33:313–343 and Matthews DR et al., Diabetologia 1985.
 * Parameter values: Choy 2016 Table 1 as encoded in nlmixr2lib `Choy_2016_T2DM_WHIG` (docs/equations.md §8a).
 *
 * Units: FPG mmol/L, FSI µIU/mL, HbA1c % (NGSP), weight kg, time days. IS and B are fractions of
 * normal insulin sensitivity and β-cell function.
 */

import { HOMA_FSI_PER_B, HOMA_GLUCOSE_FLOOR_MMOL_L, HOMA_IS_CONSTANT } from './homa.ts';

/** Fasting glucose, mmol/L, at quasi-steady state for insulin sensitivity `is` and β-cell function `b` (fractions of normal). */
export function whigFpgMmolL(is: number, b: number): number {
  const f = HOMA_GLUCOSE_FLOOR_MMOL_L;
  return (f + Math.sqrt(f * f + (4 * HOMA_IS_CONSTANT) / (HOMA_FSI_PER_B * is * b))) / 2;
}

/** Fasting insulin, µIU/mL, for β-cell function `b` at fasting glucose `fpgMmolL`. */
export function whigFsiMicroIuMl(b: number, fpgMmolL: number): number {
  return HOMA_FSI_PER_B * b * (fpgMmolL - HOMA_GLUCOSE_FLOOR_MMOL_L);
}

/** β-cell function (fraction of normal) that gives fasting glucose `fpgMmolL` at insulin sensitivity `is`: the HOMA relation solved for B. */
export function whigBetaForFpg(is: number, fpgMmolL: number): number {
  return HOMA_IS_CONSTANT / (HOMA_FSI_PER_B * is * fpgMmolL * (fpgMmolL - HOMA_GLUCOSE_FLOOR_MMOL_L));
}

/** Steady-state HbA1c, %, for a constant fasting glucose: MTT·(kin·FPG + PPG). */
export function whigSteadyHba1cPercent(fpgMmolL: number, p: Pick<WhigParams, 'kin' | 'ppg' | 'mttDays'>): number {
  return p.mttDays * (p.kin * fpgMmolL + p.ppg);
}

export interface WhigParams {
  /** Weight half-time towards its target, days. */
  weightHalfLifeDays: number;
  w0Kg: number;
  /** Logit of insulin sensitivity at baseline: IS0 = 1/(1 + e^is0). */
  is0: number;
  /** Rise in insulin sensitivity per kg lost, fraction of baseline per kg. */
  scaleEfs: number;
  /** Logit of β-cell function at baseline: B0 = 1/(1 + e^b0). */
  b0: number;
  /** β-cell decline, logit units per year. */
  rbPerYear: number;
  efbMax: number;
  sefbi: number;
  sefbd: number;
  efb50Days: number;
  /** Diet and placebo effects on weight, %, and weight drift, %/year (trial-specific). */
  efdePercent: number;
  efpPercent: number;
  efupPercentPerYear: number;
  /** HbA1c input per mmol/L fasting glucose, %/day. */
  kin: number;
  /** Glucose-independent HbA1c input, %/day. */
  ppg: number;
  /** Post-baseline scaling of ppg (trial-specific). */
  scalePpg: number;
  /** HbA1c mean transit time, days. */
  mttDays: number;
}

/** Typical values, Choy 2016 Table 1 (docs/equations.md §8a). */
export const WHIG_TYPICAL: WhigParams = {
  weightHalfLifeDays: 96.9,
  w0Kg: 104,
  is0: 1.1,
  scaleEfs: 0.0514,
  b0: -0.446,
  rbPerYear: 0.209,
  efbMax: 0.171,
  sefbi: -3.69,
  sefbd: 8.05,
  efb50Days: 190,
  efdePercent: 4.08,
  efpPercent: 2.28,
  efupPercentPerYear: 2.99,
  kin: 0.0129,
  ppg: 0.0709,
  scalePpg: 0.963,
  mttDays: 38.9,
};

/** Between-subject variances of Choy 2016 Table 1 (docs/equations.md §8a); `log` = on the log scale. */
export const WHIG_IIV = {
  w0Log: 0.02109,
  is0: 0.09303,
  scaleEfsLog: 0.3757,
  b0: 1.96,
  efbMaxLog: 0.22158,
  efb50Log: 0.11453,
  rb: 0.0441,
  ppgLog: 0.02358,
  efde: 0.12674,
  efp: 0.1616,
  efup: 0.55354,
} as const;

export interface WhigPoint {
  day: number;
  weightKg: number;
  fsiMicroIuMl: number;
  fpgMmolL: number;
  hba1cPercent: number;
}

/**
 * The full published model with its trial-specific effects (diet and placebo weight effects, the
 * transient β-cell effect, post-baseline PPG scaling), for the vignette. Integrated with RK4 at
 * `stepDays`; the day-42 switch falls on a step boundary.
 */
export function whigTrial(p: WhigParams, days: readonly number[], stepDays = 0.05): WhigPoint[] {
  const ln2 = Math.log(2);
  const efw = (t: number): number =>
    (1 + (p.efupPercentPerYear / 100) * (t / 365)) * (1 - p.efdePercent / 100 - (t >= 42 ? p.efpPercent / 100 : 0));
  const dW = (t: number, w: number): number => (ln2 / p.weightHalfLifeDays) * (efw(t) * p.w0Kg - w);
  const is0 = 1 / (1 + Math.exp(p.is0));
  const state = (t: number, w: number): { fpg: number; fsi: number } => {
    const is = (1 - p.scaleEfs * (w - p.w0Kg)) * is0;
    const b = 1 / (1 + Math.exp(p.b0 + (p.rbPerYear * t) / 365));
    const efb = 1 + p.efbMax * (1 / (1 + Math.exp(p.sefbi * (t - 42)))) * (1 / (1 + Math.exp(p.sefbd * (t - p.efb50Days))));
    const fpg = whigFpgMmolL(is, b * efb);
    return { fpg, fsi: whigFsiMicroIuMl(b * efb, fpg) };
  };
  const k = 3 / p.mttDays;
  // y = [W, A1, A2, A3]
  const deriv = (t: number, y: readonly number[]): number[] => {
    const { fpg } = state(t, y[0]!);
    const ppg = p.ppg * (t > 0 ? p.scalePpg : 1);
    return [dW(t, y[0]!), p.kin * fpg + ppg - k * y[1]!, k * (y[1]! - y[2]!), k * (y[2]! - y[3]!)];
  };
  const a0 = (p.kin * state(0, p.w0Kg).fpg + p.ppg) / k;
  let y = [p.w0Kg, a0, a0, a0];
  let t = 0;
  const out: WhigPoint[] = [];
  const emit = (): void => {
    const s = state(t, y[0]!);
    out.push({ day: t, weightKg: y[0]!, fsiMicroIuMl: s.fsi, fpgMmolL: s.fpg, hba1cPercent: y[1]! + y[2]! + y[3]! });
  };
  for (const target of [...days].sort((a, b) => a - b)) {
    while (t < target - 1e-9) {
      // Small steps, and never across the day-42 discontinuity or t = 0+.
      const h = Math.min(stepDays, target - t, t < 42 ? 42 - t : Infinity);
      const tt = t === 0 ? 1e-12 : t;
      const k1 = deriv(tt, y);
      const k2 = deriv(
        tt + h / 2,
        y.map((v, i) => v + (h / 2) * k1[i]!),
      );
      const k3 = deriv(
        tt + h / 2,
        y.map((v, i) => v + (h / 2) * k2[i]!),
      );
      const k4 = deriv(
        tt + h - 1e-12,
        y.map((v, i) => v + h * k3[i]!),
      );
      y = y.map((v, i) => v + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
      t += h;
      if (Math.abs(t - Math.round(t)) < 1e-9) t = Math.round(t);
    }
    emit();
  }
  return out;
}
