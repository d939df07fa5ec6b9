/**
 * In-silico trials as `validate` rows, each with the kind declared in docs/validation.md ("Twin v2",
 * 2026-12-03, before any fit): `calibration` rows check a fitted number at a seed other than the
 * fit's; `validation` and `held-out` rows are reported with their z-score and never tuned to.
 *
 * z = (twin − published) / √(SE_published² + SE_twin²): SE_published from the published 95 % CI
 * (width / 3.92) or, for a proportion without one, √(p(1 − p)/n) with the trial's n; SE_twin the
 * Monte Carlo error of the run.
 */
import { runCohortDetailed, type CohortDetail } from '../twin/cohort.ts';
import { MG_DL_PER_MMOL_L } from '../twin/members.ts';
import { PRIORS } from '../twin/priors.ts';
import { randomStream } from '../util/random.ts';
import { mean, sd } from '../util/stats.ts';
import type { Trial } from '../twin/trial-schema.ts';
import type { ValidationCase } from './risk-cases.ts';
import { nhsDppTrial, NHS_DPP_HBA1C_CHANGE_PERCENT, NHS_DPP_SOURCE } from './nhs-dpp.ts';
import {
  DPP_ARM_N,
  DPP_HBA1C_HAZARD_RATIO,
  DPP_HBA1C_TRIAL,
  DPP_PUBLISHED,
  DPP_TRIAL,
  DPP_TRIGGERS,
  DPPOS_REDUCTION,
  DPPOS_TRIAL,
  DPS_BASELINE_TWO_HOUR_MMOL_L,
  DPS_PUBLISHED,
  DPS_PUBLISHED_CI,
  DPS_TRIAL,
} from './trials.ts';

const DPP_SOURCE = 'Knowler et al., NEJM 2002;346:393-403; DPP criteria (fasting every 6 months, OGTT yearly, confirmed)';
const DPS_SOURCE = 'Finnish DPS, Tuomilehto et al., NEJM 2001;344:1343-1350, DPS criteria (held out; band = the published 95 % CI)';

const memo = new Map<string, CohortDetail>();
/** Each trial runs once per process, whatever rows read it. */
export function trialRun(t: Trial): CohortDetail {
  const key = `${t.name}:${t.n}:${t.seed}:${JSON.stringify(t.diagnosis)}`;
  let r = memo.get(key);
  if (!r) {
    r = runCohortDetailed(t);
    memo.set(key, r);
  }
  return r;
}

const last = (xs: readonly number[]): number => xs[xs.length - 1]!;
const finalPercent = (t: Trial, arm: string): number => 100 * last(trialRun(t).result.arms[arm]!.cumulativeIncidence);
/** Cumulative-hazard ratio of an arm against a reference arm at the end: ln(1 − CI_arm) / ln(1 − CI_ref). */
const hazardRatio = (t: Trial, arm: string, ref: string): number => {
  const a = trialRun(t).result.arms;
  return Math.log(1 - last(a[arm]!.cumulativeIncidence)) / Math.log(1 - last(a[ref]!.cumulativeIncidence));
};
/** SE of a percentage p (0–100) from n people. */
const sePercent = (p: number, n: number): number => 100 * Math.sqrt(((p / 100) * (1 - p / 100)) / n);
const seFromCi = (lo: number, hi: number): number => (hi - lo) / 3.92;
const combine = (...se: number[]): number => Math.sqrt(se.reduce((s, x) => s + x * x, 0));

