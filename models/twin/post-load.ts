/**
 * A member's 2-hour glucose after a 75 g oral glucose load: the Dalla Man–Rizza–Cobelli 2007 model
 * (models/physiology/dallaman.ts; IEEE Trans Biomed Eng 2007;54:1740) set up from the twin's state,
 * as docs/models.md "Twin: the post-load glucose" describes:
 *
 *  - the fasting state is pinned exactly to the member's HOMA fasting glucose and insulin, the insulin
 *    taken from HOMA's scale to the model's by the assay factor: Ib = 6·a·FSI pmol/L (1 µIU/mL =
 *    6 pmol/L; HOMA's constants come from radioimmunoassays that read higher than the specific
 *    assays behind the model's data);
 *  - the reference person is the model's normal subject (fasting glucose 95 mg/dL, insulin 25 pmol/L):
 *    its HOMA insulin sensitivity IS_ref and β-cell function B_ref under the same assay factor;
 *  - hepatic insulin action kp3 = kp3_N·IS_h/IS_ref, peripheral Vmx = Vmx_N·IS_p/IS_ref, and static
 *    and dynamic secretion β = β_N·B/B_ref, K = K_N·B/B_ref;
 *  - the gut's rates (kmax, kmin, kabs, kgri) times one absorption factor: the published set is a
 *    mixed meal's, slower than a glucose drink (the OGTT set of Dalla Man, Camilleri & Cobelli, IEEE
 *    TBME 2006;53:2472 was not available to us).
 *
 * So a member exactly like the normal subject runs the published normal set. The assay factor is
 * calibrated with the absorption factor (priors.ts, docs/validation.md C1).
 */
import { dallaManSubject, type DallaManSubject } from '../physiology/dallaman-basal.ts';
import { DALLA_MAN_NORMAL, PAPER_VARIANT } from '../physiology/dallaman-parameters.ts';
import { DallaManEnsemble } from '../physiology/dallaman.ts';
import { whigBetaFromFsi } from '../physiology/homa.ts';
import { whigBetaForFpg, whigFsiMicroIuMl } from '../physiology/whig.ts';
import { GLUCOSE_MG_DL_PER_MMOL_L as MG_DL_PER_MMOL_L } from '../units.ts';
import type { Priors } from './priors.ts';

/** pmol/L of insulin per µIU/mL (the conventional factor; Heinemann, Diabetes Care 2010;33:e83). */
export const PMOL_L_PER_MICRO_IU_ML = 6;
/** The model's normal subject (BIOMD0000000379's example): fasting glucose, mg/dL, and insulin, pmol/L. */
const NORMAL_GB_MG_DL = 95;
const NORMAL_IB_PMOL_L = 25;
/** The test: 75 g of glucose, read at 120 minutes, RK4 at half a minute (docs/equations.md §10.4). */
export const OGTT_DOSE_G = 75;
const OGTT_MINUTES = 120;
const STEPS_PER_MINUTE = 2;
/** The model's insulin range where its hepatic extraction stays physiological (ogtt.ts refuses outside). */
const IB_RANGE_PMOL_L = [5, 600] as const;

/** HOMA insulin sensitivity and β-cell function (fractions of normal) of the model's normal subject under assay factor `a`. */
export function postLoadReference(assayFactor: number): { isRef: number; bRef: number } {
  const fpg = NORMAL_GB_MG_DL / MG_DL_PER_MMOL_L;
  const fsi = NORMAL_IB_PMOL_L / (PMOL_L_PER_MICRO_IU_ML * assayFactor);
  const bRef = whigBetaFromFsi(fsi, fpg);
  return { isRef: whigBetaForFpg(bRef, fpg), bRef };
}

/**
 * A member's peripheral insulin sensitivity at baseline as a multiple of its hepatic (IS0): across
 * people, IS_p0 = IS_ref·(IS0/IS_ref)^ρ·e^{σz}, with ρ (`peripheralCoupling`) how closely muscle
 * follows the fasting (hepatic) sensitivity HOMA measures and σ (`peripheralLogSd`) the spread
 * around it, both calibrated (docs/validation.md C1). `z` is the member's standard normal draw (0 for
 * the typical member).
 */
export function peripheralRatio(
  is0: number,
  z: number,
  priors: Pick<Priors, 'postLoadAssayFactor' | 'peripheralCoupling' | 'peripheralLogSd'>,
): number {
  const { isRef } = postLoadReference(priors.postLoadAssayFactor);
  return (is0 / isRef) ** (priors.peripheralCoupling - 1) * Math.exp(priors.peripheralLogSd * z);
}

/** What the post-load model needs of each member today. */
export interface PostLoadInputs {
  fpgMmolL: ArrayLike<number>;
  isHepatic: ArrayLike<number>;
  isPeripheral: ArrayLike<number>;
  beta: ArrayLike<number>;
  weightKg: ArrayLike<number>;
}

/** Member i's model subject, fasting state pinned to its HOMA glucose and insulin. */
export function postLoadSubject(x: PostLoadInputs, i: number, assayFactor: number, absorptionFactor = 1): DallaManSubject {
  const { isRef, bRef } = postLoadReference(assayFactor);
  const fpg = x.fpgMmolL[i]!;
  const b = x.beta[i]!;
  const ib = PMOL_L_PER_MICRO_IU_ML * assayFactor * whigFsiMicroIuMl(b, fpg);
  const N = DALLA_MAN_NORMAL;
  const p = {
    ...N,
    kp3: (N.kp3 * x.isHepatic[i]!) / isRef,
    Vmx: (N.Vmx * x.isPeripheral[i]!) / isRef,
    beta: (N.beta * b) / bRef,
    K: (N.K * b) / bRef,
    kmax: N.kmax * absorptionFactor,
    kmin: N.kmin * absorptionFactor,
    kabs: N.kabs * absorptionFactor,
    kgri: N.kgri * absorptionFactor,
  };
  return dallaManSubject(
    p,
    {
      fastingGlucoseMgDl: fpg * MG_DL_PER_MMOL_L,
      fastingInsulinPmolL: Math.min(IB_RANGE_PMOL_L[1], Math.max(IB_RANGE_PMOL_L[0], ib)),
      bodyWeightKg: x.weightKg[i]!,
      doseG: OGTT_DOSE_G,
    },
    PAPER_VARIANT,
  );
}

/**
 * Each member's usual 2-hour glucose, mg/dL (no test error: the trial's ascertainment adds it). Only
 * members with `which[i]` set are run (default: all); the others get NaN.
 */
export function twoHourGlucoseMgDl(
  x: PostLoadInputs,
  priors: Pick<Priors, 'postLoadAssayFactor' | 'postLoadAbsorptionFactor'>,
  which?: ArrayLike<number>,
): Float64Array {
  const n = x.fpgMmolL.length;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (!which || which[i]) idx.push(i);
  const out = new Float64Array(n).fill(NaN);
  if (!idx.length) return out;
  const e = new DallaManEnsemble(
    idx.map((i) => postLoadSubject(x, i, priors.postLoadAssayFactor, priors.postLoadAbsorptionFactor)),
    PAPER_VARIANT,
  );
  for (let s = 0; s < OGTT_MINUTES * STEPS_PER_MINUTE; s++) e.step(1 / STEPS_PER_MINUTE);
  idx.forEach((i, k) => (out[i] = e.glucoseMgDl(k)));
  return out;
}
