/**
 * QDiabetes-2018 models A, B and C: 10-year risk (%) of type 2 diabetes.
 * Hippisley-Cox J, Coupland C. Development and validation of QDiabetes-2018 risk prediction algorithm
 * to estimate future risk of type 2 diabetes: cohort study. BMJ 2017;359:j5019.
 * Coefficients: ClinRisk's published source (AGPL-3), as transcribed in the `QDiabetes` R package
 * (Feakster, AGPL-3) and cross-checked against a port of the C code: see models/risk/coefficients.generated.ts.
 * Centring constants and transforms below: same sources (docs/equations.md §1.2), verified by the R package's
 * README worked examples (test/unit/risk). Not MHRA-approved for individual risk assessment.
 */
import { qd2018A, qd2018B, qd2018C, type CoefficientTable } from './coefficients.generated.ts';
import { compile, fail, outside, Terms, type RangeFailure, type Result, type Sex } from './common.ts';

export type QEthnicity =
  'WhiteNA' | 'Indian' | 'Pakistani' | 'Bangladeshi' | 'OtherAsian' | 'BlackCaribbean' | 'BlackAfrican' | 'Chinese' | 'Other';
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

/** mg/dL → mmol/L (docs/metrics.md: mmol/L × 18.016). */
export const glucoseMmolL = (mgDl: number): number => mgDl / 18.016;
/** NGSP % → IFCC mmol/mol, the inverse of docs/metrics.md (% = 0.0915 × mmol/mol + 2.15). */
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
export function qdiabetes2018Range(x: QDiabetes2018Input, model: QModel): RangeFailure | undefined {
  const no = (reason: string, why: RangeFailure['why']): RangeFailure => ({ reason, why });
  if (!(x.ageYears >= 25 && x.ageYears < 85)) return no(`age ${x.ageYears} outside 25-84`, outside('age', x.ageYears, 25, 84));
  if (!Number.isFinite(x.bmiKgM2)) return no('BMI is not a number', { kind: 'notANumber', input: 'bmi' });
  if (!(x.townsend >= -8 && x.townsend <= 14))
    return no(`Townsend score ${x.townsend} outside -8 to 14`, outside('townsend', x.townsend, -8, 14));
  if (x.sex === 'male' && (x.gestationalDiabetes || x.pcos))
    return no('gestational diabetes and PCOS apply to women only', { kind: 'womenOnly' });
  if (model === 'B') {
    if (x.fastingGlucoseMgDl === undefined) return no('needs fasting glucose', { kind: 'needs', inputs: ['fastingGlucoseMgDl'] });
    const fpg = glucoseMmolL(x.fastingGlucoseMgDl);
    if (!(fpg >= 2 && fpg < 7))
      return no(
        `fasting glucose ${x.fastingGlucoseMgDl} mg/dL (${fpg.toFixed(2)} mmol/L) outside 2.0-6.9 mmol/L`,
        outside('fastingGlucose', x.fastingGlucoseMgDl, 2 * 18.016, 6.9 * 18.016),
      );
  }
  if (model === 'C') {
    if (x.hba1cPercent === undefined) return no('needs HbA1c', { kind: 'needs', inputs: ['hba1cPercent'] });
    const a = hba1cMmolMol(x.hba1cPercent);
    if (!(a >= 15 && a < 48))
      return no(
        `HbA1c ${x.hba1cPercent} % (${a.toFixed(1)} mmol/mol) outside 15-47 mmol/mol`,
        outside('hba1c', x.hba1cPercent, 2.15 + 0.0915 * 15, 2.15 + 0.0915 * 47),
      );
  }
  return undefined;
}

const ETHNICITIES = ['Indian', 'Pakistani', 'Bangladeshi', 'OtherAsian', 'BlackCaribbean', 'BlackAfrican', 'Chinese', 'Other'] as const;
const SMOKINGS = ['Ex', 'Light', 'Moderate', 'Heavy'] as const;

type Coefs = Record<string, number>;
const compiled = new Map<string, Coefs>();

/** The model's coefficients for one sex, by short name, compiled once from the table. */
function coefsFor(model: QModel, sex: Sex): Coefs {
  const key = `${model}${sex}`;
  let k = compiled.get(key);
  if (k) return k;
  const female = sex === 'female';
  const lab = model === 'B' ? 'fpg' : 'hba1c';
  const terms: Record<string, string> = {
    s0: 'baseline 10-y survival S0',
    age1: 'age_1',
    age2: 'age_2',
    bmi1: 'bmi_1',
    bmi2: 'bmi_2',
    town: 'town (Townsend, centred)',
  };
  for (const e of ETHNICITIES) terms[`eth${e}`] = `ethnicity: ${e}`;
  for (const sm of SMOKINGS) terms[`smoke${sm}`] = `smoking: ${sm}`;
  for (const [key2, term] of BOOLS) if (female || (key2 !== 'gestationalDiabetes' && key2 !== 'pcos')) terms[key2] = term;
  for (const i of ['apsy', 'learn', 'stat', 'bmi_1', 'bmi_2', 'fhdm', ...(model === 'A' ? [] : [`${lab}_1`, `${lab}_2`])]) {
    terms[`a1x${i}`] = `age_1 × ${i}`;
    terms[`a2x${i}`] = `age_2 × ${i}`;
  }
  if (model !== 'A') {
    terms.lab1 = `${lab}_1`;
    terms.lab2 = `${lab}_2`;
  }
  k = compile(TABLES[model], female ? 0 : 1, terms);
  compiled.set(key, k);
  return k;
}

