import { describe, expect, it } from 'vitest';
import { METFORMIN_FPG_CHANGE_PERCENT, metforminFpgChangePercent, placeboIncidence } from '../../../tools/gen/calibrate-twin.ts';
import { EFFECTS, PRIORS } from '../../../models/twin/priors.ts';
import { drawParticipants, invalidTrial, runCohort, type Trial } from '../../../models/twin/cohort.ts';
import { trialValidationCases } from '../../../models/validation/trial-cases.ts';
import { DPP_CONTRACT_TRIAL, DPP_PUBLISHED, DPP_TRIAL, DPS_TRIAL } from '../../../models/validation/trials.ts';

describe('in-silico DPP', () => {
  it('the stored progression rate still reproduces the calibration target (DPP placebo 28.9 % at 3 years, calibration seed)', () => {
    expect(Math.abs(placeboIncidence(PRIORS.rbMeanPerYear) - DPP_PUBLISHED.placebo)).toBeLessThan(0.5);
  });

  it('arms run on the same people: lifestyle < metformin < placebo at every year, weight targets met at year 1', () => {
    const r = runCohort({ ...DPP_TRIAL, n: 1000 });
    const { placebo, metformin, lifestyle } = r.arms as Record<
      'placebo' | 'metformin' | 'lifestyle',
      { cumulativeIncidence: number[]; meanWeightChangeKg: number[] }
    >;
    for (let y = 0; y < 3; y++) {
      expect(metformin.cumulativeIncidence[y]!).toBeLessThan(placebo.cumulativeIncidence[y]!);
      expect(lifestyle.cumulativeIncidence[y]!).toBeLessThan(metformin.cumulativeIncidence[y]!);
    }
    expect(placebo.meanWeightChangeKg[0]!).toBeCloseTo(-0.1, 0);
    expect(metformin.meanWeightChangeKg[0]!).toBeCloseTo(-2.1, 0);
    expect(lifestyle.meanWeightChangeKg[0]!).toBeCloseTo(-5.6, 0);
    expect(runCohort({ ...DPP_TRIAL, n: 1000 })).toEqual(r);
  });
});

describe('trial diagnostic criteria', () => {
  const small: Trial = { ...DPP_CONTRACT_TRIAL, n: 600, years: 3, arms: { placebo: DPP_TRIAL.arms.placebo! } };
  const incidence = (t: Trial): number => runCohort(t).arms.placebo!.cumulativeIncidence[2]!;

  it("the default is the contract's (fasting glucose ≥ 126 mg/dL or HbA1c ≥ 6.5 %, twice a year)", () => {
    expect(runCohort({ ...small, diagnosis: { fastingGlucoseMgDl: 126, hba1cPercent: 6.5, visitsPerYear: 2 } })).toEqual(runCohort(small));
  });

  it('dropping HbA1c, raising the glucose threshold or visiting once a year each finds fewer cases', () => {
    const base = incidence(small);
    expect(incidence({ ...small, diagnosis: { fastingGlucoseMgDl: 126, hba1cPercent: null } })).toBeLessThan(base);
    expect(incidence({ ...small, diagnosis: { fastingGlucoseMgDl: 126, hba1cPercent: 6.5, visitsPerYear: 1 } })).toBeLessThanOrEqual(base);
    expect(incidence({ ...small, diagnosis: { fastingGlucoseMgDl: 140.5, hba1cPercent: 6.5 } })).toBeLessThan(base);
  });

  it("participants enrol below the trial's own thresholds", () => {
    const people = drawParticipants(DPS_TRIAL.population, 2000, 3, DPS_TRIAL.diagnosis);
    expect(Math.max(...people.map((p) => p.fastingGlucoseMgDl))).toBeLessThan(140.5);
    expect(Math.max(...people.map((p) => p.fastingGlucoseMgDl))).toBeGreaterThan(126); // WHO 1985 let them in
    expect(Math.max(...drawParticipants(DPP_TRIAL.population, 2000, 3).map((p) => p.hba1cPercent))).toBeLessThan(6.5);
  });

  it.each([
    [{ fastingGlucoseMgDl: 'high', hba1cPercent: null }, 'trial.diagnosis.fastingGlucoseMgDl must be null or a number from 90 to 200'],
    [{ fastingGlucoseMgDl: 126, hba1cPercent: 12 }, 'trial.diagnosis.hba1cPercent must be null or a number from 5 to 9'],
    [{ fastingGlucoseMgDl: 126, hba1cPercent: null, visitsPerYear: 4 }, 'trial.diagnosis.visitsPerYear must be 1 or 2'],
    [null, 'trial.diagnosis is not an object'],
    [{ fastingGlucoseMgDl: null, hba1cPercent: null }, 'trial.diagnosis has no criterion: every threshold is null'],
    [{ hba1cPercent: 6.5 }, 'trial.diagnosis.fastingGlucoseMgDl is missing (null if it is not a criterion)'],
  ])('rejects diagnosis %j', (diagnosis, why) => {
    expect(invalidTrial({ ...DPP_TRIAL, diagnosis })).toBe(why);
  });
});

