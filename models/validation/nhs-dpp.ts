/**
 * NHS Diabetes Prevention Programme (Valabhji et al., Diabetes Care 2020;43:152): people with
 * non-diabetic hyperglycaemia (HbA1c 42–47 mmol/mol, 6.0–6.4 %, or fasting glucose 5.5–6.9 mmol/L)
 * lost 2.3 kg (intention to treat) and their HbA1c fell 1.26 mmol/mol (0.12 %). A validation of the
 * twin's HbA1c change per kg (docs/validation.md V5): a virtual programme cohort, −2.3 kg against
 * no change, HbA1c difference at one year. The cohort's baseline is an assumption (age 60 ± 11,
 * 55 % women, BMI 30 ± 5, fasting glucose 102 ± 10 mg/dL, HbA1c 6.15 ± 0.12 %): the paper's
 * baseline table was not available to us.
 */
import type { Trial } from '../twin/trial-schema.ts';

export const NHS_DPP_SOURCE = 'Valabhji et al., Diabetes Care 2020;43:152 (NHS DPP, ITT: -2.3 kg, HbA1c -1.26 mmol/mol = -0.12 %)';
/** HbA1c change with the programme, %: −1.26 mmol/mol × 0.0915 (IFCC to NGSP slope). */
export const NHS_DPP_HBA1C_CHANGE_PERCENT = -0.12;

export function nhsDppTrial(): Trial {
  return {
    name: 'NHS DPP',
    n: 3000,
    seed: 42,
    years: 1,
    population: {
      ageMean: 60,
      ageSd: 11,
      femaleFraction: 0.55,
      bmiMean: 30,
      bmiSd: 5,
      fastingGlucoseMgDlMean: 102,
      fastingGlucoseMgDlSd: 10,
      hba1cPercentMean: 6.15,
      hba1cPercentSd: 0.12,
    },
    arms: { usual: { weightChangeKg: 0 }, programme: { weightChangeKg: -2.3 } },
  };
}
