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
import { byInput, coef, fail, type Contribution, type Result, type Sex } from './common.ts';

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

export function preventRange(x: PreventInput, model: PreventModel, outcome: PreventOutcome): string | undefined {
  const maxAge = model === 'base30y' ? 59 : 79;
  if (!(x.ageYears >= 30 && x.ageYears <= maxAge)) return `age ${x.ageYears} outside 30-${maxAge}`;
  if (!(x.totalCholesterolMgDl >= 130 && x.totalCholesterolMgDl <= 320)) return `total cholesterol ${x.totalCholesterolMgDl} mg/dL outside 130-320`;
  if (!(x.hdlMgDl >= 20 && x.hdlMgDl <= 100)) return `HDL ${x.hdlMgDl} mg/dL outside 20-100`;
  if (!(x.systolicBpMmHg >= 90 && x.systolicBpMmHg <= 200)) return `systolic BP ${x.systolicBpMmHg} mmHg outside 90-200`;
  if (!(x.egfr >= 15 && x.egfr <= 140)) return `eGFR ${x.egfr} outside 15-140`;
  if (outcome === 'hf') {
    if (x.bmiKgM2 === undefined) return 'heart failure needs BMI';
    if (!(x.bmiKgM2 >= 18.5 && x.bmiKgM2 < 40)) return `BMI ${x.bmiKgM2.toFixed(1)} outside 18.5-39.9`;
  }
  if (model === 'hba1c10y') {
    if (x.hba1cPercent === undefined) return 'needs HbA1c';
    if (!(x.hba1cPercent >= 4.5 && x.hba1cPercent <= 15)) return `HbA1c ${x.hba1cPercent} % outside 4.5-15`;
  }
  return undefined;
}

/** Risk (%) of one outcome by one PREVENT model. */
export function prevent(x: PreventInput, model: PreventModel, outcome: PreventOutcome): Result<number> {
  const bad = preventRange(x, model, outcome);
  if (bad) return fail(bad);
  const t = TABLES[model];
  const col = COLUMN[outcome][x.sex === 'female' ? 0 : 1];
  const c = (term: string): number => coef(t, term, col);
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
  const dm = x.diabetes ? 1 : 0, smk = x.currentSmoker ? 1 : 0, bptx = x.bpTreated ? 1 : 0, st = x.statin ? 1 : 0;
  const parts: Contribution[] = [];
  const add = (input: string, label: string, value: number): void => void parts.push({ input, label, value, unit: 'log-odds' });
  add('age', `age ${x.ageYears}`, c('age (per 10y)') * a + (model === 'base30y' ? c('age² ((age−55)/10)²') * a * a : 0));
  add('totalCholesterolMgDl', `non-HDL cholesterol ${x.totalCholesterolMgDl - x.hdlMgDl} mg/dL`,
    c('non-HDL-C (per 1 mmol/L)') * nh + c('treated non-HDL-C (statin×nonHDL)') * st * nh + c('age×non-HDL-C') * a * nh);
  add('hdlMgDl', `HDL ${x.hdlMgDl} mg/dL`, c('HDL-C (per 0.3 mmol/L)') * h + c('age×HDL-C') * a * h);
  add('systolicBpMmHg', `systolic BP ${x.systolicBpMmHg} mmHg`,
    c('SBP<110 (per 20)') * s1 + c('SBP≥110 (per 20)') * s2 + c('treated SBP≥110 (bptx×sbp2)') * bptx * s2 + c('age×SBP≥110') * a * s2);
  add('diabetes', x.diabetes ? 'diabetes' : 'no diabetes', (c('diabetes') + c('age×diabetes') * a) * dm);
  add('smoking', x.currentSmoker ? 'current smoker' : 'non-smoker', (c('current smoking') + c('age×smoking') * a) * smk);
  if (outcome === 'hf') add('bmi', `BMI ${bmi.toFixed(1)} kg/m²`, c('BMI<30 (per 5) [HF only]') * b1 + c('BMI≥30 (per 5) [HF only]') * b2 + c('age×BMI≥30 [HF only]') * a * b2);
  add('egfr', `eGFR ${x.egfr}`, c('eGFR<60 (per −15)') * e1 + c('eGFR≥60 (per −15)') * e2 + c('age×eGFR<60') * a * e1);
  add('bpMedication', x.bpTreated ? 'on blood-pressure medication' : 'no blood-pressure medication', c('antihypertensive use') * bptx);
  add('statin', x.statin ? 'on a statin' : 'no statin', c('statin use') * st);
  if (model === 'hba1c10y') {
    const d = x.hba1cPercent! - 5.3;
    add('hba1cPercent', `HbA1c ${x.hba1cPercent} %`, dm ? c('HbA1c−5.3 if diabetes (per 1%)') * d : c('HbA1c−5.3 if no diabetes (per 1%)') * d);
  }
  const lp = c('constant') + parts.reduce((s, p) => s + p.value, 0);
  return { ok: true, value: (100 * Math.exp(lp)) / (1 + Math.exp(lp)), contributions: byInput(parts) };
}
