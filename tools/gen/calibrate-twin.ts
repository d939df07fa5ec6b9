/**
 * Calibrates the one free progression parameter of the twin, the mean β-cell decline rate
 * (PRIORS.rbMeanPerYear), to the DPP placebo arm's 3-year cumulative incidence (28.9 %), by
 * bisection on a cohort drawn with a different seed from the validation run. Nothing else is fitted
 * to DPP; the metformin and lifestyle arms and the Finnish DPS stay validation-only.
 *   npm run --silent cli -- ... (not a CLI command): npx tsx tools/gen/calibrate-twin.ts
 */
import { runCohort } from '../../models/twin/cohort.ts';
import { PRIORS } from '../../models/twin/priors.ts';
import { DPP_CALIBRATION_SEED, DPP_PUBLISHED, DPP_TRIAL } from '../../models/validation/trials.ts';

export function placeboIncidence(rbMeanPerYear: number): number {
  const trial = { ...DPP_TRIAL, seed: DPP_CALIBRATION_SEED, arms: { placebo: DPP_TRIAL.arms.placebo! } };
  const r = runCohort(trial, { ...PRIORS, rbMeanPerYear });
  return 100 * r.arms.placebo!.cumulativeIncidence[2]!;
}

function main(): void {
  let lo = 0;
  let hi = 0.6;
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    const got = placeboIncidence(mid);
    console.log(`rb ${mid.toFixed(5)} → placebo ${got.toFixed(2)} %`);
    if (got < DPP_PUBLISHED.placebo) lo = mid;
    else hi = mid;
  }
  console.log(`rbMeanPerYear ≈ ${((lo + hi) / 2).toFixed(4)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
