/**
 * FINDRISC: Finnish Diabetes Risk Score (0-26 points) and its 10-year risk band for drug-treated
 * type 2 diabetes. Lindström J, Tuomilehto J. The diabetes risk score: a practical tool to predict
 * type 2 diabetes risk. Diabetes Care 2003;26:725-731. Points as on the distributed form
 * (models.md §2). Boundary convention where the form is ambiguous: the printed middle bands are
 * inclusive, so BMI exactly 25 or 30 scores 1, and a waist of exactly 94/102 (men) or 80/88 (women)
 * scores 3; age is in whole years.
 */
import { fail, type Contribution, type Result, type Sex } from './common.ts';

export interface FindriscInput {
  sex: Sex;
  ageYears: number;
  bmiKgM2: number;
  waistCm: number;
  /** At least 30 minutes of physical activity every day (work and leisure). */
  physicallyActiveDaily: boolean;
  /** Vegetables, fruit or berries every day. */
  dailyFruitVegetables: boolean;
  /** Ever taken antihypertensive medication regularly. */
  bpMedication: boolean;
  /** Ever found to have high blood glucose. */
  highGlucoseHistory: boolean;
  familyHistoryDiabetes: 'none' | 'second_degree' | 'first_degree';
}

export type FindriscBand = 'low' | 'slightly_elevated' | 'moderate' | 'high' | 'very_high';
export interface FindriscResult { points: number; band: FindriscBand; risk10yPercent: number }

/** Published 10-year risk per band: 1 in 100, 1 in 25, 1 in 6, 1 in 3, 1 in 2. */
export function findriscBand(points: number): { band: FindriscBand; risk10yPercent: number } {
  if (points < 7) return { band: 'low', risk10yPercent: 1 };
  if (points <= 11) return { band: 'slightly_elevated', risk10yPercent: 4 };
  if (points <= 14) return { band: 'moderate', risk10yPercent: 17 };
  if (points <= 20) return { band: 'high', risk10yPercent: 33 };
  return { band: 'very_high', risk10yPercent: 50 };
}

export function findrisc(x: FindriscInput): Result<FindriscResult> {
  if (!(x.ageYears >= 18 && x.ageYears < 120)) return fail(`age ${x.ageYears} outside the adult range`);
  if (!(x.bmiKgM2 > 0) || !(x.waistCm > 0)) return fail('BMI and waist must be positive');
  const age = Math.floor(x.ageYears);
  const parts: Contribution[] = [];
  const add = (input: string, label: string, value: number): void => void parts.push({ input, label, value, unit: 'points' });
  add('age', `age ${age}`, age < 45 ? 0 : age <= 54 ? 2 : age <= 64 ? 3 : 4);
  add('bmi', `BMI ${x.bmiKgM2.toFixed(1)} kg/m²`, x.bmiKgM2 < 25 ? 0 : x.bmiKgM2 <= 30 ? 1 : 3);
  const [lo, hi] = x.sex === 'male' ? [94, 102] : [80, 88];
  add('waistCm', `waist ${x.waistCm} cm`, x.waistCm < lo ? 0 : x.waistCm <= hi ? 3 : 4);
  add('physicallyActiveDaily', x.physicallyActiveDaily ? 'active 30 min daily' : 'not active 30 min daily', x.physicallyActiveDaily ? 0 : 2);
  add('dailyFruitVegetables', x.dailyFruitVegetables ? 'vegetables or fruit daily' : 'vegetables or fruit not daily', x.dailyFruitVegetables ? 0 : 1);
  add('bpMedication', x.bpMedication ? 'blood-pressure medication' : 'no blood-pressure medication', x.bpMedication ? 2 : 0);
  add('highGlucoseHistory', x.highGlucoseHistory ? 'high glucose found before' : 'no high glucose before', x.highGlucoseHistory ? 5 : 0);
  add('familyHistoryDiabetes', `family history: ${x.familyHistoryDiabetes.replace('_', ' ')}`, x.familyHistoryDiabetes === 'first_degree' ? 5 : x.familyHistoryDiabetes === 'second_degree' ? 3 : 0);
  const points = parts.reduce((s, p) => s + p.value, 0);
  return { ok: true, value: { points, ...findriscBand(points) }, contributions: parts };
}
