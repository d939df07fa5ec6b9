/**
 * Every published worked example of the risk equations that the project holds (docs/equations.md §1.4, §2,
 * §5.2, §6), as validation cases: expected value, tolerance and the computation. The CLI `validate`
 * prints them; the unit tests run the same list.
 */
import { findrisc } from '../risk/findrisc.ts';
import { pooledCohort, type PceInput } from '../risk/pce.ts';
import { prevent, type PreventInput, type PreventModel, type PreventOutcome } from '../risk/prevent.ts';
import { qdiabetes2013, type QDiabetes2013Input } from '../risk/qdiabetes2013.ts';
import { qdiabetes2018, type QDiabetes2018Input, type QModel } from '../risk/qdiabetes2018.ts';
import type { Result } from '../risk/common.ts';

export interface ValidationCase {
  id: string;
  /** Where the expected value is published. */
  source: string;
  expected: number;
  tolerance: number;
  /** The computed value, or null when the model refused the input. */
  got: () => number | null;
  /** docs/cli.md `validate`: what the row checks (default 'reference': an implementation against a published worked example). */
  kind?: ValidationKind;
  /**
   * The standard error of the difference got − expected where the source gives one (the published
   * number's, from its CI or n, combined with the twin's Monte Carlo error): validate prints z.
   */
  se?: (got: number) => number;
}

export type ValidationKind = 'reference' | 'calibration' | 'validation' | 'held-out';

const value = (r: Result<number>): number | null => (r.ok ? r.value : null);
/** Published to 7 significant digits (R's print): half a unit in the 7th digit. */
const sig7 = (x: number): number => 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(x))) - 6);

