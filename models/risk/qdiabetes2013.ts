/**
 * QDiabetes-2013: risk (%) of type 2 diabetes at any horizon of 1 to 10 years, for risk curves.
 * Hippisley-Cox J, Coupland C, Robson J, et al. Predicting risk of type 2 diabetes in England and
 * Wales: prospective derivation and validation of QDScore. BMJ 2009;338:b880 (QDScore lineage);
 * 2013 update by ClinRisk (source LGPL). Coefficients: ClinRisk 2013 via the `QDiabetes` R package
 * (R/QDR2013.R), cross-checked against a port of the C code (models/risk/coefficients.generated.ts).
 * The Townsend centring constant is ADDED in 2013 (subtracted in 2018).
 */
import { qd2013 } from './coefficients.generated.ts';
import { coef, fail, outside, Terms, type Result, type Sex } from './common.ts';
import type { QEthnicity, QSmoking } from './qdiabetes2018.ts';

export interface QDiabetes2013Input {
  sex: Sex;
  ageYears: number;
  bmiKgM2: number;
  ethnicity: QEthnicity;
  smoking: QSmoking;
  townsend: number;
  corticosteroids: boolean;
  cvd: boolean;
  treatedHypertension: boolean;
  familyHistoryFirstDegree: boolean;
}

const ETH: Record<Exclude<QEthnicity, 'WhiteNA'>, string> = {
  Indian: 'ethnicity Indian',
  Pakistani: 'ethnicity Pakistani',
  Bangladeshi: 'ethnicity Bangladeshi',
  OtherAsian: 'ethnicity OtherAsian',
  BlackCaribbean: 'ethnicity BlackCaribbean',
  BlackAfrican: 'ethnicity BlackAfrican',
  Chinese: 'ethnicity Chinese',
  Other: 'ethnicity Other',
};

function labelOf(input: string, x: QDiabetes2013Input): string {
  switch (input) {
    case 'ethnicity':
      return `ethnicity ${x.ethnicity}`;
    case 'smoking':
      return `smoking ${x.smoking.toLowerCase()}`;
    case 'age':
      return `age ${x.ageYears}`;
    case 'bmi':
      return `BMI ${x.bmiKgM2.toFixed(1)} kg/m²`;
    case 'townsend':
      return `Townsend ${x.townsend}`;
    case 'corticosteroids':
      return 'corticosteroids';
    case 'cvd':
      return 'cardiovascular disease';
    case 'treatedHypertension':
      return 'treated hypertension';
    case 'familyHistoryFirstDegree':
      return 'family history of diabetes';
    default:
      return input;
  }
}

/** Risk (%) at `years` (1-10) by QDiabetes-2013. */
export function qdiabetes2013(x: QDiabetes2013Input, years: number): Result<number> {
  if (!(x.ageYears >= 25 && x.ageYears < 85)) return fail(`age ${x.ageYears} outside 25-84`, outside('age', x.ageYears, 25, 84));
  if (!(x.townsend >= -7 && x.townsend <= 11))
    return fail(`Townsend score ${x.townsend} outside -7 to 11`, outside('townsend', x.townsend, -7, 11));
  if (!Number.isInteger(years) || years < 1 || years > 10)
    return fail(`horizon ${years} years outside 1-10`, outside('horizon', years, 1, 10));
  if (!Number.isFinite(x.bmiKgM2)) return fail('BMI is not a number', { kind: 'notANumber', input: 'bmi' });
  const col = x.sex === 'female' ? 0 : 1;
  const c = (term: string): number => coef(qd2013, term, col);
  const female = x.sex === 'female';
  const dage = x.ageYears / 10;
  const dbmi = Math.min(40, Math.max(20, x.bmiKgM2)) / 10;
  const age1 = (female ? Math.sqrt(dage) : Math.log(dage)) - c('age_1 centre (subtract)');
  const age2 = dage ** 3 - c('age_2 centre (subtract)');
  const bmi1 = (female ? dbmi : dbmi ** 2) - c('bmi_1 centre (subtract)');
  const bmi2 = dbmi ** 3 - c('bmi_2 centre (subtract)');
  const town = x.townsend + c('town centre (ADD: town + c)');
  const t = new Terms('log-hazard', labelOf, x);
  if (x.ethnicity !== 'WhiteNA') t.add('ethnicity', c(ETH[x.ethnicity]));
  if (x.smoking !== 'Non') t.add('smoking', c(`smoking ${x.smoking}`));
  t.add('age', c('age_1 coef') * age1 + c('age_2 coef') * age2);
  t.add(
    'bmi',
    c('bmi_1 coef') * bmi1 +
      c('bmi_2 coef') * bmi2 +
      c('age_1×bmi_1') * age1 * bmi1 +
      c('age_1×bmi_2') * age1 * bmi2 +
      c('age_2×bmi_1') * age2 * bmi1 +
      c('age_2×bmi_2') * age2 * bmi2,
  );
  t.add('townsend', c('town coef') * town);
  if (x.corticosteroids) t.add('corticosteroids', c('corticosteroids'));
  if (x.cvd) t.add('cvd', c('CVD'));
  if (x.treatedHypertension) t.add('treatedHypertension', c('treated hypertension'));
  if (x.familyHistoryFirstDegree) t.add('familyHistoryFirstDegree', c('family history') + c('age_1×fh') * age1 + c('age_2×fh') * age2);
  return t.result(100 * (1 - c(`S0(t = ${years} y)`) ** Math.exp(t.sum)));
}
