/**
 * The twin's 10-year diabetes probability beside QDiabetes-2018's, with QDiabetes modified by the
 * scenario: BMI at the scenario's one-year weight, the scenario's smoking, and proportional-hazards
 * effects for what QDiabetes has no input for (docs/equations.md §8e: r' = 1 − (1 − r)^HR):
 * metformin HR 0.69 (DPP, Knowler 2002: 31 % reduction) and, for ≥ 150 min/week of activity,
 * HR 0.56 (Hamman 2006: 44 % lower incidence when the activity goal alone was met). Where the two
 * disagree the app shows both.
 */
import type { ScoreWhy } from '../risk/common.ts';
import { profileBmi, type RiskProfile } from '../risk/profile.ts';
import { qdiabetes2018, type QModel } from '../risk/qdiabetes2018.ts';
import { qdiabetesInput } from '../risk/report.ts';
import type { Scenario } from './scenario.ts';
import { newDiagnosisProbability, type SimulateResult } from './simulate.ts';

export interface CrossCheck {
  model: `QDiabetes-2018 ${QModel}`;
  /** 10-year risk today, %. */
  baseline10yPercent: number;
  /** 10-year risk under the scenario, %. */
  scenario10yPercent: number;
  /** The twin's 10-year probability of new diabetes (members over a threshold today left out, as QDiabetes leaves out diabetes), % (null when the forecast is shorter). */
  twin10yPercent: number | null;
  /** Within 5 points or 35 % of the larger. */
  agree: boolean | null;
  note?: string;
}

const HR_METFORMIN = 0.69;
const HR_ACTIVITY = 0.56;
const Q_SMOKING: Record<NonNullable<Scenario['smoking']>, RiskProfile['smoking']> = {
  non: 'non',
  ex: 'ex',
  light: 'light',
  moderate: 'moderate',
  heavy: 'heavy',
};

/**
 * The weight a plan puts into a published score at one year, kg. With the same members' run without
 * the plan (`noChange`), it is today's weight moved by what the plan changes (the two runs' medians
 * at one year apart), so "No change" scores today's profile and reads the same as the score itself
 * on every screen; the twin's own drift without a plan is not something the score models. Without
 * it (the CLI, one scenario alone), the plan's median weight at one year.
 */
export function weightAtOneYear(profile: RiskProfile, twin: SimulateResult, noChange?: SimulateResult): number {
  const at1 = (r: SimulateResult): number => r.weightKg.p50[Math.min(1, r.weightKg.p50.length - 1)]!;
  const today =
    profile.weightKg ??
    (profile.bmi !== undefined && profile.heightCm !== undefined ? profile.bmi * (profile.heightCm / 100) ** 2 : undefined);
  if (noChange && today !== undefined) return today + (at1(twin) - at1(noChange));
  return at1(twin);
}

/** The QDiabetes-2018 model a profile allows (B with fasting glucose, C with HbA1c, else A) and its 10-year risk, %. */
export function qdiabetesTenYear(
  profile: RiskProfile,
): { model: QModel; percent: number } | { unavailable: string; qdiabetesModel: QModel; why: ScoreWhy } {
  const model: QModel = profile.fastingGlucoseMgDl !== undefined ? 'B' : profile.hba1cPercent !== undefined ? 'C' : 'A';
  const base = qdiabetes2018(qdiabetesInput(profile), model);
  return base.ok
    ? { model, percent: base.value }
    : { unavailable: `QDiabetes-2018 ${model}: ${base.reason}`, qdiabetesModel: model, why: base.why };
}

export function qdiabetesCrossCheck(
  profile: RiskProfile,
  scenario: Scenario,
  twin: SimulateResult,
  noChange?: SimulateResult,
): CrossCheck | { unavailable: string; qdiabetesModel: QModel; why: ScoreWhy } {
  const q = qdiabetesTenYear(profile);
  if ('unavailable' in q) return q;
  const { model } = q;
  const base = { value: q.percent };
  const weightAt1y = weightAtOneYear(profile, twin, noChange);
  const changed: RiskProfile = { ...profile, weightKg: weightAt1y, ...(scenario.smoking ? { smoking: Q_SMOKING[scenario.smoking] } : {}) };
  if (profile.weightKg === undefined && profile.bmi !== undefined && profile.heightCm !== undefined)
    changed.bmi = weightAt1y / (profile.heightCm / 100) ** 2;
  const after = qdiabetes2018(qdiabetesInput(changed), model);
  if (!after.ok)
    return { unavailable: `QDiabetes-2018 ${model} under the scenario: ${after.reason}`, qdiabetesModel: model, why: after.why };
  let hr = 1;
  if (scenario.metformin) hr *= HR_METFORMIN;
  if ((scenario.activityMinutesPerWeek ?? 0) >= 150) hr *= HR_ACTIVITY;
  const scenarioRisk = 100 * (1 - (1 - after.value / 100) ** hr);
  const y10 = twin.years.indexOf(10);
  const twin10 = y10 >= 0 ? 100 * newDiagnosisProbability(twin.t2dCumulativeProbability, y10) : null;
  const agree = twin10 === null ? null : Math.abs(twin10 - scenarioRisk) <= Math.max(5, 0.35 * Math.max(twin10, scenarioRisk));
  const out: CrossCheck = {
    model: `QDiabetes-2018 ${model}`,
    baseline10yPercent: base.value,
    scenario10yPercent: scenarioRisk,
    twin10yPercent: twin10,
    agree,
  };
  const bmi = profileBmi(changed);
  if (bmi !== undefined && (bmi < 20 || bmi > 40))
    out.note = `BMI ${bmi.toFixed(1)} is outside QDiabetes' 20-40 clamp, so weight change inside that range is all it sees`;
  return out;
}
