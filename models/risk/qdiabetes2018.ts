/**
 * QDiabetes-2018 models A, B and C: 10-year risk (%) of type 2 diabetes.
 * Hippisley-Cox J, Coupland C. Development and validation of QDiabetes-2018 risk prediction algorithm
 * to estimate future risk of type 2 diabetes: cohort study. BMJ 2017;359:j5019.
 * Coefficients: ClinRisk's published source (AGPL-3), as transcribed in the `QDiabetes` R package
 * (Feakster, AGPL-3) and cross-checked against a port of the C code: see models/risk/coefficients.generated.ts.
 * Centring constants and transforms below: same sources (models.md §1.2), verified by the R package's
 * README worked examples (test/unit/risk). Not MHRA-approved for individual risk assessment.
 */
import { qd2018A, qd2018B, qd2018C, type CoefficientTable } from './coefficients.generated.ts';
import { byInput, coef, fail, type Contribution, type Result, type Sex } from './common.ts';

export type QEthnicity = 'WhiteNA' | 'Indian' | 'Pakistani' | 'Bangladeshi' | 'OtherAsian' | 'BlackCaribbean' | 'BlackAfrican' | 'Chinese' | 'Other';
export type QSmoking = 'Non' | 'Ex' | 'Light' | 'Moderate' | 'Heavy';

export interface QDiabetes2018Input {
  sex: Sex;
  ageYears: number;
  bmiKgM2: number;
  ethnicity: QEthnicity;
  smoking: QSmoking;
  /** UK 2011 Townsend deprivation score; 0 outside the UK. */
  townsend: number;
  /** Model B only. */
  fastingGlucoseMgDl?: number;
  /** Model C only (NGSP %; converted to IFCC mmol/mol). */
  hba1cPercent?: number;
  atypicalAntipsychotic: boolean;
  corticosteroids: boolean;
  cvd: boolean;
  gestationalDiabetes: boolean;
  learningDisability: boolean;
  schizophreniaOrBipolar: boolean;
  pcos: boolean;
  statin: boolean;
  treatedHypertension: boolean;
  familyHistoryFirstDegree: boolean;
}

export type QModel = 'A' | 'B' | 'C';
const TABLES: Record<QModel, CoefficientTable> = { A: qd2018A, B: qd2018B, C: qd2018C };

/** mg/dL → mmol/L (contracts §1: mmol/L × 18.016). */
export const glucoseMmolL = (mgDl: number): number => mgDl / 18.016;
/** NGSP % → IFCC mmol/mol, the inverse of contracts §1 (% = 0.0915 × mmol/mol + 2.15). */
export const hba1cMmolMol = (percent: number): number => (percent - 2.15) / 0.0915;

const BOOLS: [keyof QDiabetes2018Input, string, string | undefined][] = [
  ['atypicalAntipsychotic', 'apsy = atypical antipsychotic (2nd gen)', 'apsy'],
  ['corticosteroids', 'ster = corticosteroids', undefined],
  ['cvd', 'cvd = CVD (IHD/stroke/TIA)', undefined],
  ['gestationalDiabetes', 'gdm = gestational diabetes (F only)', undefined],
  ['learningDisability', 'learn = learning disability', 'learn'],
  ['schizophreniaOrBipolar', 'psy = schizophrenia/bipolar', undefined],
  ['pcos', 'pcos = PCOS (F only)', undefined],
  ['statin', 'stat = statin', 'stat'],
  ['treatedHypertension', 'htn = treated hypertension', undefined],
  ['familyHistoryFirstDegree', 'fhdm = family history T2D (1st degree)', 'fhdm'],
];

/** Why the inputs are outside the model's published ranges, or undefined (R package rules, §1.1). */
export function qdiabetes2018Range(x: QDiabetes2018Input, model: QModel): string | undefined {
  if (!(x.ageYears >= 25 && x.ageYears < 85)) return `age ${x.ageYears} outside 25-84`;
  if (!Number.isFinite(x.bmiKgM2)) return 'BMI is not a number';
  if (!(x.townsend >= -8 && x.townsend <= 14)) return `Townsend score ${x.townsend} outside -8 to 14`;
  if (x.sex === 'male' && (x.gestationalDiabetes || x.pcos)) return 'gestational diabetes and PCOS apply to women only';
  if (model === 'B') {
    if (x.fastingGlucoseMgDl === undefined) return 'needs fasting glucose';
    const fpg = glucoseMmolL(x.fastingGlucoseMgDl);
    if (!(fpg >= 2 && fpg < 7)) return `fasting glucose ${x.fastingGlucoseMgDl} mg/dL (${fpg.toFixed(2)} mmol/L) outside 2.0-6.9 mmol/L`;
  }
  if (model === 'C') {
    if (x.hba1cPercent === undefined) return 'needs HbA1c';
    const a = hba1cMmolMol(x.hba1cPercent);
    if (!(a >= 15 && a < 48)) return `HbA1c ${x.hba1cPercent} % (${a.toFixed(1)} mmol/mol) outside 15-47 mmol/mol`;
  }
  return undefined;
}

