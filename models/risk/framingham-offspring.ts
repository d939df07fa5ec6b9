/**
 * Framingham Offspring simple clinical model: 8-year risk of type 2 diabetes (logistic form).
 * Wilson PWF, Meigs JB, Sullivan L, et al. Prediction of incident diabetes mellitus in middle-aged
 * adults: the Framingham Offspring Study. Arch Intern Med 2007;167:1068-1074. Coefficients from the
 * Framingham Heart Study's risk-function page (docs/equations.md §4; single source). Population of interest:
 * 45-64 years, white, without diabetes. "Parental history" is read from a first-degree family
 * history (which may be a sibling: an approximation). The point score is not used (its published
 * points conflict between sources).
 */
import { fail, outside, Terms, type Result, type Sex } from './common.ts';

export interface FraminghamInput {
  sex: Sex;
  ageYears: number;
  bmiKgM2: number;
  parentalHistory: boolean;
  systolicBpMmHg: number;
  diastolicBpMmHg: number;
  bpTreated: boolean;
  hdlMgDl: number;
  triglyceridesMgDl: number;
  fastingGlucoseMgDl: number;
}

function labelOf(input: string, x: FraminghamInput): string {
  switch (input) {
    case 'age':
      return `age ${Math.floor(x.ageYears)}`;
    case 'sex':
      return x.sex;
    case 'familyHistoryDiabetes':
      return x.parentalHistory ? 'parental history of diabetes' : 'no parental history';
    case 'bmi':
      return `BMI ${x.bmiKgM2.toFixed(1)} kg/m²`;
    case 'systolicBpMmHg':
      return `blood pressure ${x.systolicBpMmHg}/${x.diastolicBpMmHg}${x.bpTreated ? ', treated' : ''}`;
    case 'hdlMgDl':
      return `HDL ${x.hdlMgDl} mg/dL`;
    case 'triglyceridesMgDl':
      return `triglycerides ${x.triglyceridesMgDl} mg/dL`;
    case 'fastingGlucoseMgDl':
      return `fasting glucose ${x.fastingGlucoseMgDl} mg/dL`;
    default:
      return input;
  }
}

export function framinghamOffspring(x: FraminghamInput): Result<number> {
  if (!(x.ageYears >= 45 && x.ageYears <= 64)) return fail(`age ${x.ageYears} outside 45-64`, outside('age', x.ageYears, 45, 64));
  if (x.fastingGlucoseMgDl >= 126)
    return fail(`fasting glucose ${x.fastingGlucoseMgDl} mg/dL is in the diabetes range`, {
      kind: 'diabetesRange',
      input: 'fastingGlucose',
      value: x.fastingGlucoseMgDl,
    });
  const t = new Terms('log-odds', labelOf, x);
  t.add('age', x.ageYears >= 65 ? -0.081 : x.ageYears >= 50 ? -0.018 : 0);
  t.add('sex', x.sex === 'male' ? -0.01 : 0);
  t.add('familyHistoryDiabetes', x.parentalHistory ? 0.565 : 0);
  t.add('bmi', x.bmiKgM2 >= 30 ? 0.92 : x.bmiKgM2 >= 25 ? 0.301 : 0);
  // "BP ≥130/85 mmHg or on treatment" (the metabolic-syndrome cut-off the paper uses)
  t.add('systolicBpMmHg', x.systolicBpMmHg >= 130 || x.diastolicBpMmHg >= 85 || x.bpTreated ? 0.498 : 0);
  t.add('hdlMgDl', x.hdlMgDl < (x.sex === 'male' ? 40 : 50) ? 0.944 : 0);
  t.add('triglyceridesMgDl', x.triglyceridesMgDl >= 150 ? 0.575 : 0);
  t.add('fastingGlucoseMgDl', x.fastingGlucoseMgDl >= 100 ? 1.98 : 0);
  return t.result(100 / (1 + Math.exp(-(-5.517 + t.sum))));
}
