/**
 * Framingham Offspring simple clinical model: 8-year risk of type 2 diabetes (logistic form).
 * Wilson PWF, Meigs JB, Sullivan L, et al. Prediction of incident diabetes mellitus in middle-aged
 * adults: the Framingham Offspring Study. Arch Intern Med 2007;167:1068-1074. Coefficients from the
 * Framingham Heart Study's risk-function page (models.md §4; single source). Population of interest:
 * 45-64 years, white, without diabetes. "Parental history" is read from a first-degree family
 * history (which may be a sibling: an approximation). The point score is not used (its published
 * points conflict between sources).
 */
import { fail, type Contribution, type Result, type Sex } from './common.ts';

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

export function framinghamOffspring(x: FraminghamInput): Result<number> {
  if (!(x.ageYears >= 45 && x.ageYears <= 64)) return fail(`age ${x.ageYears} outside 45-64`);
  if (x.fastingGlucoseMgDl >= 126) return fail(`fasting glucose ${x.fastingGlucoseMgDl} mg/dL is in the diabetes range`);
  const parts: Contribution[] = [];
  const add = (input: string, label: string, value: number): void => void parts.push({ input, label, value, unit: 'log-odds' });
  add('age', `age ${Math.floor(x.ageYears)}`, x.ageYears >= 65 ? -0.081 : x.ageYears >= 50 ? -0.018 : 0);
  add('sex', x.sex, x.sex === 'male' ? -0.01 : 0);
  add('familyHistoryDiabetes', x.parentalHistory ? 'parental history of diabetes' : 'no parental history', x.parentalHistory ? 0.565 : 0);
  add('bmi', `BMI ${x.bmiKgM2.toFixed(1)} kg/m²`, x.bmiKgM2 >= 30 ? 0.92 : x.bmiKgM2 >= 25 ? 0.301 : 0);
  const bp = x.systolicBpMmHg >= 130 || x.diastolicBpMmHg >= 85 || x.bpTreated;
  add('systolicBpMmHg', `blood pressure ${x.systolicBpMmHg}/${x.diastolicBpMmHg}${x.bpTreated ? ', treated' : ''}`, bp ? 0.498 : 0);
  const lowHdl = x.hdlMgDl < (x.sex === 'male' ? 40 : 50);
  add('hdlMgDl', `HDL ${x.hdlMgDl} mg/dL`, lowHdl ? 0.944 : 0);
  add('triglyceridesMgDl', `triglycerides ${x.triglyceridesMgDl} mg/dL`, x.triglyceridesMgDl >= 150 ? 0.575 : 0);
  add('fastingGlucoseMgDl', `fasting glucose ${x.fastingGlucoseMgDl} mg/dL`, x.fastingGlucoseMgDl >= 100 ? 1.98 : 0);
  const z = -5.517 + parts.reduce((s, p) => s + p.value, 0);
  return { ok: true, value: 100 / (1 + Math.exp(-z)), contributions: parts };
}
