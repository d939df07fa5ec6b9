/**
 * Ensemble members: one virtual person's physiology with its uncertain parameters drawn from the
 * population priors (models/twin/priors.ts). Every member starts at steady state at the person's
 * fasting glucose and HbA1c (an observed person's member: at a draw around each reading), held inside
 * the model's domain: glucose 3.9–25 mmol/L, HbA1c 3.5–18 %, and an HbA1c no lower than its glucose
 * gives with the smallest glucose-independent HbA1c input (PRIORS.ppgMin).
 */
import type { HallPerson, Sex } from '../physiology/hall-adult.ts';
import { fsiForHomaIr, whigBetaFromFsi } from '../physiology/homa.ts';
import { whigBetaForFpg, whigFpgMmolL, whigFsiMicroIuMl, WHIG_TYPICAL } from '../physiology/whig.ts';
import type { Rng } from '../util/random.ts';
import { GLUCOSE_MG_DL_PER_MMOL_L } from '../units.ts';
import { peripheralRatio } from './post-load.ts';
import type { GlycaemiaMember } from './glycaemia.ts';
import { PRIORS, type Priors } from './priors.ts';

export const MG_DL_PER_MMOL_L = GLUCOSE_MG_DL_PER_MMOL_L;

export interface VirtualPerson {
  sex: Sex;
  ageYears: number;
  heightM: number;
  weightKg: number;
  fastingGlucoseMgDl: number;
  hba1cPercent: number;
  fastingInsulinMicroIuMl?: number;
  physicalActivityLevel?: number;
}

export interface Member {
  body: HallPerson;
  glycaemia: GlycaemiaMember;
  /** Member's relative response of insulin sensitivity to an intervention (1 = typical). */
  interventionResponse: number;
  /** Unexplained lasting change in energy balance from day 0, kcal/d (drives weight drift). */
  intakeDriftKcalPerDay: number;
  /** Fraction of a scenario's intake change the member achieves (1 = as planned). */
  adherence: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Median fasting insulin, µIU/mL, at a BMI and fasting glucose when none was measured (HOMA-IR prior, priors.ts). */
export function priorFsiMedian(bmi: number, fpgMmolL: number, priors: Priors = PRIORS): number {
  const homaIr = priors.homaIrMedianAtBmi22 * Math.exp(priors.homaIrLogSlopePerBmi * (bmi - 22));
  return fsiForHomaIr(homaIr, fpgMmolL);
}

/**
 * One member. With `rng` undefined the member has typical values (no draw): the deterministic twin.
 * `observed` (default true) says this is one person's ensemble: the person's glucose and HbA1c are
 * single readings, so the member's usual level is drawn around them, and a scenario is what the person
 * does (a what-if is conditional on following the plan: adherence 1). `observed` false is a member of
 * a trial population: its distribution already describes usual levels, and members achieve their own
 * share of the arm's plan (adherence drawn, mean 1). `peripheralRng` (the stream (seed,
 * 'prior.peripheral', member)) draws the member's peripheral insulin sensitivity around what its
 * hepatic sensitivity implies (post-load.ts peripheralRatio); without it the member has the typical value.
 */
export function drawMember(v: VirtualPerson, rng?: Rng, priors: Priors = PRIORS, observed = true, peripheralRng?: Rng): Member {
  const z = (): number => (rng ? rng.normal() : 0);
  const zObs = (): number => (rng && observed ? rng.normal() : 0);
  const bmi = v.weightKg / v.heightM ** 2;
  // Baseline glucose and HbA1c: the observation is one noisy reading of the person's usual level.
  const fpg = clamp((v.fastingGlucoseMgDl / MG_DL_PER_MMOL_L) * (1 + priors.fpgWithinPersonCv * zObs()), 3.9, 25);
  const hba1c = clamp(v.hba1cPercent * (1 + priors.hba1cWithinPersonCv * zObs()), 3.5, 18);
  const fsi =
    v.fastingInsulinMicroIuMl !== undefined
      ? v.fastingInsulinMicroIuMl * Math.exp(priors.fsiAssayLogSd * z())
      : priorFsiMedian(bmi, fpg, priors) * Math.exp(priors.homaIrLogSd * z());
  // HOMA: B from insulin and glucose; IS then from glucose and B (both fractions of normal).
  const b0 = clamp(whigBetaFromFsi(fsi, fpg), priors.betaMin, priors.betaMax);
  const is0 = whigBetaForFpg(b0, fpg); // the HOMA relation is symmetric in IS and B
  const ppg = Math.max(priors.ppgMin, hba1c / WHIG_TYPICAL.mttDays - WHIG_TYPICAL.kin * fpg);
  // These five draws happen for every member drawn from a stream, in this order, whether or not their
  // value is used (a person's member draws an adherence it does not use). The two draws of the usual
  // glucose and HbA1c above happen only for an observed person, so a trial member's parameters come two
  // draws earlier in the stream than an observed member's.
  const [zRb, zEfs, zResponse, zDrift, zAdherence] = [z(), z(), z(), z(), z()];
  return {
    body: {
      sex: v.sex,
      ageYears: v.ageYears,
      heightM: v.heightM,
      weightKg: v.weightKg,
      physicalActivityLevel: v.physicalActivityLevel ?? 1.5,
    },
    glycaemia: {
      w0Kg: v.weightKg,
      is0,
      b0,
      rbPerYear: priors.rbMeanPerYear + priors.rbSdPerYear * zRb,
      scaleEfs: priors.scaleEfsMedian * Math.exp(priors.scaleEfsLogSd * zEfs),
      ppg,
      peripheralRatio: peripheralRatio(is0, peripheralRng ? peripheralRng.normal() : 0, priors),
    },
    interventionResponse: rng ? interventionResponse(priors, zResponse) : 1,
    intakeDriftKcalPerDay: priors.intakeDriftSdKcalPerDay * zDrift,
    adherence: observed || !rng ? 1 : adherence(priors, zAdherence),
  };
}

/**
 * A member's relative insulin-sensitivity response to interventions (log-normal with mean 1, so that a
 * published mean effect stays the ensemble's mean), from a standard normal draw.
 */
export const interventionResponse = (priors: Priors, z: number): number => {
  const s = priors.interventionLogSd;
  return Math.exp(s * z - (s * s) / 2);
};
/** Largest achieved fraction of a planned intake change. */
export const ADHERENCE_MAX = 4;
/** The fraction of a planned intake change a member achieves (log-normal with mean 1, capped at ADHERENCE_MAX), from a standard normal draw. */
export const adherence = (priors: Priors, z: number): number => {
  const s = priors.adherenceLogSd;
  return Math.min(ADHERENCE_MAX, Math.exp(s * z - (s * s) / 2));
};

/** Fasting insulin the member's baseline implies, µIU/mL (for checks). */
export function memberFsi(m: Member): number {
  const g = m.glycaemia;
  return whigFsiMicroIuMl(g.b0, whigFpgMmolL(g.is0, g.b0));
}