function dppRows(): ValidationCase[] {
  const arm = (name: 'placebo' | 'metformin' | 'lifestyle', kind: 'calibration' | 'validation'): ValidationCase => ({
    id: `dpp-${name}-3y-cumulative-incidence-percent`,
    kind,
    source: `${DPP_SOURCE}${kind === 'calibration' ? ' (C3, fitted at seed 7; checked at 42)' : ''}`,
    expected: DPP_PUBLISHED[name],
    tolerance: 3,
    got: () => finalPercent(DPP_TRIAL, name),
    se: (got) => combine(sePercent(DPP_PUBLISHED[name], DPP_ARM_N[name]), sePercent(got, DPP_TRIAL.n)),
  });
  const triggers = (): { share2h: number; confirmed: number; n: number } => {
    const t = trialRun(DPP_TRIAL).arms.placebo!.triggers;
    const n = t.fastingOnly + t.twoHourOnly + t.both;
    return { share2h: (100 * (t.twoHourOnly + t.both)) / n, confirmed: (100 * t.confirmed) / n, n };
  };
  const dppTriggerN = DPP_TRIGGERS.fastingOnly + DPP_TRIGGERS.twoHourOnly + DPP_TRIGGERS.both;
  const share2h = (100 * (DPP_TRIGGERS.twoHourOnly + DPP_TRIGGERS.both)) / dppTriggerN;
  const hr = (name: 'metformin' | 'lifestyle'): ValidationCase => ({
    id: `dpp-hba1c-defined-${name}-hazard-ratio`,
    kind: 'validation',
    source: 'DPP Research Group, Diabetes Care 2015;38:51 (HbA1c >= 6.5 %, yearly; cumulative-hazard ratio against placebo at 3 years)',
    expected: DPP_HBA1C_HAZARD_RATIO[name],
    tolerance: 0.1,
    got: () => hazardRatio(DPP_HBA1C_TRIAL, name, 'placebo'),
  });
  return [
    arm('placebo', 'calibration'),
    arm('metformin', 'validation'),
    arm('lifestyle', 'validation'),
    hr('metformin'),
    hr('lifestyle'),
    {
      id: 'dpp-ogtt-triggers-on-2h-percent',
      kind: 'validation',
      source: 'Christophi et al., J Diabetes Complications 2013;27:150 (101 fasting only, 574 2-hour only, 97 both; placebo arm here)',
      expected: Number(share2h.toFixed(1)),
      tolerance: 10,
      got: () => triggers().share2h,
      se: (got) => combine(sePercent(share2h, dppTriggerN), sePercent(got, triggers().n)),
    },
    {
      id: 'dpp-ogtt-triggers-confirmed-percent',
      kind: 'validation',
      source: 'Christophi et al., J Diabetes Complications 2013;27:150 (47 % of 772 triggers confirmed)',
      expected: 100 * DPP_TRIGGERS.confirmedFraction,
      tolerance: 10,
      got: () => triggers().confirmed,
      se: (got) => combine(sePercent(100 * DPP_TRIGGERS.confirmedFraction, dppTriggerN), sePercent(got, triggers().n)),
    },
    {
      id: 'dpp-baseline-2h-glucose-mean-mg-dl',
      kind: 'validation',
      source: 'DPP baseline, 164.6 ± 17.0 mg/dL (3,147 participants; BMC Nutrition 2022, Table 1); entry on one OGTT, 140-199',
      expected: 164.6,
      tolerance: 5,
      // DPP's baseline 2-hour value is the eligibility OGTT's: the enrolled members' screening values.
      got: () => mean(trialRun(DPP_TRIAL).screenedTwoHourMgDl),
      se: () => combine(17 / Math.sqrt(3147), sd(trialRun(DPP_TRIAL).screenedTwoHourMgDl) / Math.sqrt(DPP_TRIAL.n)),
    },
  ];
}