const qd18 = (over: Partial<QDiabetes2018Input>): QDiabetes2018Input => ({
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
const qd13 = (over: Partial<QDiabetes2013Input>): QDiabetes2013Input => ({
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
const mmolToMgDl = (x: number): number => x * 18.016;
const mmolMolToPercent = (x: number): number => 0.0915 * x + 2.15;
const README = 'QDiabetes R package README (Feakster/qdiabetes); docs/equations.md §1.4';

function qdiabetesCases(): ValidationCase[] {
  const q = (id: string, model: QModel, over: Partial<QDiabetes2018Input>, expected: number): ValidationCase => ({
    id: `QDiabetes-2018 ${model}: ${id}`,
    source: README,
    expected,
    tolerance: sig7(expected),
    got: () => value(qdiabetes2018(qd18(over), model)),
  });
  return [
    q('male 45, BMI 35', 'A', { sex: 'male', ageYears: 45, bmiKgM2: 35 }, 9.88593),
    q('female 65, BMI 30, FPG 6 mmol/L', 'B', { ageYears: 65, bmiKgM2: 30, fastingGlucoseMgDl: mmolToMgDl(6) }, 18.43691),
    q('male 25, BMI 40, HbA1c 42 mmol/mol', 'C', { sex: 'male', ageYears: 25, bmiKgM2: 40, hba1cPercent: mmolMolToPercent(42) }, 8.226301),
    ...[25, 35, 45, 55, 65, 75].map((age, i) =>
      q(`female ${age}, BMI 35`, 'A', { ageYears: age, bmiKgM2: 35 }, [1.085179, 2.921454, 5.893499, 9.082108, 10.713717, 9.567516][i]!),
    ),
    ...[2, 3, 4, 5, 6].map((fpg, i) =>
      q(
        `male 65, BMI 35, FPG ${fpg} mmol/L`,
        'B',
        { sex: 'male', ageYears: 65, bmiKgM2: 35, fastingGlucoseMgDl: mmolToMgDl(fpg) },
        [0.9123063, 0.5911511, 1.8416081, 7.8554831, 30.8096968][i]!,
      ),
    ),
    ...[15, 20, 25, 30, 35, 40, 45].map((h, i) =>
      q(
        `female 80, BMI 28, HbA1c ${h} mmol/mol`,
        'C',
        { ageYears: 80, bmiKgM2: 28, hba1cPercent: mmolMolToPercent(h) },
        [0.008084487, 0.033019655, 0.121238952, 0.412396004, 1.320727239, 4.005759509, 11.409509026][i]!,
      ),
    ),
    ...[20, 25, 30, 35, 40].map((bmi, i): ValidationCase => {
      const expected = [0.1801226, 0.6324508, 1.7885233, 3.8983187, 6.2964702][i]!;
      return {
        id: `QDiabetes-2013: female 35, BMI ${bmi}, 10 years`,
        source: README,
        expected,
        tolerance: sig7(expected),
        got: () => value(qdiabetes2013(qd13({ bmiKgM2: bmi }), 10)),
      };
    }),
  ];
}

function preventCases(): ValidationCase[] {
  const ref = (sex: 'female' | 'male'): PreventInput => ({
    sex,
    ageYears: 50,
    totalCholesterolMgDl: 200,
    hdlMgDl: 45,
    systolicBpMmHg: 160,
    bpTreated: true,
    statin: false,
    diabetes: true,
    currentSmoker: false,
    egfr: 90,
    bmiKgM2: 35,
  });
  const rows: [PreventModel, PreventOutcome, 'female' | 'male', number][] = [
    ['base10y', 'cvd', 'female', 14.68],
    ['base10y', 'cvd', 'male', 16.32],
    ['base10y', 'ascvd', 'female', 9.2],
    ['base10y', 'ascvd', 'male', 10.19],
    ['base10y', 'hf', 'female', 8.06],
    ['base10y', 'hf', 'male', 10.59],
  ];
  return rows.map(([m, o, sex, expected]) => ({
    id: `PREVENT ${m} ${o}: ${sex} 50, TC 200, HDL 45, SBP 160 treated, diabetes, eGFR 90, BMI 35`,
    source: 'Khan et al. 2024, Table S12 worked example (4-decimal fractions); docs/equations.md §5.2',
    expected,
    tolerance: 0.005,
    got: () => value(prevent(ref(sex), m, o)),
  }));
}

function pceCases(): ValidationCase[] {
  const ex = (sex: 'female' | 'male', aa: boolean): PceInput => ({
    sex,
    africanAmerican: aa,
    ageYears: 55,
    totalCholesterolMgDl: 213,
    hdlMgDl: 50,
    systolicBpMmHg: 120,
    bpTreated: false,
    currentSmoker: false,
    diabetes: false,
  });
  const rows: [string, 'female' | 'male', boolean, number][] = [
    ['white woman', 'female', false, 2.1],
    ['African-American woman', 'female', true, 3.0],
    // Goff prints 5.3 % from a truncated sum; computed exactly it is 5.38 % (PooledCohort's test expects 5.4).
    ['white man', 'male', false, 5.4],
    ['African-American man', 'male', true, 6.1],
  ];
  return rows.map(([who, sex, aa, expected]) => ({
    id: `PCE: ${who} 55, TC 213, HDL 50, SBP 120 untreated, non-smoker, no diabetes`,
    source: 'Goff et al. 2013, Table A example; docs/equations.md §6',
    expected,
    tolerance: 0.05,
    got: () => value(pooledCohort(ex(sex, aa))),
  }));
}

function findriscCases(): ValidationCase[] {
  const example = (): ReturnType<typeof findrisc> =>
    findrisc({
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
  return [
    {
      id: 'FINDRISC: the same example → 10-year risk band (low, ~1 %)',
      source: 'induwara.lk calculator worked example; docs/equations.md §2',
      expected: 1,
      tolerance: 0,
      got: () => {
        const r = example();
        return r.ok && r.value.band === 'low' ? r.value.risk10yPercent : null;
      },
    },
    {
      id: 'FINDRISC: male 35, BMI 24.2, waist 90 cm, inactive, vegetables not daily → points',
      source: 'induwara.lk calculator worked example; docs/equations.md §2',
      expected: 3,
      tolerance: 0,
      got: () => {
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
        return r.ok ? r.value.points : null;
      },
    },
  ];
}

export function riskValidationCases(): ValidationCase[] {
  return [...qdiabetesCases(), ...findriscCases(), ...preventCases(), ...pceCases()];
}
