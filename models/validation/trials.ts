/**
 * Published prevention trials as in-silico trials, each under its own ascertainment (docs/cli.md
 * `cohort` v2): how it enrolled (entry ranges on noisy screening tests) and how it diagnosed (which
 * tests, how often, confirmed how). What each trial's numbers are used for (calibration,
 * validation, held out) is declared in docs/validation.md, "Twin v2".
 */
import type { Trial } from '../twin/cohort.ts';
import { MG_DL_PER_MMOL_L } from '../twin/members.ts';

const mgDl = (mmolL: number): number => Math.round(mmolL * MG_DL_PER_MMOL_L * 10) / 10;

/** DPP's population at baseline (Knowler et al., NEJM 2002;346:393–403, Table 1; DPP Research Group, Diabetes Care 2000;23:1619). */
const DPP_POPULATION = {
  ageMean: 50.6,
  ageSd: 10.7,
  femaleFraction: 0.68,
  bmiMean: 34.0,
  bmiSd: 6.7,
  fastingGlucoseMgDlMean: 106.5,
  fastingGlucoseMgDlSd: 8.3,
  hba1cPercentMean: 5.91,
  hba1cPercentSd: 0.5,
};

/** DPP's arms (NEJM 2002): weight change at one year held (metformin −2.1 kg, lifestyle −5.6 kg with 150 min/week). */
const DPP_ARMS = {
  placebo: { weightChangeKg: -0.1 },
  metformin: { metformin: true, weightChangeKg: -2.1 },
  lifestyle: { weightChangeKg: -5.6, activityMinutesPerWeek: 150 },
};

/**
 * The DPP as the contract's example states it (docs/cli.md `cohort`): the contract's outcome (fasting
 * glucose ≥ 126 mg/dL or HbA1c ≥ 6.5 %, twice a year, confirmed), no entry selection. The v1 engine's
 * trial; benchmarks run it side by side with the v2 trial.
 */
export const DPP_CONTRACT_TRIAL: Trial = { name: 'DPP', n: 3000, seed: 42, years: 3, population: DPP_POPULATION, arms: DPP_ARMS };

/**
 * The Diabetes Prevention Program under its own ascertainment. Entry: IGT (2-hour glucose 140–199
 * mg/dL) and fasting glucose 95–125 mg/dL on one screening OGTT (design: Diabetes Care
 * 1999;22:623; baseline: Diabetes Care 2000;23:1619). Diagnosis (ADA 1997): fasting glucose ≥ 126
 * mg/dL every 6 months or 2-hour glucose ≥ 200 mg/dL at the yearly OGTT, confirmed by repeating the
 * test (Christophi et al., J Diabetes Complications 2013;27:150: a confirmatory OGTT within 6
 * weeks); HbA1c measured but not a criterion (DPP Research Group, Diabetes Care 2015;38:51).
 */
export const DPP_TRIAL: Trial = {
  ...DPP_CONTRACT_TRIAL,
  diagnosis: {
    fastingGlucoseMgDl: 126,
    twoHourGlucoseMgDl: 200,
    hba1cPercent: null,
    fastingVisitsPerYear: 2,
    ogttVisitsPerYear: 1,
    confirmation: 'repeat-same',
  },
  population: { ...DPP_POPULATION, entry: { fastingGlucoseMgDl: [95, 125], twoHourGlucoseMgDl: [140, 199], tests: 1 } },
};

/** DPP's outcome by HbA1c (Diabetes Care 2015;38:51): HbA1c ≥ 6.5 % at yearly visits, confirmed, on the same participants. */
export const DPP_HBA1C_TRIAL: Trial = {
  ...DPP_TRIAL,
  diagnosis: { fastingGlucoseMgDl: null, twoHourGlucoseMgDl: null, hba1cPercent: 6.5, fastingVisitsPerYear: 1, ogttVisitsPerYear: 0 },
};

/** DPP 3-year cumulative incidence, % (NEJM 2002). */
export const DPP_PUBLISHED = { placebo: 28.9, metformin: 21.7, lifestyle: 14.4 } as const;
/** Participants per arm (NEJM 2002). */
export const DPP_ARM_N = { placebo: 1082, metformin: 1073, lifestyle: 1079 } as const;
/** DPP's HbA1c-defined diabetes against placebo during DPP (Diabetes Care 2015;38:51): −44 % metformin, −49 % lifestyle. */
export const DPP_HBA1C_HAZARD_RATIO = { metformin: 0.56, lifestyle: 0.51 } as const;
/**
 * DPP's OGTT triggers (Christophi 2013): 772 participants had a confirmation visit triggered at an
 * OGTT, 101 on fasting glucose alone, 574 on the 2-hour value alone, 97 on both; 47 % confirmed.
 */
