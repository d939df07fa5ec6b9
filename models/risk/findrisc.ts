/**
 * FINDRISC: Finnish Diabetes Risk Score (0-26 points) and its 10-year risk band for drug-treated
 * type 2 diabetes. Lindström J, Tuomilehto J. The diabetes risk score: a practical tool to predict
 * type 2 diabetes risk. Diabetes Care 2003;26:725-731. Points as on the distributed form
 * (docs/equations.md §2). Boundary convention where the form is ambiguous: the printed middle bands are
 * inclusive, so BMI exactly 25 or 30 scores 1, and a waist of exactly 94/102 (men) or 80/88 (women)
 * scores 3; age is in whole years.
 */
import { fail, outside, Terms, type Result, type Sex } from './common.ts';

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
export interface FindriscResult {
  points: number;
  band: FindriscBand;
  risk10yPercent: number;
}

/** Published 10-year risk per band: 1 in 100, 1 in 25, 1 in 6, 1 in 3, 1 in 2. */
export function findriscBand(points: number): { band: FindriscBand; risk10yPercent: number } {
  if (points < 7) return { band: 'low', risk10yPercent: 1 };
  if (points <= 11) return { band: 'slightly_elevated', risk10yPercent: 4 };
  if (points <= 14) return { band: 'moderate', risk10yPercent: 17 };
  if (points <= 20) return { band: 'high', risk10yPercent: 33 };
  return { band: 'very_high', risk10yPercent: 50 };
}

function labelOf(input: string, x: FindriscInput): string {
  switch (input) {
    case 'age':
      return `age ${Math.floor(x.ageYears)}`;
    case 'bmi':
      return `BMI ${x.bmiKgM2.toFixed(1)} kg/m²`;
    case 'waistCm':
      return `waist ${x.waistCm} cm`;
    case 'physicallyActiveDaily':
      return x.physicallyActiveDaily ? 'active 30 min daily' : 'not active 30 min daily';
    case 'dailyFruitVegetables':
      return x.dailyFruitVegetables ? 'vegetables or fruit daily' : 'vegetables or fruit not daily';
    case 'bpMedication':
      return x.bpMedication ? 'blood-pressure medication' : 'no blood-pressure medication';
    case 'highGlucoseHistory':
      return x.highGlucoseHistory ? 'high glucose found before' : 'no high glucose before';
    case 'familyHistoryDiabetes':
      return `family history: ${x.familyHistoryDiabetes.replace('_', ' ')}`;
    default:
      return input;
  }
}

export function findrisc(x: FindriscInput): Result<FindriscResult> {
  if (!(x.ageYears >= 18 && x.ageYears < 120))
    return fail(`age ${x.ageYears} outside the adult range`, outside('age', x.ageYears, 18, 119));
  if (!(x.bmiKgM2 > 0) || !(x.waistCm > 0))
    return fail('BMI and waist must be positive', { kind: 'notPositive', inputs: ['bmi', 'waistCm'] });
  const age = Math.floor(x.ageYears);
  const [lo, hi] = x.sex === 'male' ? [94, 102] : [80, 88];
  const t = new Terms('points', labelOf, x);
  t.add('age', age < 45 ? 0 : age <= 54 ? 2 : age <= 64 ? 3 : 4);
  t.add('bmi', x.bmiKgM2 < 25 ? 0 : x.bmiKgM2 <= 30 ? 1 : 3);
  t.add('waistCm', x.waistCm < lo ? 0 : x.waistCm <= hi ? 3 : 4);
  t.add('physicallyActiveDaily', x.physicallyActiveDaily ? 0 : 2);
  t.add('dailyFruitVegetables', x.dailyFruitVegetables ? 0 : 1);
  t.add('bpMedication', x.bpMedication ? 2 : 0);
  t.add('highGlucoseHistory', x.highGlucoseHistory ? 5 : 0);
  t.add('familyHistoryDiabetes', x.familyHistoryDiabetes === 'first_degree' ? 5 : x.familyHistoryDiabetes === 'second_degree' ? 3 : 0);
  return t.result({ points: t.sum, ...findriscBand(t.sum) });
}
