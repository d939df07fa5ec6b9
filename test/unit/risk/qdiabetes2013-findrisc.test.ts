import { describe, expect, it } from 'vitest';
import { qdiabetes2013, type QDiabetes2013Input } from '../../../models/risk/qdiabetes2013.ts';
import { findrisc } from '../../../models/risk/findrisc.ts';

const q13 = (over: Partial<QDiabetes2013Input>): QDiabetes2013Input => ({
  sex: 'female',
  ageYears: 35,
  bmiKgM2: 25,
  ethnicity: 'WhiteNA',
  smoking: 'Non',
  townsend: 0,
  corticosteroids: false,
  cvd: false,
  treatedHypertension: false,
  familyHistoryFirstDegree: false,
  ...over,
});
const val = (r: ReturnType<typeof qdiabetes2013>): number => (r.ok ? r.value : NaN);

describe('QDiabetes-2013', () => {
  it.each([
    [20, 0.1801226],
    [25, 0.6324508],
    [30, 1.7885233],
    [35, 3.8983187],
    [40, 6.2964702],
  ])('female 35, BMI %d, 10 years = %d %% (R package README, VERIFIED)', (bmi, expected) => {
    expect(val(qdiabetes2013(q13({ bmiKgM2: bmi }), 10))).toBeCloseTo(expected, 6);
  });

  it('male 45, BMI 35: the risk curve over 1-10 years (models.md DERIVED vectors)', () => {
    const curve = Array.from({ length: 10 }, (_, i) => val(qdiabetes2013(q13({ sex: 'male', ageYears: 45, bmiKgM2: 35 }), i + 1)));
    const expected = [0.870637, 1.77102, 2.717488, 3.751034, 4.922045, 6.169436, 7.468908, 8.83961, 10.313434, 11.888031];
    curve.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
  });

  it('female 35, BMI 25 over 1-10 years', () => {
    const expected = [0.047047, 0.093908, 0.144613, 0.199313, 0.258563, 0.325081, 0.393123, 0.466842, 0.546567, 0.632451];
    expected.forEach((e, i) => expect(val(qdiabetes2013(q13({}), i + 1))).toBeCloseTo(e, 6));
  });

  it('refuses horizons outside 1-10 and ages outside 25-84', () => {
    expect(qdiabetes2013(q13({}), 11)).toEqual({
      ok: false,
      reason: 'horizon 11 years outside 1-10',
      why: { kind: 'outside', input: 'horizon', value: 11, min: 1, max: 10 },
    });
    expect(qdiabetes2013(q13({ ageYears: 90 }), 5)).toEqual({
      ok: false,
      reason: 'age 90 outside 25-84',
      why: { kind: 'outside', input: 'age', value: 90, min: 25, max: 84 },
    });
  });
});

describe('FINDRISC', () => {
  it('the published calculator example: male 35, BMI 24.2, waist 90, inactive, no daily vegetables → 3 points, low (~1 %)', () => {
    const r = findrisc({
      sex: 'male',
      ageYears: 35,
      bmiKgM2: 24.2,
      waistCm: 90,
      physicallyActiveDaily: false,
      dailyFruitVegetables: false,
      bpMedication: false,
      highGlucoseHistory: false,
      familyHistoryDiabetes: 'none',
    });
    expect(r).toMatchObject({ ok: true, value: { points: 3, band: 'low', risk10yPercent: 1 } });
  });

  it.each([
    [6, 'low', 1],
    [7, 'slightly_elevated', 4],
    [11, 'slightly_elevated', 4],
    [12, 'moderate', 17],
    [14, 'moderate', 17],
    [15, 'high', 33],
    [20, 'high', 33],
    [21, 'very_high', 50],
  ] as const)('a total of %d points is %s (%d %%)', async (points, band, risk) => {
    const { findriscBand } = await import('../../../models/risk/findrisc.ts');
    expect(findriscBand(points)).toEqual({ band, risk10yPercent: risk });
  });

  it('applies the boundary convention (BMI 30 → 1, waist 102 for men → 3)', () => {
    const r = findrisc({
      sex: 'male',
      ageYears: 64,
      bmiKgM2: 30,
      waistCm: 102,
      physicallyActiveDaily: true,
      dailyFruitVegetables: true,
      bpMedication: true,
      highGlucoseHistory: true,
      familyHistoryDiabetes: 'second_degree',
    });
    expect(r.ok && r.value.points).toBe(3 + 1 + 3 + 0 + 0 + 2 + 5 + 3);
  });
});
