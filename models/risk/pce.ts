/**
 * Pooled Cohort Equations: 10-year risk (%) of a first hard ASCVD event. Goff DC Jr, Lloyd-Jones DM,
 * Bennett G, et al. 2013 ACC/AHA guideline on the assessment of cardiovascular risk. Circulation
 * 2014;129:S49-S73 (Table A). Coefficients: models/risk/coefficients.generated.ts; the means and
 * baseline survivals with more digits and the more precise African-American-women betas are those of
 * PooledCohort/Cerner (models.md §6). African-American equations for african_american,
 * black_caribbean and black_african; white equations for everyone else (as the guideline advises).
 * Ranges: age 40-79, total cholesterol 130-320, HDL 20-100, systolic BP 90-200 (ACC/AHA calculator).
 */
import { pce as table } from './coefficients.generated.ts';
import { byInput, fail, type Contribution, type Result, type Sex } from './common.ts';

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
  'ln age': 17.1141, 'ln TC': 0.9396, 'ln HDL-C': -18.9196, 'ln age × ln HDL-C': 4.4748, 'ln treated SBP': 29.2907,
  'ln age × ln treated SBP': -6.4321, 'ln untreated SBP': 27.8197, 'ln age × ln untreated SBP': -6.0873, 'current smoker': 0.6908, diabetes: 0.8738,
};

export function pooledCohort(x: PceInput): Result<number> {
  if (!(x.ageYears >= 40 && x.ageYears <= 79)) return fail(`age ${x.ageYears} outside 40-79`);
  if (!(x.totalCholesterolMgDl >= 130 && x.totalCholesterolMgDl <= 320)) return fail(`total cholesterol ${x.totalCholesterolMgDl} mg/dL outside 130-320`);
  if (!(x.hdlMgDl >= 20 && x.hdlMgDl <= 100)) return fail(`HDL ${x.hdlMgDl} mg/dL outside 20-100`);
  if (!(x.systolicBpMmHg >= 90 && x.systolicBpMmHg <= 200)) return fail(`systolic BP ${x.systolicBpMmHg} mmHg outside 90-200`);
  const col = COLUMN[`${x.sex}-${x.africanAmerican ? 'aa' : 'white'}`];
  const c = (term: string): number => {
    if (col === 1 && term in AA_WOMEN_PRECISE) return AA_WOMEN_PRECISE[term]!;
    const v = table.rows[term]?.[col];
    if (v === undefined) throw new Error(`coefficient "${term}" missing from the table`);
    return v ?? 0; // "—": the term is absent from this group's equation
  };
  const la = Math.log(x.ageYears), tc = Math.log(x.totalCholesterolMgDl), hdl = Math.log(x.hdlMgDl), sbp = Math.log(x.systolicBpMmHg);
  const parts: Contribution[] = [];
  const add = (input: string, label: string, value: number): void => void parts.push({ input, label, value, unit: 'log-hazard' });
  add('age', `age ${x.ageYears}`, c('ln age') * la + c('(ln age)²') * la * la);
  add('totalCholesterolMgDl', `total cholesterol ${x.totalCholesterolMgDl} mg/dL`, c('ln TC') * tc + c('ln age × ln TC') * la * tc);
  add('hdlMgDl', `HDL ${x.hdlMgDl} mg/dL`, c('ln HDL-C') * hdl + c('ln age × ln HDL-C') * la * hdl);
  add('systolicBpMmHg', `systolic BP ${x.systolicBpMmHg} mmHg${x.bpTreated ? ', treated' : ''}`, x.bpTreated
    ? c('ln treated SBP') * sbp + c('ln age × ln treated SBP') * la * sbp
    : c('ln untreated SBP') * sbp + c('ln age × ln untreated SBP') * la * sbp);
  if (x.currentSmoker) add('smoking', 'current smoker', c('current smoker') + c('ln age × smoker') * la);
  if (x.diabetes) add('diabetes', 'diabetes', c('diabetes'));
  const sum = parts.reduce((s, p) => s + p.value, 0);
  const mean = table.rows['mean Σβx (Cerner/PooledCohort, more digits)']![col]!;
  const s10 = table.rows['baseline S10 (Cerner/PooledCohort)']![col]!;
  const risk = 100 * (1 - s10 ** Math.exp(sum - mean));
  return { ok: true, value: risk, contributions: byInput(parts) };
}
