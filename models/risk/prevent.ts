/**
 * AHA PREVENT equations: 10-year (ages 30-79) and 30-year (ages 30-59) risk of total CVD, ASCVD and
 * heart failure; base model and the HbA1c model (10-year). Khan SS, Matsushita K, Sang Y, et al.
 * Development and validation of the American Heart Association's PREVENT equations. Circulation
 * 2024;149:430-449 (Supplemental Tables S12A, S12C, S12F). Coefficients: models/risk/
 * coefficients.generated.ts (Stata prevent10i/30i by A. Linden × transcription of the tables, 0
 * mismatches). Input ranges as in the `preventr` package (MIT) and the paper. Cholesterol
 * mg/dL → mmol/L with 0.02586, as in preventr, Stata and PooledCohort.
 */
import { prevent10, prevent10a1c, prevent30, type CoefficientTable } from './coefficients.generated.ts';
import { compile, fail, outside, Terms, type RangeFailure, type Result, type Sex } from './common.ts';

export interface PreventInput {
  sex: Sex;
  ageYears: number;
  totalCholesterolMgDl: number;
  hdlMgDl: number;
  systolicBpMmHg: number;
  /** Needed for heart failure only. */
  bmiKgM2?: number;
  egfr: number;
  diabetes: boolean;
  currentSmoker: boolean;
  bpTreated: boolean;
  statin: boolean;
  /** Needed for the HbA1c model only. */
  hba1cPercent?: number;
}

export type PreventOutcome = 'cvd' | 'ascvd' | 'hf';
export type PreventModel = 'base10y' | 'base30y' | 'hba1c10y';
const TABLES: Record<PreventModel, CoefficientTable> = { base10y: prevent10, base30y: prevent30, hba1c10y: prevent10a1c };
const COLUMN: Record<PreventOutcome, [female: number, male: number]> = { cvd: [0, 1], ascvd: [2, 3], hf: [4, 5] };

export function preventRange(x: PreventInput, model: PreventModel, outcome: PreventOutcome): RangeFailure | undefined {
  const no = (reason: string, why: RangeFailure['why']): RangeFailure => ({ reason, why });
  const maxAge = model === 'base30y' ? 59 : 79;
  if (!(x.ageYears >= 30 && x.ageYears <= maxAge))
    return no(`age ${x.ageYears} outside 30-${maxAge}`, outside('age', x.ageYears, 30, maxAge));
  if (!(x.totalCholesterolMgDl >= 130 && x.totalCholesterolMgDl <= 320))
    return no(
      `total cholesterol ${x.totalCholesterolMgDl} mg/dL outside 130-320`,
      outside('totalCholesterol', x.totalCholesterolMgDl, 130, 320),
    );
  if (!(x.hdlMgDl >= 20 && x.hdlMgDl <= 100)) return no(`HDL ${x.hdlMgDl} mg/dL outside 20-100`, outside('hdl', x.hdlMgDl, 20, 100));
  if (!(x.systolicBpMmHg >= 90 && x.systolicBpMmHg <= 200))
    return no(`systolic BP ${x.systolicBpMmHg} mmHg outside 90-200`, outside('systolicBp', x.systolicBpMmHg, 90, 200));
  if (!(x.egfr >= 15 && x.egfr <= 140)) return no(`eGFR ${x.egfr} outside 15-140`, outside('egfr', x.egfr, 15, 140));
  if (outcome === 'hf') {
    if (x.bmiKgM2 === undefined) return no('heart failure needs BMI', { kind: 'needs', inputs: ['bmi'] });
    if (!(x.bmiKgM2 >= 18.5 && x.bmiKgM2 < 40))
      return no(`BMI ${x.bmiKgM2.toFixed(1)} outside 18.5-39.9`, outside('bmi', x.bmiKgM2, 18.5, 39.9));
  }
  if (model === 'hba1c10y') {
    if (x.hba1cPercent === undefined) return no('needs HbA1c', { kind: 'needs', inputs: ['hba1cPercent'] });
    if (!(x.hba1cPercent >= 4.5 && x.hba1cPercent <= 15))
      return no(`HbA1c ${x.hba1cPercent} % outside 4.5-15`, outside('hba1c', x.hba1cPercent, 4.5, 15));
  }
  return undefined;
}

const TERMS = {
  age: 'age (per 10y)',
  age2: 'age² ((age−55)/10)²',
  nh: 'non-HDL-C (per 1 mmol/L)',
  h: 'HDL-C (per 0.3 mmol/L)',
  s1: 'SBP<110 (per 20)',
  s2: 'SBP≥110 (per 20)',
  dm: 'diabetes',
  smk: 'current smoking',
  b1: 'BMI<30 (per 5) [HF only]',
  b2: 'BMI≥30 (per 5) [HF only]',
  e1: 'eGFR<60 (per −15)',
  e2: 'eGFR≥60 (per −15)',
  bptx: 'antihypertensive use',
  statin: 'statin use',
  bptxS2: 'treated SBP≥110 (bptx×sbp2)',
  statinNh: 'treated non-HDL-C (statin×nonHDL)',
  aNh: 'age×non-HDL-C',
  aH: 'age×HDL-C',
  aS2: 'age×SBP≥110',
  aDm: 'age×diabetes',
  aSmk: 'age×smoking',
  aB2: 'age×BMI≥30 [HF only]',
  aE1: 'age×eGFR<60',
  constant: 'constant',
  a1cDm: 'HbA1c−5.3 if diabetes (per 1%)',
  a1cNoDm: 'HbA1c−5.3 if no diabetes (per 1%)',
} as const;
type K = Record<keyof typeof TERMS, number>;
const compiled = new Map<string, K>();

