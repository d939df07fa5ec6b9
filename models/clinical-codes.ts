/**
 * Conditions and medications that the risk equations and the twin use, recognized in FHIR codes
 * (SNOMED CT, ICD-10(-CM), RxNorm) or, where a record carries only text, in drug and condition names.
 * Codes: SNOMED CT International (concept ids as published); ICD-10-CM 2024 chapter ranges.
 */

export type ConditionFlag = 'diabetes' | 'type1_diabetes' | 'prediabetes' | 'hypertension' | 'cvd' | 'gestational_diabetes' | 'pcos';
export type MedicationFlag = 'metformin' | 'statin' | 'antihypertensive' | 'insulin';

const SNOMED_CONDITIONS: Record<string, ConditionFlag> = {
  '44054006': 'diabetes', // Diabetes mellitus type 2
  '73211009': 'diabetes', // Diabetes mellitus
  '46635009': 'type1_diabetes', // Diabetes mellitus type 1
  '15777000': 'prediabetes',
  '9414007': 'prediabetes', // Impaired glucose tolerance
  '390951007': 'prediabetes', // Impaired fasting glycaemia
  '38341003': 'hypertension', // Hypertensive disorder
  '59621000': 'hypertension', // Essential hypertension
  '22298006': 'cvd', // Myocardial infarction
  '401303003': 'cvd', // Acute ST segment elevation MI
  '401314000': 'cvd', // Acute non-ST segment elevation MI
  '53741008': 'cvd', // Coronary arteriosclerosis
  '414545008': 'cvd', // Ischaemic heart disease
  '194828000': 'cvd', // Angina
  '230690007': 'cvd', // Cerebrovascular accident
  '422504002': 'cvd', // Ischaemic stroke
  '266257000': 'cvd', // Transient ischaemic attack
  '399211009': 'cvd', // History of myocardial infarction
  '11687002': 'gestational_diabetes',
  '69878008': 'pcos',
};

/** ICD-10 code prefixes (dots removed). */
const ICD10_PREFIXES: [string, ConditionFlag][] = [
  ['E11', 'diabetes'],
  ['E13', 'diabetes'],
  ['E10', 'type1_diabetes'],
  ['R7303', 'prediabetes'],
  ['R7301', 'prediabetes'],
  ['R7302', 'prediabetes'],
  ['I10', 'hypertension'],
  ['I11', 'hypertension'],
  ['I12', 'hypertension'],
  ['I13', 'hypertension'],
  ['I20', 'cvd'],
  ['I21', 'cvd'],
  ['I22', 'cvd'],
  ['I23', 'cvd'],
  ['I24', 'cvd'],
  ['I25', 'cvd'],
  ['I63', 'cvd'],
  ['I64', 'cvd'],
  ['G45', 'cvd'],
  ['O244', 'gestational_diabetes'],
  ['E282', 'pcos'],
];

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export function conditionFlag(codings: Coding[], text?: string): ConditionFlag | undefined {
  for (const c of codings) {
    const code = (c.code ?? '').trim();
    const sys = c.system ?? '';
    if (sys.includes('snomed') && SNOMED_CONDITIONS[code]) return SNOMED_CONDITIONS[code];
    if (/icd-?10/i.test(sys)) {
      const k = code.replace('.', '').toUpperCase();
      const hit = ICD10_PREFIXES.find(([p]) => k.startsWith(p));
      if (hit) return hit[1];
    }
  }
  const t = [text, ...codings.map((c) => c.display)].filter(Boolean).join(' ').toLowerCase();
  if (/prediabet|impaired (fasting )?glucose/.test(t)) return 'prediabetes';
  if (/type 1 diabet/.test(t)) return 'type1_diabetes';
  if (/gestational diabet/.test(t)) return 'gestational_diabetes';
  if (/diabet/.test(t)) return 'diabetes';
  if (/hypertens/.test(t)) return 'hypertension';
  if (/myocardial infarction|coronary|angina|stroke|cerebrovascular|ischemic heart|ischaemic heart/.test(t)) return 'cvd';
  return undefined;
}

const STATIN = /\b(atorva|simva|rosuva|prava|lova|fluva|pitava)statin\b/i;
const ANTIHYPERTENSIVE = new RegExp(
  '\\b(' +
    [
      'lisinopril',
      'enalapril',
      'ramipril',
      'benazepril',
      'captopril',
      'quinapril',
      'perindopril',
      'fosinopril',
      'trandolapril',
      'losartan',
      'valsartan',
      'irbesartan',
      'olmesartan',
      'candesartan',
      'telmisartan',
      'azilsartan',
      'amlodipine',
      'nifedipine',
      'felodipine',
      'diltiazem',
      'verapamil',
      'lercanidipine',
      'hydrochlorothiazide',
      'chlorthalidone',
      'indapamide',
      'bendroflumethiazide',
      'atenolol',
      'metoprolol',
      'bisoprolol',
      'carvedilol',
      'propranolol',
      'nebivolol',
      'labetalol',
      'spironolactone',
      'eplerenone',
      'doxazosin',
      'clonidine',
      'hydralazine',
      'methyldopa',
    ].join('|') +
    ')\\b',
  'i',
);

/** Medication classes in a drug's name (RxNorm display, free text or an NDC label). */
export function medicationFlags(name: string): MedicationFlag[] {
  const out: MedicationFlag[] = [];
  if (/\bmetformin\b/i.test(name)) out.push('metformin');
  if (STATIN.test(name)) out.push('statin');
  if (ANTIHYPERTENSIVE.test(name)) out.push('antihypertensive');
  if (/\binsulin\b/i.test(name)) out.push('insulin');
  return out;
}
