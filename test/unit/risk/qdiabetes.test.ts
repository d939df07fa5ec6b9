import { describe, expect, it } from 'vitest';
import { qdiabetes2018, type QDiabetes2018Input } from '../../../models/risk/qdiabetes2018.ts';

/** The worked examples are in validation.test.ts (the list `validate` prints); these are the ranges. */
const base = (over: Partial<QDiabetes2018Input>): QDiabetes2018Input => ({
  sex: 'female',
  ageYears: 50,
  bmiKgM2: 25,
  ethnicity: 'WhiteNA',
  smoking: 'Non',
  townsend: 0,
  atypicalAntipsychotic: false,
  corticosteroids: false,
  cvd: false,
  gestationalDiabetes: false,
  learningDisability: false,
  schizophreniaOrBipolar: false,
  pcos: false,
  statin: false,
  treatedHypertension: false,
  familyHistoryFirstDegree: false,
  ...over,
});

describe('QDiabetes-2018 published ranges (never a silent extrapolation)', () => {
  it.each([
    ['age 24', 'A', { ageYears: 24 }, 'age 24 outside 25-84'],
    ['age 85', 'A', { ageYears: 85 }, 'age 85 outside 25-84'],
    ['Townsend 15', 'A', { townsend: 15 }, 'Townsend score 15 outside -8 to 14'],
    ['PCOS in a man', 'A', { sex: 'male', pcos: true }, 'gestational diabetes and PCOS apply to women only'],
    ['no FPG for model B', 'B', {}, 'needs fasting glucose'],
    [
      'FPG 7.0 mmol/L (the diabetes range)',
      'B',
      { fastingGlucoseMgDl: 126.112 },
      'fasting glucose 126.112 mg/dL (7.00 mmol/L) outside 2.0-6.9 mmol/L',
    ],
    [
      'HbA1c 6.55 % (48.1 mmol/mol, the diabetes range)',
      'C',
      { hba1cPercent: 6.55 },
      'HbA1c 6.55 % (48.1 mmol/mol) outside 15-47 mmol/mol',
    ],
  ] as const)('%s → null with a reason', (_, model, over, reason) => {
    const r = qdiabetes2018(base(over as Partial<QDiabetes2018Input>), model);
    expect(r).toMatchObject({ ok: false, reason });
    // ...and the same as data for the app to word (models/risk/common.ts ScoreWhy).
    expect(!r.ok && r.why.kind).toMatch(/^(outside|needs|womenOnly)$/);
  });

  it('clamps BMI to 20-40 as the R package does, and says so in the explanation (the report warns too)', () => {
    const r = qdiabetes2018(base({ bmiKgM2: 45 }), 'A');
    expect(r.ok && r.contributions.find((c) => c.input === 'bmi')!.label).toBe('BMI 45.0 kg/m² (used as 40)');
  });
});