describe('the Finnish DPS under its own criteria (held out: its incidences are reported by validate, not asserted)', () => {
  it("diagnoses mostly on the 2-hour value, reaches and holds the arms' weights, and the intervention lowers incidence", () => {
    const r = runCohort({ ...DPS_TRIAL, n: 1500 });
    const { control, intervention } = r.arms as Record<'control' | 'intervention', (typeof r.arms)[string]>;
    expect(intervention!.cumulativeIncidence[3]!).toBeLessThan(control!.cumulativeIncidence[3]!);
    const by = control!.diagnosedBy!;
    expect(by.twoHour + by.several).toBeGreaterThan(by.fasting);
    expect(by.hba1c).toBe(0);
    for (const [arm, kg] of [
      [control!, -0.8],
      [intervention!, -4.2],
    ] as const) {
      for (const w of arm.meanWeightChangeKg) expect(w).toBeCloseTo(kg, 0);
    }
  });

  it('validate holds every declared trial row, each with its kind; the calibration row passes', () => {
    const cases = trialValidationCases();
    expect(cases.map((c) => [c.id, c.kind])).toEqual([
      ['dpp-placebo-3y-cumulative-incidence-percent', 'calibration'],
      ['dpp-metformin-3y-cumulative-incidence-percent', 'validation'],
      ['dpp-lifestyle-3y-cumulative-incidence-percent', 'validation'],
      ['dpp-hba1c-defined-metformin-hazard-ratio', 'validation'],
      ['dpp-hba1c-defined-lifestyle-hazard-ratio', 'validation'],
      ['dpp-ogtt-triggers-on-2h-percent', 'validation'],
      ['dpp-ogtt-triggers-confirmed-percent', 'validation'],
      ['dpp-baseline-2h-glucose-mean-mg-dl', 'validation'],
      ['dps-control-4y-cumulative-incidence-percent', 'held-out'],
      ['dps-intervention-4y-cumulative-incidence-percent', 'held-out'],
      ['dps-baseline-2h-glucose-mean-mmol-l', 'validation'],
      ['dps-baseline-2h-glucose-sd-mmol-l', 'validation'],
      ['lifestyle-2h-glucose-change-year-1-mmol-l', 'validation'],
      ['dppos-lifestyle-10y-incidence-reduction-percent', 'validation'],
      ['dppos-metformin-10y-incidence-reduction-percent', 'validation'],
      ['nhs-dpp-hba1c-change-at-minus-2.3-kg-percent', 'validation'],
    ]);
    const calibration = cases.filter((c) => c.kind === 'calibration');
    for (const c of calibration) expect(Math.abs(c.got()! - c.expected)).toBeLessThanOrEqual(c.tolerance);
  });
});

describe('calibration targets still hold for the stored values', () => {
  it("metformin with the DPP arm's weight loss lowers fasting glucose at one year by Salpeter 2008's −4.5 %", () => {
    expect(metforminFpgChangePercent(EFFECTS.metforminIsGain, PRIORS, 3000)).toBeCloseTo(METFORMIN_FPG_CHANGE_PERCENT, 0);
  });
});