function dpsRows(): ValidationCase[] {
  const arm = (name: 'control' | 'intervention'): ValidationCase => {
    const [lo, hi] = DPS_PUBLISHED_CI[name];
    const expected = DPS_PUBLISHED[name];
    return {
      id: `dps-${name}-4y-cumulative-incidence-percent`,
      kind: 'held-out',
      source: DPS_SOURCE,
      expected,
      tolerance: Math.min(expected - lo, hi - expected),
      got: () => finalPercent(DPS_TRIAL, name),
      se: (got) => combine(seFromCi(lo, hi), sePercent(got, DPS_TRIAL.n)),
    };
  };
  const base = DPS_BASELINE_TWO_HOUR_MMOL_L;
  // DPS's baseline SD (1.5 mmol/L) is wider than its entry range on the mean of two tests allows
  // (7.8-11.0, SD at most 0.9): it is a baseline OGTT of its own. So one further test of each
  // enrolled member, its error from the stream (seed, 'cohort.baselineTest', i).
  const baseline = (): Float64Array => {
    const d = trialRun(DPS_TRIAL);
    return Float64Array.from(d.baselineTwoHourMgDl, (x, i) => {
      const z = randomStream(DPS_TRIAL.seed, 'cohort.baselineTest', i).normal();
      return (x * (1 + PRIORS.twoHourWithinPersonCv * z)) / MG_DL_PER_MMOL_L;
    });
  };
  const v7 = (): number => {
    const a = trialRun(DPS_TRIAL).result.arms;
    return (a.intervention!.meanTwoHourGlucoseMgDl![0]! - a.control!.meanTwoHourGlucoseMgDl![0]!) / MG_DL_PER_MMOL_L;
  };
  return [
    arm('control'),
    arm('intervention'),
    {
      id: 'dps-baseline-2h-glucose-mean-mmol-l',
      kind: 'validation',
      source:
        'Uusitupa et al., PLoS One 2009, Table 1 (8.9 ± 1.5 mmol/L, 505 participants); entry on the mean of two OGTTs, one baseline OGTT',
      expected: base.mean,
      tolerance: 0.5,
      got: () => mean(baseline()),
      se: () => combine(base.sd / Math.sqrt(505), sd(baseline()) / Math.sqrt(DPS_TRIAL.n)),
    },
    {
      id: 'dps-baseline-2h-glucose-sd-mmol-l',
      kind: 'validation',
      source: 'Uusitupa et al., PLoS One 2009, Table 1 (SD 1.5 mmol/L)',
      expected: base.sd,
      tolerance: 0.5,
      got: () => sd(baseline()),
    },
    {
      id: 'lifestyle-2h-glucose-change-year-1-mmol-l',
      kind: 'validation',
      source:
        'Yamaoka & Tango, Diabetes Care 2005;28:2780 (lifestyle education vs control, 8 RCTs, -0.84, 95 % CI -1.29 to -0.39; a check: it may pool DPS); DPS arms here',
      expected: -0.84,
      tolerance: 0.45,
      got: v7,
      se: () => seFromCi(-1.29, -0.39),
    },
  ];
}

function dpposRows(): ValidationCase[] {
  const row = (name: 'lifestyle' | 'metformin'): ValidationCase => {
    const [expected, lo, hi] = DPPOS_REDUCTION[name];
    return {
      id: `dppos-${name}-10y-incidence-reduction-percent`,
      kind: 'validation',
      source: 'Knowler et al., Lancet 2009;374:1677 (DPPOS, 10 years; two phases: DPP arms, then group lifestyle for all)',
      expected,
      tolerance: Math.min(expected - lo, hi - expected),
      got: () => 100 * (1 - hazardRatio(DPPOS_TRIAL, name, 'placebo')),
      se: () => seFromCi(lo, hi),
    };
  };
  return [row('lifestyle'), row('metformin')];
}

function nhsDppRow(): ValidationCase {
  return {
    id: 'nhs-dpp-hba1c-change-at-minus-2.3-kg-percent',
    kind: 'validation',
    source: NHS_DPP_SOURCE,
    expected: NHS_DPP_HBA1C_CHANGE_PERCENT,
    tolerance: 0.06,
    got: () => {
      const d = trialRun(nhsDppTrial()).arms;
      return last(d.programme!.meanHba1cPercent) - last(d.usual!.meanHba1cPercent);
    },
  };
}

export function trialValidationCases(): ValidationCase[] {
  return [...dppRows(), ...dpsRows(), ...dpposRows(), nhsDppRow()];
}
