import { describe, expect, it } from 'vitest';
import { qdiabetes2018, type QDiabetes2018Input, type QModel } from '../../../models/risk/qdiabetes2018.ts';
import { explain } from '../../../models/risk/common.ts';

/** QDiabetes R package (Feakster/qdiabetes) README worked examples, models.md §1.4 (VERIFIED). */
const base = (over: Partial<QDiabetes2018Input>): QDiabetes2018Input => ({
  sex: 'female', ageYears: 50, bmiKgM2: 25, ethnicity: 'WhiteNA', smoking: 'Non', townsend: 0,
  atypicalAntipsychotic: false, corticosteroids: false, cvd: false, gestationalDiabetes: false, learningDisability: false,
  schizophreniaOrBipolar: false, pcos: false, statin: false, treatedHypertension: false, familyHistoryFirstDegree: false, ...over,
});
const mmolToMgDl = (x: number): number => x * 18.016;
const mmolMolToPercent = (x: number): number => 0.0915 * x + 2.15;

const cases: [string, QModel, Partial<QDiabetes2018Input>, number][] = [
  ['A male 45 BMI 35', 'A', { sex: 'male', ageYears: 45, bmiKgM2: 35 }, 9.88593],
  ['B female 65 BMI 30 FPG 6', 'B', { ageYears: 65, bmiKgM2: 30, fastingGlucoseMgDl: mmolToMgDl(6) }, 18.43691],
  ['C male 25 BMI 40 HbA1c 42', 'C', { sex: 'male', ageYears: 25, bmiKgM2: 40, hba1cPercent: mmolMolToPercent(42) }, 8.226301],
  ...[25, 35, 45, 55, 65, 75].map((age, i): [string, QModel, Partial<QDiabetes2018Input>, number] =>
    [`A female ${age} BMI 35`, 'A', { ageYears: age, bmiKgM2: 35 }, [1.085179, 2.921454, 5.893499, 9.082108, 10.713717, 9.567516][i]!]),
  ...[2, 3, 4, 5, 6].map((fpg, i): [string, QModel, Partial<QDiabetes2018Input>, number] =>
    [`B male 65 BMI 35 FPG ${fpg}`, 'B', { sex: 'male', ageYears: 65, bmiKgM2: 35, fastingGlucoseMgDl: mmolToMgDl(fpg) }, [0.9123063, 0.5911511, 1.8416081, 7.8554831, 30.8096968][i]!]),
  ...[15, 20, 25, 30, 35, 40, 45].map((h, i): [string, QModel, Partial<QDiabetes2018Input>, number] =>
    [`C female 80 BMI 28 HbA1c ${h}`, 'C', { ageYears: 80, bmiKgM2: 28, hba1cPercent: mmolMolToPercent(h) }, [0.008084487, 0.033019655, 0.121238952, 0.412396004, 1.320727239, 4.005759509, 11.409509026][i]!]),
];

describe('QDiabetes-2018 (worked examples)', () => {
  it.each(cases)('%s → %d %%', (_, model, input, expected) => {
    const r = qdiabetes2018(base(input), model);
    expect(r.ok).toBe(true);
    // the README prints 7 significant digits
    expect(r.ok && r.value).toBeCloseTo(expected, Math.max(2, 6 - Math.floor(Math.log10(expected))));
  });
});
