/**
 * The one answer to "what is my risk of type 2 diabetes?": every screen shows this number and
 * names it the same way.
 *
 * It is the twin's probability of **new** type 2 diabetes within 10 years under no change, among
 * the twin's versions of the person whose usual levels are below the diagnostic thresholds today
 * (as a risk equation counts: people free of diabetes). It comes from the twin because the twin is
 * what the what-if explorer changes, so the explorer's "no change" starts from this very number; the
 * twin's progression is matched to QDiabetes-2018 (Hippisley-Cox & Coupland, BMJ 2017;359:j5019,
 * models/twin/anchor.ts) and then fitted to the person's own measurements.
 *
 * The chance that the person's usual levels are already in the diabetes range today is a different
 * quantity and is reported apart, never added into the 10-year figure.
 *
 * A person who already has diabetes gets no diabetes probability at all: the twin's glycaemia is
 * built for people without diabetes (docs/models.md), so for them it would forecast nonsense.
 */
import type { RiskProfile } from '../risk/profile.ts';
import { newDiagnosisProbability, type SimulateResult } from './simulate.ts';

/** Diagnostic thresholds on the latest values (ADA/WHO): HbA1c ≥ 6.5 %, fasting glucose ≥ 126 mg/dL. */
export const DIABETES_HBA1C_PERCENT = 6.5;
export const DIABETES_FASTING_GLUCOSE_MG_DL = 126;

/** Why the person counts as already having diabetes, or null. */
export type HasDiabetes = { because: 'recorded' } | { because: 'hba1c'; value: number } | { because: 'fastingGlucose'; value: number };

/**
 * Whether the person already has diabetes: a diagnosis in the profile or an imported record, or a
 * latest HbA1c or fasting glucose in the diabetes range (one value in range is not a diagnosis; the
 * app says it is "in the diabetes range" and asks the person to check with their clinician).
 */
export function hasDiabetes(p: Pick<RiskProfile, 'diabetes' | 'hba1cPercent' | 'fastingGlucoseMgDl'>): HasDiabetes | null {
  if (p.diabetes) return { because: 'recorded' };
  if (p.hba1cPercent !== undefined && p.hba1cPercent >= DIABETES_HBA1C_PERCENT) return { because: 'hba1c', value: p.hba1cPercent };
  if (p.fastingGlucoseMgDl !== undefined && p.fastingGlucoseMgDl >= DIABETES_FASTING_GLUCOSE_MG_DL)
    return { because: 'fastingGlucose', value: p.fastingGlucoseMgDl };
  return null;
}

export interface DiabetesRisk {
  /** Probability (0–1) of new type 2 diabetes within `years` under no change. */
  newWithin: number;
  years: number;
  /** Probability (0–1) that the person's usual levels are in the diabetes range today (a test would tell). */
  alreadyInRangeToday: number;
}

/** The headline from the twin's no-change result: new diabetes within `years` (default 10), and today's chance apart. */
export function diabetesRisk(noChange: SimulateResult, years = 10): DiabetesRisk | null {
  const y = noChange.years.indexOf(years);
  if (y < 0) return null;
  return {
    newWithin: newDiagnosisProbability(noChange.t2dCumulativeProbability, y),
    years,
    alreadyInRangeToday: noChange.t2dCumulativeProbability[0] ?? 0,
  };
}

/** The probability of new diabetes by each year of a result (0 at year 0): what the what-if's chart draws. */
export function newDiabetesByYear(r: SimulateResult): number[] {
  return r.t2dCumulativeProbability.map((_, y) => newDiagnosisProbability(r.t2dCumulativeProbability, y));
}