function coefsFor(model: PreventModel, outcome: PreventOutcome, sex: Sex): K {
  const key = `${model}${outcome}${sex}`;
  let k = compiled.get(key);
  if (!k) {
    const terms: Partial<Record<keyof typeof TERMS, string>> = { ...TERMS };
    if (model !== 'base30y') delete terms.age2;
    if (model !== 'hba1c10y') {
      delete terms.a1cDm;
      delete terms.a1cNoDm;
    }
    k = {
      age2: 0,
      a1cDm: 0,
      a1cNoDm: 0,
      ...compile(TABLES[model], COLUMN[outcome][sex === 'female' ? 0 : 1], terms as Record<string, string>),
    } as K;
    compiled.set(key, k);
  }
  return k;
}

function labelOf(input: string, x: PreventInput): string {
  switch (input) {
    case 'age':
      return `age ${x.ageYears}`;
    case 'totalCholesterolMgDl':
      return `non-HDL cholesterol ${x.totalCholesterolMgDl - x.hdlMgDl} mg/dL`;
    case 'hdlMgDl':
      return `HDL ${x.hdlMgDl} mg/dL`;
    case 'systolicBpMmHg':
      return `systolic BP ${x.systolicBpMmHg} mmHg`;
    case 'diabetes':
      return x.diabetes ? 'diabetes' : 'no diabetes';
    case 'smoking':
      return x.currentSmoker ? 'current smoker' : 'non-smoker';
    case 'bmi':
      return `BMI ${(x.bmiKgM2 ?? 0).toFixed(1)} kg/m²`;
    case 'egfr':
      return `eGFR ${x.egfr}`;
    case 'bpMedication':
      return x.bpTreated ? 'on blood-pressure medication' : 'no blood-pressure medication';
    case 'statin':
      return x.statin ? 'on a statin' : 'no statin';
    case 'hba1cPercent':
      return `HbA1c ${x.hba1cPercent} %`;
    default:
      return input;
  }
}

/** Risk (%) of one outcome by one PREVENT model. */
export function prevent(x: PreventInput, model: PreventModel, outcome: PreventOutcome): Result<number> {
  const bad = preventRange(x, model, outcome);
  if (bad) return fail(bad.reason, bad.why);
  const k = coefsFor(model, outcome, x.sex);
  const a = (x.ageYears - 55) / 10;
  const nh = (x.totalCholesterolMgDl - x.hdlMgDl) * 0.02586 - 3.5;
  const h = (x.hdlMgDl * 0.02586 - 1.3) / 0.3;
  const s1 = (Math.min(x.systolicBpMmHg, 110) - 110) / 20;
  const s2 = (Math.max(x.systolicBpMmHg, 110) - 130) / 20;
  const bmi = x.bmiKgM2 ?? 30;
  const b1 = (Math.min(bmi, 30) - 25) / 5;
  const b2 = (Math.max(bmi, 30) - 30) / 5;
  const e1 = (Math.min(x.egfr, 60) - 60) / -15;
  const e2 = (Math.max(x.egfr, 60) - 90) / -15;
  const dm = x.diabetes ? 1 : 0,
    smk = x.currentSmoker ? 1 : 0,
    bptx = x.bpTreated ? 1 : 0,
    st = x.statin ? 1 : 0;
  const t = new Terms('log-odds', labelOf, x);
  t.add('age', k.age * a + k.age2 * a * a);
  t.add('totalCholesterolMgDl', k.nh * nh + k.aNh * a * nh);
  t.add('hdlMgDl', k.h * h + k.aH * a * h);
  t.add('systolicBpMmHg', k.s1 * s1 + k.s2 * s2 + k.aS2 * a * s2);
  t.add('diabetes', (k.dm + k.aDm * a) * dm);
  t.add('smoking', (k.smk + k.aSmk * a) * smk);
  if (outcome === 'hf') t.add('bmi', k.b1 * b1 + k.b2 * b2 + k.aB2 * a * b2);
  t.add('egfr', k.e1 * e1 + k.e2 * e2 + k.aE1 * a * e1);
  // A treatment's interaction belongs to the treatment: its whole effect shows as one contribution.
  t.add('bpMedication', (k.bptx + k.bptxS2 * s2) * bptx);
  t.add('statin', (k.statin + k.statinNh * nh) * st);
  if (model === 'hba1c10y') t.add('hba1cPercent', (dm ? k.a1cDm : k.a1cNoDm) * (x.hba1cPercent! - 5.3));
  const lp = k.constant + t.sum;
  return t.result((100 * Math.exp(lp)) / (1 + Math.exp(lp)));
}
