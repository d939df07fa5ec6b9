import { describe, expect, it } from 'vitest';
import { METFORMIN_FPG_CHANGE_PERCENT, metforminFpgChangePercent, placeboIncidence } from '../../../tools/gen/calibrate-twin.ts';
import { EFFECTS, PRIORS } from '../../../models/twin/priors.ts';
import { drawParticipants, invalidTrial, runCohort, type Trial } from '../../../models/twin/cohort.ts';
import { trialValidationCases } from '../../../models/validation/trial-cases.ts';
import { DPP_PUBLISHED, DPP_TRIAL, DPS_PUBLISHED_CI, DPS_TRIAL } from '../../../models/validation/trials.ts';

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
  const small: Trial = { ...DPP_TRIAL, n: 600, years: 3, arms: { placebo: DPP_TRIAL.arms.placebo! } };
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
    [{ fastingGlucoseMgDl: 'high', hba1cPercent: null }, 'trial.diagnosis.fastingGlucoseMgDl must be a number from 90 to 200'],
    [{ fastingGlucoseMgDl: 126, hba1cPercent: 12 }, 'trial.diagnosis.hba1cPercent must be null or a number from 5 to 9'],
    [{ fastingGlucoseMgDl: 126, hba1cPercent: null, visitsPerYear: 4 }, 'trial.diagnosis.visitsPerYear must be 1 or 2'],
    [null, 'trial.diagnosis.fastingGlucoseMgDl must be a number from 90 to 200'],
  ])('rejects diagnosis %j', (diagnosis, why) => {
    expect(invalidTrial({ ...DPP_TRIAL, diagnosis })).toBe(why);
  });
});

describe('held-out Finnish DPS (nothing fitted to it)', () => {
  it("the control arm's 4-year incidence lands inside the published 95 % CI; the intervention arm lowers it, though less than DPS did (its CI is missed, docs/validation.md)", () => {
    const r = runCohort(DPS_TRIAL);
    const pct = (arm: 'control' | 'intervention'): number => 100 * r.arms[arm]!.cumulativeIncidence[3]!;
    expect(pct('control')).toBeGreaterThanOrEqual(DPS_PUBLISHED_CI.control[0]);
    expect(pct('control')).toBeLessThanOrEqual(DPS_PUBLISHED_CI.control[1]);
    expect(pct('intervention')).toBeLessThan(0.75 * pct('control'));
    // Weight targets are reached at one year and then held (contracts: "reaches it at one year, and holds it").
    for (const [arm, kg] of [
      ['control', -0.8],
      ['intervention', -4.2],
    ] as const) {
      for (const w of r.arms[arm]!.meanWeightChangeKg) expect(w).toBeCloseTo(kg, 0);
    }
  });

  it('validate holds the trial cases, and each passes', () => {
    const cases = trialValidationCases();
    expect(cases.map((c) => c.id)).toEqual([
      'dpp-placebo-3y-cumulative-incidence-percent',
      'dpp-metformin-3y-cumulative-incidence-percent',
      'dpp-lifestyle-3y-cumulative-incidence-percent',
      'dps-control-4y-cumulative-incidence-percent',
    ]);
    for (const c of cases) expect(Math.abs(c.got()! - c.expected)).toBeLessThanOrEqual(c.tolerance);
  });
});

describe('calibration targets still hold for the stored values', () => {
  it("metformin with the DPP arm's weight loss lowers fasting glucose at one year by Salpeter 2008's −4.5 %", () => {
    expect(metforminFpgChangePercent(EFFECTS.metforminIsGain, PRIORS, 3000)).toBeCloseTo(METFORMIN_FPG_CHANGE_PERCENT, 0);
  });
});
