/**
 * Pooled Cohort Equations: 10-year risk (%) of a first hard ASCVD event. Goff DC Jr, Lloyd-Jones DM,
 * Bennett G, et al. 2013 ACC/AHA guideline on the assessment of cardiovascular risk. Circulation
 * 2014;129:S49-S73 (Table A). Coefficients: models/risk/coefficients.generated.ts; the means and
 * baseline survivals with more digits and the more precise African-American-women betas are those of
 * PooledCohort/Cerner (docs/equations.md §6). African-American equations for african_american,
 * black_caribbean and black_african; white equations for everyone else (as the guideline advises).
 * Ranges: age 40-79, total cholesterol 130-320, HDL 20-100, systolic BP 90-200 (ACC/AHA calculator).
 */
import { pce as table } from './coefficients.generated.ts';
import { fail, outside, Terms, type Result, type Sex } from './common.ts';

export interface PceInput {
  sex: Sex;
  africanAmerican: boolean;
  ageYears: number;
  totalCholesterolMgDl: number;
  hdlMgDl: number;
  systolicBpMmHg: number;
  bpTreated: boolean;
  currentSmoker: boolean;
  diabetes: boolean;
}

/** Column order of the table: White women, African-American women, White men, African-American men. */
const COLUMN = { 'female-white': 0, 'female-aa': 1, 'male-white': 2, 'male-aa': 3 } as const;
/** Cerner/PooledCohort precision for African-American women (Goff's Table A rounds to 3 decimals). */
const AA_WOMEN_PRECISE: Record<string, number> = {
  'ln age': 17.1141,
  'ln TC': 0.9396,
  'ln HDL-C': -18.9196,
  'ln age × ln HDL-C': 4.4748,
  'ln treated SBP': 29.2907,
  'ln age × ln treated SBP': -6.4321,
  'ln untreated SBP': 27.8197,
  'ln age × ln untreated SBP': -6.0873,
  'current smoker': 0.6908,
  diabetes: 0.8738,
};

const TERMS = {
  lnAge: 'ln age',
  lnAge2: '(ln age)²',
  lnTc: 'ln TC',
  lnAgeTc: 'ln age × ln TC',
  lnHdl: 'ln HDL-C',
  lnAgeHdl: 'ln age × ln HDL-C',
  lnTSbp: 'ln treated SBP',
  lnAgeTSbp: 'ln age × ln treated SBP',
  lnUSbp: 'ln untreated SBP',
  lnAgeUSbp: 'ln age × ln untreated SBP',
  smoker: 'current smoker',
  lnAgeSmoker: 'ln age × smoker',
  diabetes: 'diabetes',
} as const;
type K = Record<keyof typeof TERMS | 'mean' | 's10', number>;
const compiled: (K | undefined)[] = [];

/** A group's coefficients: absent terms ("—") are 0; the AA-women betas with Cerner's precision. */
function coefsFor(col: number): K {
  let k = compiled[col];
  if (!k) {
    const out = {} as K;
    for (const [key, term] of Object.entries(TERMS) as [keyof typeof TERMS, string][]) {
      const row = table.rows[term];
      if (!row) throw new Error(`coefficient "${term}" missing from the table`);
      out[key] = col === 1 && term in AA_WOMEN_PRECISE ? AA_WOMEN_PRECISE[term]! : (row[col] ?? 0);
    }
    out.mean = table.rows['mean Σβx (Cerner/PooledCohort, more digits)']![col]!;
    out.s10 = table.rows['baseline S10 (Cerner/PooledCohort)']![col]!;
    compiled[col] = k = out;
  }
  return k;
}

function labelOf(input: string, x: PceInput): string {
  switch (input) {
    case 'age':
      return `age ${x.ageYears}`;
    case 'totalCholesterolMgDl':
      return `total cholesterol ${x.totalCholesterolMgDl} mg/dL`;
    case 'hdlMgDl':
      return `HDL ${x.hdlMgDl} mg/dL`;
    case 'systolicBpMmHg':
      return `systolic BP ${x.systolicBpMmHg} mmHg${x.bpTreated ? ', treated' : ''}`;
    case 'smoking':
      return 'current smoker';
    case 'diabetes':
      return 'diabetes';
    default:
      return input;
  }
}

export function pooledCohort(x: PceInput): Result<number> {
  if (!(x.ageYears >= 40 && x.ageYears <= 79)) return fail(`age ${x.ageYears} outside 40-79`, outside('age', x.ageYears, 40, 79));
  if (!(x.totalCholesterolMgDl >= 130 && x.totalCholesterolMgDl <= 320))
    return fail(
      `total cholesterol ${x.totalCholesterolMgDl} mg/dL outside 130-320`,
      outside('totalCholesterol', x.totalCholesterolMgDl, 130, 320),
    );
  if (!(x.hdlMgDl >= 20 && x.hdlMgDl <= 100)) return fail(`HDL ${x.hdlMgDl} mg/dL outside 20-100`, outside('hdl', x.hdlMgDl, 20, 100));
  if (!(x.systolicBpMmHg >= 90 && x.systolicBpMmHg <= 200))
    return fail(`systolic BP ${x.systolicBpMmHg} mmHg outside 90-200`, outside('systolicBp', x.systolicBpMmHg, 90, 200));
  const k = coefsFor(COLUMN[`${x.sex}-${x.africanAmerican ? 'aa' : 'white'}`]);
  const la = Math.log(x.ageYears),
    tc = Math.log(x.totalCholesterolMgDl),
    hdl = Math.log(x.hdlMgDl),
    sbp = Math.log(x.systolicBpMmHg);
  const t = new Terms('log-hazard', labelOf, x);
  t.add('age', k.lnAge * la + k.lnAge2 * la * la);
  t.add('totalCholesterolMgDl', k.lnTc * tc + k.lnAgeTc * la * tc);
  t.add('hdlMgDl', k.lnHdl * hdl + k.lnAgeHdl * la * hdl);
  t.add('systolicBpMmHg', x.bpTreated ? k.lnTSbp * sbp + k.lnAgeTSbp * la * sbp : k.lnUSbp * sbp + k.lnAgeUSbp * la * sbp);
  if (x.currentSmoker) t.add('smoking', k.smoker + k.lnAgeSmoker * la);
  if (x.diabetes) t.add('diabetes', k.diabetes);
  return t.result(100 * (1 - k.s10 ** Math.exp(t.sum - k.mean)));
}
