/** The risk profile of docs/cli.md (`risk`): units in the names, unknown inputs omitted. */
import { unknownField } from '../util/fields.ts';
import { snippet } from '../util/text.ts';
import type { Sex } from './common.ts';

export type Ethnicity =
  | 'white'
  | 'indian'
  | 'pakistani'
  | 'bangladeshi'
  | 'other_asian'
  | 'black_caribbean'
  | 'black_african'
  | 'chinese'
  | 'african_american'
  | 'hispanic'
  | 'other'
  | 'not_stated';
export type Smoking = 'non' | 'ex' | 'light' | 'moderate' | 'heavy';

export interface RiskProfile {
  sex?: Sex;
  age?: number;
  heightCm?: number;
  weightKg?: number;
  waistCm?: number;
  bmi?: number;
  ethnicity?: Ethnicity;
  smoking?: Smoking;
  townsend?: number;
  fastingGlucoseMgDl?: number;
  hba1cPercent?: number;
  totalCholesterolMgDl?: number;
  hdlMgDl?: number;
  triglyceridesMgDl?: number;
  systolicBpMmHg?: number;
  diastolicBpMmHg?: number;
  egfr?: number;
  physicalActivityLevel?: number;
  familyHistoryDiabetes?: 'none' | 'second_degree' | 'first_degree';
  diabetes?: boolean;
  cvd?: boolean;
  treatedHypertension?: boolean;
  bpMedication?: boolean;
  statin?: boolean;
  corticosteroids?: boolean;
  atypicalAntipsychotic?: boolean;
  learningDisability?: boolean;
  schizophreniaOrBipolar?: boolean;
  gestationalDiabetes?: boolean;
  pcos?: boolean;
  highGlucoseHistory?: boolean;
  physicallyActiveDaily?: boolean;
  dailyFruitVegetables?: boolean;
  physicallyActive?: boolean;
  hypertension?: boolean;
}

const ETHNICITIES = new Set([
  'white',
  'indian',
  'pakistani',
  'bangladeshi',
  'other_asian',
  'black_caribbean',
  'black_african',
  'chinese',
  'african_american',
  'hispanic',
  'other',
  'not_stated',
]);
const SMOKING = new Set(['non', 'ex', 'light', 'moderate', 'heavy']);
const NUMBERS = [
  'age',
  'heightCm',
  'weightKg',
  'waistCm',
  'bmi',
  'townsend',
  'fastingGlucoseMgDl',
  'hba1cPercent',
  'totalCholesterolMgDl',
  'hdlMgDl',
  'triglyceridesMgDl',
  'systolicBpMmHg',
  'diastolicBpMmHg',
  'egfr',
  'physicalActivityLevel',
] as const;
const BOOLEANS = [
  'diabetes',
  'cvd',
  'treatedHypertension',
  'bpMedication',
  'statin',
  'corticosteroids',
  'atypicalAntipsychotic',
  'learningDisability',
  'schizophreniaOrBipolar',
  'gestationalDiabetes',
  'pcos',
  'highGlucoseHistory',
  'physicallyActiveDaily',
  'dailyFruitVegetables',
  'physicallyActive',
  'hypertension',
] as const;

const TEXT = ['sex', 'ethnicity', 'smoking', 'familyHistoryDiabetes'] as const;
/** Every profile field (docs/cli.md); anything else in a profile is an error naming it. */
export const PROFILE_FIELDS: readonly string[] = [...TEXT, ...NUMBERS, ...BOOLEANS];
/** Fields of a later contract version (a person who has type 2 diabetes): "not supported yet". */
const PROFILE_LATER = ['diabetesYears', 'glucoseLowering'];

/** Physiologically possible ranges: a value outside is an unusable profile (exit 2), not a score input. */
const POSSIBLE: Partial<Record<(typeof NUMBERS)[number], [number, number]>> = {
  age: [0, 120],
  heightCm: [40, 272],
  weightKg: [2, 650],
  bmi: [8, 150],
  waistCm: [30, 300],
  townsend: [-20, 20],
  fastingGlucoseMgDl: [10, 1500],
  hba1cPercent: [2, 25],
  totalCholesterolMgDl: [20, 2000],
  hdlMgDl: [2, 400],
  triglyceridesMgDl: [5, 20_000],
  systolicBpMmHg: [40, 300],
  diastolicBpMmHg: [20, 200],
  egfr: [1, 250],
  physicalActivityLevel: [1, 3],
};

/** Checks a parsed JSON value is a usable profile; returns the reason it is not, or undefined. */
export function invalidProfile(p: unknown, where = 'profile'): string | undefined {
  if (!p || typeof p !== 'object' || Array.isArray(p)) return `${where} is not an object`;
  const o = p as Record<string, unknown>;
  const unknown = unknownField(o, where, 'profile', PROFILE_FIELDS, PROFILE_LATER);
  if (unknown) return unknown;
  if (o.sex !== undefined && o.sex !== 'female' && o.sex !== 'male') return `${where}.sex must be "female" or "male"`;
  for (const k of NUMBERS) {
    if (o[k] === undefined) continue;
    if (!(typeof o[k] === 'number' && Number.isFinite(o[k]))) return `${where}.${k} must be a finite number`;
    const r = POSSIBLE[k];
    if (r && ((o[k] as number) < r[0] || (o[k] as number) > r[1])) return `${where}.${k} ${o[k]} is outside ${r[0]}-${r[1]}`;
  }
  for (const k of BOOLEANS) if (o[k] !== undefined && typeof o[k] !== 'boolean') return `${where}.${k} must be true or false`;
  if (o.ethnicity !== undefined && !ETHNICITIES.has(o.ethnicity as string))
    return `${where}.ethnicity "${snippet(String(o.ethnicity))}" is not one of ${[...ETHNICITIES].join(', ')}`;
  if (o.smoking !== undefined && !SMOKING.has(o.smoking as string))
    return `${where}.smoking "${snippet(String(o.smoking))}" is not one of ${[...SMOKING].join(', ')}`;
  if (o.familyHistoryDiabetes !== undefined && !['none', 'second_degree', 'first_degree'].includes(o.familyHistoryDiabetes as string)) {
    return `${where}.familyHistoryDiabetes must be none, second_degree or first_degree`;
  }
  return undefined;
}

/** BMI from height and weight where both are known (docs/cli.md: `bmi` only where either is missing). */
export function profileBmi(p: RiskProfile): number | undefined {
  if (p.heightCm !== undefined && p.weightKg !== undefined && p.heightCm > 0) return p.weightKg / (p.heightCm / 100) ** 2;
  return p.bmi;
}