/** 10-year risk of type 2 diabetes, %, by QDiabetes-2018 model A, B or C. */
export function qdiabetes2018(x: QDiabetes2018Input, model: QModel): Result<number> {
  const bad = qdiabetes2018Range(x, model);
  if (bad) return fail(bad);
  const t = TABLES[model];
  const col = x.sex === 'female' ? 0 : 1;
  const c = (term: string): number => coef(t, term, col);
  const female = x.sex === 'female';
  const dage = x.ageYears / 10;
  const bmi = Math.min(40, Math.max(20, x.bmiKgM2)); // clamped as in the R package
  const dbmi = bmi / 10;
  const age1 = female ? Math.sqrt(dage) - 2.123332023620606 : Math.log(dage) - 1.496392488479614;
  const age2 = dage ** 3 - (female ? 91.644744873046875 : 89.048171997070313);
  const bmi1 = female ? dbmi - 2.571253299713135 : dbmi ** 2 - 6.817805767059326;
  const bmi2 = dbmi ** 3 - (female ? 16.999439239501953 : 17.801923751831055);
  const town = x.townsend - (female ? 0.391116052865982 : 0.515986680984497);

  const parts: Contribution[] = [];
  const add = (input: string, label: string, value: number): void => void parts.push({ input, label, value, unit: 'log-hazard' });
  if (x.ethnicity !== 'WhiteNA') add('ethnicity', `ethnicity ${x.ethnicity}`, c(`ethnicity: ${x.ethnicity}`));
  if (x.smoking !== 'Non') add('smoking', `smoking ${x.smoking.toLowerCase()}`, c(`smoking: ${x.smoking}`));
  add('age', `age ${x.ageYears}`, c('age_1') * age1 + c('age_2') * age2);
  const bmiLabel = `BMI ${x.bmiKgM2.toFixed(1)} kg/m²${bmi !== x.bmiKgM2 ? ` (used as ${bmi})` : ''}`;
  add('bmi', bmiLabel, c('bmi_1') * bmi1 + c('bmi_2') * bmi2
    + (c('age_1 × bmi_1') * age1 + c('age_2 × bmi_1') * age2) * bmi1 + (c('age_1 × bmi_2') * age1 + c('age_2 × bmi_2') * age2) * bmi2);
  add('townsend', `Townsend ${x.townsend}`, c('town (Townsend, centred)') * town);
  if (model !== 'A') {
    const [l1, l2, name, label] = model === 'B' ? labB(x, female) : labC(x, female);
    add(name, label, c(`${model === 'B' ? 'fpg' : 'hba1c'}_1`) * l1 + c(`${model === 'B' ? 'fpg' : 'hba1c'}_2`) * l2
      + (c(`age_1 × ${model === 'B' ? 'fpg' : 'hba1c'}_1`) * age1 + c(`age_2 × ${model === 'B' ? 'fpg' : 'hba1c'}_1`) * age2) * l1
      + (c(`age_1 × ${model === 'B' ? 'fpg' : 'hba1c'}_2`) * age1 + c(`age_2 × ${model === 'B' ? 'fpg' : 'hba1c'}_2`) * age2) * l2);
  }
  for (const [key, term, inter] of BOOLS) {
    if (!x[key]) continue;
    if ((key === 'gestationalDiabetes' || key === 'pcos') && !female) continue;
    const interaction = inter ? c(`age_1 × ${inter}`) * age1 + c(`age_2 × ${inter}`) * age2 : 0;
    add(key, term.split(' = ')[1]!, c(term) + interaction);
  }
  const a = parts.reduce((s, p) => s + p.value, 0);
  const risk = 100 * (1 - c('baseline 10-y survival S0') ** Math.exp(a));
  return { ok: true, value: risk, contributions: byInput(parts) };
}

function labB(x: QDiabetes2018Input, female: boolean): [number, number, string, string] {
  const fpg = glucoseMmolL(x.fastingGlucoseMgDl!);
  return female
    ? [fpg ** -1 - 0.20830936729908, Math.log(fpg) * fpg ** -1 - 0.326781362295151, 'fastingGlucoseMgDl', `fasting glucose ${x.fastingGlucoseMgDl} mg/dL`]
    : [fpg ** -0.5 - 0.448028832674026, Math.log(fpg) * fpg ** -0.5 - 0.71944260597229, 'fastingGlucoseMgDl', `fasting glucose ${x.fastingGlucoseMgDl} mg/dL`];
}

function labC(x: QDiabetes2018Input, female: boolean): [number, number, string, string] {
  const d = hba1cMmolMol(x.hba1cPercent!) / 10;
  return female
    ? [Math.sqrt(d) - 1.886751174926758, d - 3.559829950332642, 'hba1cPercent', `HbA1c ${x.hba1cPercent} %`]
    : [Math.sqrt(d) - 1.900265336036682, d - 3.611008167266846, 'hba1cPercent', `HbA1c ${x.hba1cPercent} %`];
}
