/**
 * ADA / CDC type 2 diabetes risk test (screening for undiagnosed diabetes; 5 or more points = high
 * risk). Bang H, Edwards AM, Bomback AS, et al. Development and validation of a patient self-
 * assessment score for diabetes risk. Ann Intern Med 2009;151:775-783; points as on the ADA/CDC form
 * (docs/equations.md §3), which adds gestational diabetes. It is a cross-sectional screening score, not an
 * incidence model: it gives no risk percentage. Asian BMI cut-offs are not published in full and
 * are not applied.
 */
import { fail, outside, Terms, type Result, type Sex } from './common.ts';

export interface AdaInput {
  sex: Sex;
  ageYears: number;
  bmiKgM2: number;
  gestationalDiabetes: boolean;
  /** Mother, father, sister or brother with diabetes. */
  familyHistoryFirstDegree: boolean;
  /** Ever diagnosed with high blood pressure. */
  hypertension: boolean;
  physicallyActive: boolean;
}

export interface AdaResult {
  points: number;
  highRisk: boolean;
}

function labelOf(input: string, x: AdaInput): string {
  switch (input) {
    case 'age':
      return `age ${Math.floor(x.ageYears)}`;
    case 'sex':
      return x.sex;
    case 'gestationalDiabetes':
      return x.gestationalDiabetes ? 'gestational diabetes' : 'no gestational diabetes';
    case 'familyHistoryDiabetes':
      return x.familyHistoryFirstDegree ? 'parent or sibling with diabetes' : 'no parent or sibling with diabetes';
    case 'hypertension':
      return x.hypertension ? 'high blood pressure' : 'no high blood pressure';
    case 'physicallyActive':
      return x.physicallyActive ? 'physically active' : 'not physically active';
    case 'bmi':
      return `BMI ${x.bmiKgM2.toFixed(1)} kg/m²`;
    default:
      return input;
  }
}

export function adaRiskTest(x: AdaInput): Result<AdaResult> {
  if (!(x.ageYears >= 18 && x.ageYears < 120))
    return fail(`age ${x.ageYears} outside the adult range`, outside('age', x.ageYears, 18, 119));
  if (!(x.bmiKgM2 > 0)) return fail('BMI must be positive', { kind: 'notPositive', inputs: ['bmi'] });
  const t = new Terms('points', labelOf, x);
  t.add('age', x.ageYears < 40 ? 0 : x.ageYears < 50 ? 1 : x.ageYears < 60 ? 2 : 3);
  t.add('sex', x.sex === 'male' ? 1 : 0);
  if (x.sex === 'female') t.add('gestationalDiabetes', x.gestationalDiabetes ? 1 : 0);
  t.add('familyHistoryDiabetes', x.familyHistoryFirstDegree ? 1 : 0);
  t.add('hypertension', x.hypertension ? 1 : 0);
  t.add('physicallyActive', x.physicallyActive ? 0 : 1);
  t.add('bmi', x.bmiKgM2 < 25 ? 0 : x.bmiKgM2 < 30 ? 1 : x.bmiKgM2 < 40 ? 2 : 3);
  return t.result({ points: t.sum, highRisk: t.sum >= 5 });
}