export const DPP_TRIGGERS = { fastingOnly: 101, twoHourOnly: 574, both: 97, confirmedFraction: 0.47 } as const;

/** The seed the DPP placebo calibration uses: different from the validation run's seed 42. */
export const DPP_CALIBRATION_SEED = 7;

/**
 * DPPOS (Knowler et al., Lancet 2009;374:1677): DPP's arms for 3 years, then everyone offered group
 * lifestyle, metformin continued, to 10 years. The second phase's weights are not from the paper's
 * tables (we could not read them): lifestyle −2.0 kg with 100 min/week (the contract's example,
 * docs/cli.md), metformin −2.0 kg, placebo −1.0 kg (recalled from the paper's figure, "partly
 * regained" and "maintained" in its abstract).
 */
export const DPPOS_TRIAL: Trial = {
  ...DPP_TRIAL,
  name: 'DPPOS',
  years: 10,
  arms: {
    placebo: {
      phases: [
        { fromYear: 0, ...DPP_ARMS.placebo },
        { fromYear: 3, weightChangeKg: -1.0 },
      ],
    },
    metformin: {
      phases: [
        { fromYear: 0, ...DPP_ARMS.metformin },
        { fromYear: 3, metformin: true, weightChangeKg: -2.0 },
      ],
    },
    lifestyle: {
      phases: [
        { fromYear: 0, ...DPP_ARMS.lifestyle },
        { fromYear: 3, weightChangeKg: -2.0, activityMinutesPerWeek: 100 },
      ],
    },
  },
};
/** DPPOS: reduction in diabetes incidence against placebo over 10 years, % and 95 % CI (Lancet 2009 abstract). */
export const DPPOS_REDUCTION = { lifestyle: [34, 24, 42], metformin: [18, 7, 28] } as const;

/**
 * Finnish Diabetes Prevention Study (Tuomilehto et al., NEJM 2001;344:1343–1350), held out.
 * Baseline: Uusitupa et al., PLoS One 2009 Table 1 (age 55.2 ± 7.1, BMI 31.3 ± 4.55, FPG 6.15 ± 0.75
 * mmol/L = 110.8 ± 13.5 mg/dL), 67 % women (NEJM abstract). HbA1c is imputed (5.84 %, SD 0.5; not a
 * criterion in DPS, and its baseline was not available to us). Entry: IGT on the mean of two OGTTs
 * (2-hour 7.8–11.0 mmol/L) with fasting glucose < 7.8 mmol/L. Arms: year-1 weight change −0.8
 * (control) and −4.2 kg (intervention, NEJM abstract), the intervention's activity goal ≥ 30 min/day
 * (210 min/week). Diagnosis (WHO 1985): fasting glucose ≥ 7.8 mmol/L or 2-hour ≥ 11.1 mmol/L at the
 * yearly OGTT, confirmed by a second test.
 */
export const DPS_TRIAL: Trial = {
  name: 'DPS',
  n: 3000,
  seed: 42,
  years: 4,
  diagnosis: {
    fastingGlucoseMgDl: mgDl(7.8),
    twoHourGlucoseMgDl: mgDl(11.1),
    hba1cPercent: null,
    fastingVisitsPerYear: 1,
    ogttVisitsPerYear: 1,
    confirmation: 'repeat-same',
  },
  population: {
    ageMean: 55.2,
    ageSd: 7.1,
    femaleFraction: 0.67,
    bmiMean: 31.3,
    bmiSd: 4.55,
    fastingGlucoseMgDlMean: 110.8,
    fastingGlucoseMgDlSd: 13.5,
    hba1cPercentMean: 5.84,
    hba1cPercentSd: 0.5,
    entry: { fastingGlucoseMgDl: [50, mgDl(7.8) - 0.1], twoHourGlucoseMgDl: [mgDl(7.8), mgDl(11.0)], tests: 2 },
  },
  arms: { control: { weightChangeKg: -0.8 }, intervention: { weightChangeKg: -4.2, activityMinutesPerWeek: 210 } },
};

/** DPS 4-year cumulative incidence, % (NEJM 2001: 23 % control, 11 % intervention). */
export const DPS_PUBLISHED = { control: 23, intervention: 11 } as const;
/** Their 95 % confidence intervals, % (NEJM 2001 abstract: control 17–29, intervention 6–15). */
export const DPS_PUBLISHED_CI = { control: [17, 29], intervention: [6, 15] } as const;
/** DPS baseline 2-hour glucose, mmol/L, mean and SD (Uusitupa 2009 Table 1: 8.9 ± 1.5 in both arms). */
export const DPS_BASELINE_TWO_HOUR_MMOL_L = { mean: 8.9, sd: 1.5 } as const;
