/**
 * Calibrates the twin's two fitted parameters, each to one published number that is never used to
 * validate it (docs/validation.md, twin v2 C2 and C3), on cohorts drawn with the calibration seed
 * (validation uses 42), after the post-load mapping (C1, tools/gen/calibrate-postload.ts):
 *  1. the mean β-cell decline rate (PRIORS.rbMeanPerYear) to the DPP placebo arm's 3-year cumulative
 *     incidence, 28.9 % (Knowler 2002), under DPP's own ascertainment (models/validation/trials.ts);
 *  2. metformin's own gain in insulin sensitivity (EFFECTS.metforminIsGain) so that metformin with the
 *     DPP metformin arm's weight change lowers fasting glucose at one year by the pooled effect of 31
 *     trials in people without diabetes, −4.5 % against placebo (Salpeter et al., Am J Med
 *     2008;121:149-157).
 * The DPP metformin and lifestyle arms' incidences and the Finnish DPS stay validation-only.
 *   npx tsx tools/gen/calibrate-twin.ts
 */
import { cohortMembers, runCohort } from '../../models/twin/cohort.ts';
import { runEnsemble } from '../../models/twin/engine.ts';
import { EFFECTS, PRIORS, type Effects, type Priors } from '../../models/twin/priors.ts';
import type { Scenario } from '../../models/twin/scenario.ts';
import { DPP_CALIBRATION_SEED, DPP_PUBLISHED, DPP_TRIAL } from '../../models/validation/trials.ts';

/** Salpeter 2008: metformin against placebo, change in fasting glucose, % (95 % CI −6.0 to −3.0). */
export const METFORMIN_FPG_CHANGE_PERCENT = -4.5;
/**
 * Cohort size of the calibration runs. Incidence moves only 0.7 points per 0.01 logit/year of decline,
 * so a 3000-person cohort's sampling noise (±0.8 points) would move the fitted rate by ±0.011; at
 * 20000 people it is ±0.3 points, ±0.004.
 */
const N = 20000;

export function placeboIncidence(rbMeanPerYear: number, priors: Priors = PRIORS, n = N): number {
  const trial = { ...DPP_TRIAL, n, seed: DPP_CALIBRATION_SEED, arms: { placebo: DPP_TRIAL.arms.placebo! } };
  const r = runCohort(trial, { ...priors, rbMeanPerYear });
  return 100 * r.arms.placebo!.cumulativeIncidence[2]!;
}

/** Mean fasting glucose at one year, metformin arm minus placebo arm, % of the baseline mean (DPP population and weights). */
export function metforminFpgChangePercent(metforminIsGain: number, priors: Priors = PRIORS, n = N): number {
  const members = cohortMembers({ ...DPP_TRIAL, n, seed: DPP_CALIBRATION_SEED }, priors);
  const effects: Effects = { ...EFFECTS, metforminIsGain };
  const meanAtOneYear = (arm: 'placebo' | 'metformin'): [number, number] => {
    let base = 0;
    let year = 0;
    runEnsemble(
      members,
      DPP_TRIAL.arms[arm]! as Scenario,
      365,
      (v) => {
        const sum = v.fpgMmolL.reduce((a, b) => a + b, 0) / members.length;
        if (v.day === 0) base = sum;
        if (v.day === 365) year = sum;
      },
      { noiseSeed: DPP_CALIBRATION_SEED, screenAtBaseline: false, effects, priors },
    );
    return [base, year];
  };
  const [base, placebo] = meanAtOneYear('placebo');
  const [, metformin] = meanAtOneYear('metformin');
  return (100 * (metformin - placebo)) / base;
}

/** Bisection for an increasing (sign +1) or decreasing (sign −1) function. */
function bisect(f: (x: number) => number, target: number, lo: number, hi: number, sign: 1 | -1, label: string): number {
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    const got = f(mid);
    console.log(`${label} ${mid.toFixed(5)} → ${got.toFixed(3)}`);
    if ((got - target) * sign < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function main(): void {
  const rb = bisect((x) => placeboIncidence(x), DPP_PUBLISHED.placebo, 0, 0.6, 1, 'rbMeanPerYear');
  const priors = { ...PRIORS, rbMeanPerYear: rb };
  const gain = bisect((x) => metforminFpgChangePercent(x, priors), METFORMIN_FPG_CHANGE_PERCENT, 0, 0.5, -1, 'metforminIsGain');
  console.log(`rbMeanPerYear ≈ ${rb.toFixed(4)}, metforminIsGain ≈ ${gain.toFixed(4)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