function labelOf(input: string, x: QDiabetes2018Input): string {
  switch (input) {
    case 'ethnicity':
      return `ethnicity ${x.ethnicity}`;
    case 'smoking':
      return `smoking ${x.smoking.toLowerCase()}`;
    case 'age':
      return `age ${x.ageYears}`;
    case 'bmi': {
      const used = Math.min(40, Math.max(20, x.bmiKgM2));
      return `BMI ${x.bmiKgM2.toFixed(1)} kg/m²${used !== x.bmiKgM2 ? ` (used as ${used})` : ''}`;
    }
    case 'townsend':
      return `Townsend ${x.townsend}`;
    case 'fastingGlucoseMgDl':
      return `fasting glucose ${x.fastingGlucoseMgDl} mg/dL`;
    case 'hba1cPercent':
      return `HbA1c ${x.hba1cPercent} %`;
    default:
      return BOOLS.find(([k]) => k === input)?.[1].split(' = ')[1] ?? input;
  }
}

/** 10-year risk of type 2 diabetes, %, by QDiabetes-2018 model A, B or C. */
export function qdiabetes2018(x: QDiabetes2018Input, model: QModel): Result<number> {
  const bad = qdiabetes2018Range(x, model);
  if (bad) return fail(bad.reason, bad.why);
  const female = x.sex === 'female';
  const K = coefsFor(model, x.sex);
  const dage = x.ageYears / 10;
  const dbmi = Math.min(40, Math.max(20, x.bmiKgM2)) / 10; // BMI clamped as in the R package
  const age1 = female ? Math.sqrt(dage) - 2.123332023620606 : Math.log(dage) - 1.496392488479614;
  const age2 = dage ** 3 - (female ? 91.644744873046875 : 89.048171997070313);
  const bmi1 = female ? dbmi - 2.571253299713135 : dbmi ** 2 - 6.817805767059326;
  const bmi2 = dbmi ** 3 - (female ? 16.999439239501953 : 17.801923751831055);
  const town = x.townsend - (female ? 0.391116052865982 : 0.515986680984497);

  const t = new Terms('log-hazard', labelOf, x);
  if (x.ethnicity !== 'WhiteNA') t.add('ethnicity', K[`eth${x.ethnicity}`]!);
  if (x.smoking !== 'Non') t.add('smoking', K[`smoke${x.smoking}`]!);
  t.add('age', K.age1! * age1 + K.age2! * age2);
  t.add(
    'bmi',
    K.bmi1! * bmi1 +
      K.bmi2! * bmi2 +
      (K['a1xbmi_1']! * age1 + K['a2xbmi_1']! * age2) * bmi1 +
      (K['a1xbmi_2']! * age1 + K['a2xbmi_2']! * age2) * bmi2,
  );
  t.add('townsend', K.town! * town);
  if (model !== 'A') {
    const [l1, l2] = model === 'B' ? labB(x, female) : labC(x, female);
    const lab = model === 'B' ? 'fpg' : 'hba1c';
    t.add(
      model === 'B' ? 'fastingGlucoseMgDl' : 'hba1cPercent',
      K.lab1! * l1 +
        K.lab2! * l2 +
        (K[`a1x${lab}_1`]! * age1 + K[`a2x${lab}_1`]! * age2) * l1 +
        (K[`a1x${lab}_2`]! * age1 + K[`a2x${lab}_2`]! * age2) * l2,
    );
  }
  for (const [key, , inter] of BOOLS) {
    if (!x[key] || ((key === 'gestationalDiabetes' || key === 'pcos') && !female)) continue;
    t.add(key, K[key]! + (inter ? K[`a1x${inter}`]! * age1 + K[`a2x${inter}`]! * age2 : 0));
  }
  return t.result(100 * (1 - K.s0! ** Math.exp(t.sum)));
}

function labB(x: QDiabetes2018Input, female: boolean): [number, number] {
  const fpg = glucoseMmolL(x.fastingGlucoseMgDl!);
  return female
    ? [fpg ** -1 - 0.20830936729908, Math.log(fpg) * fpg ** -1 - 0.326781362295151]
    : [fpg ** -0.5 - 0.448028832674026, Math.log(fpg) * fpg ** -0.5 - 0.71944260597229];
}

function labC(x: QDiabetes2018Input, female: boolean): [number, number] {
  const d = hba1cMmolMol(x.hba1cPercent!) / 10;
  return female ? [Math.sqrt(d) - 1.886751174926758, d - 3.559829950332642] : [Math.sqrt(d) - 1.900265336036682, d - 3.611008167266846];
}
