/**
 * A what-if scenario (docs/cli.md `simulate`): every field optional, absent = no change from today.
 */
import type { Smoking } from '../risk/profile.ts';
import { snippet } from '../util/text.ts';

export interface Scenario {
  /** Change in energy intake from startDay, kcal/day (drives the body-weight model). */
  energyIntakeChangeKcalPerDay?: number;
  /** Physical activity level (total / resting expenditure) from startDay. */
  physicalActivityLevel?: number;
  /** Moderate activity added, minutes per week (raises the activity level and insulin sensitivity). */
  activityMinutesPerWeek?: number;
  /** Achieved weight change one year after startDay, kg: the intake change that reaches it is found and held. */
  weightChangeKg?: number;
  metformin?: boolean;
  smoking?: Smoking;
  /** Day the scenario starts, days from today. */
  startDay?: number;
}

const NUMERIC: Record<string, [number, number]> = {
  energyIntakeChangeKcalPerDay: [-2500, 2500],
  physicalActivityLevel: [1.1, 2.5],
  activityMinutesPerWeek: [0, 2100],
  weightChangeKg: [-60, 40],
  startDay: [0, 3650],
};
const SMOKING = ['non', 'ex', 'light', 'moderate', 'heavy'];
/** Scenario fields of a later contract version (diabetes care, heart and vessels): "not supported yet". */
const SCENARIO_LATER = ['glucoseLowering', 'totalDietReplacement', 'dietPattern', 'saltReductionGPerDay', 'statin', 'bpMedications'];

/** Checks a parsed JSON value is a usable scenario; returns the reason it is not, or undefined. */
export function invalidScenario(s: unknown, where = 'scenario'): string | undefined {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return `${where} is not an object`;
  const o = s as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (key in NUMERIC || key === 'metformin' || key === 'smoking') continue;
    if (SCENARIO_LATER.includes(key)) return `${where}.${key} is not supported yet`;
    return `${where}.${snippet(key, 60)} is not a scenario field (${[...Object.keys(NUMERIC), 'metformin', 'smoking'].join(', ')})`;
  }
  for (const [key, [lo, hi]] of Object.entries(NUMERIC)) {
    const v = o[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) return `${where}.${key} must be a finite number`;
    if (v < lo || v > hi) return `${where}.${key} ${v} is outside ${lo} to ${hi}`;
  }
  if (o.startDay !== undefined && !Number.isInteger(o.startDay)) return `${where}.startDay must be a whole number of days`;
  if (o.metformin !== undefined && typeof o.metformin !== 'boolean') return `${where}.metformin must be true or false`;
  if (o.smoking !== undefined && !SMOKING.includes(o.smoking as string)) return `${where}.smoking must be one of ${SMOKING.join(', ')}`;
  if (o.weightChangeKg !== undefined && o.energyIntakeChangeKcalPerDay !== undefined)
    return `${where}: give weightChangeKg or energyIntakeChangeKcalPerDay, not both`;
  return undefined;
}

/** Checks a scenario against the person it is for: an achieved weight must stay in the model's BMI 15-70. */
export function scenarioOutOfRange(person: { weightKg: number; heightM: number }, s: Scenario, where = 'scenario'): string | undefined {
  if (s.weightChangeKg === undefined) return undefined;
  const bmi = (person.weightKg + s.weightChangeKg) / person.heightM ** 2;
  if (bmi < 15 || bmi > 70)
    return `${where}.weightChangeKg ${s.weightChangeKg} would take BMI to ${bmi.toFixed(1)}, outside the body-weight model's 15-70`;
  return undefined;
}
