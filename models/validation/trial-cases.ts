/**
 * In-silico trials as validation cases (docs/validation.md): the DPP placebo arm checks the one
 * calibrated progression rate; the Finnish DPS is held out (nothing was fitted to it) and must land
 * inside the published 95 % confidence interval of each arm's 4-year incidence.
 */
import { runCohort, type CohortResult } from '../twin/cohort.ts';
import type { ValidationCase } from './risk-cases.ts';
import { DPP_PUBLISHED, DPP_TRIAL, DPS_PUBLISHED, DPS_PUBLISHED_CI, DPS_TRIAL } from './trials.ts';

const DPP_SOURCE = 'DPP placebo arm, Knowler et al., NEJM 2002;346:393-403 (calibration target, checked at another seed)';
const DPS_SOURCE = 'Finnish DPS, Tuomilehto et al., NEJM 2001;344:1343-1350 (held out; tolerance = the published 95 % CI)';

const memo = new Map<string, CohortResult>();
function lastYearPercent(name: 'DPP' | 'DPS', arm: string): number {
  let r = memo.get(name);
  if (!r) {
    r = name === 'DPP' ? runCohort({ ...DPP_TRIAL, arms: { placebo: DPP_TRIAL.arms.placebo! } }) : runCohort(DPS_TRIAL);
    memo.set(name, r);
  }
  const ci = r.arms[arm]!.cumulativeIncidence;
  return 100 * ci[ci.length - 1]!;
}

export function trialValidationCases(): ValidationCase[] {
  // A confidence interval as expected ± tolerance: the published point and the nearer bound, so the
  // check is never looser than the interval on either side.
  const ciCase = (arm: 'control' | 'intervention'): ValidationCase => {
    const [lo, hi] = DPS_PUBLISHED_CI[arm];
    const expected = DPS_PUBLISHED[arm];
    return { id: `dps-${arm}-4y-cumulative-incidence-percent`, source: DPS_SOURCE, expected, tolerance: Math.min(expected - lo, hi - expected), got: () => lastYearPercent('DPS', arm) };
  };
  return [
    { id: 'dpp-placebo-3y-cumulative-incidence-percent', source: DPP_SOURCE, expected: DPP_PUBLISHED.placebo, tolerance: 3, got: () => lastYearPercent('DPP', 'placebo') },
    ciCase('control'),
    ciCase('intervention'),
  ];
}
