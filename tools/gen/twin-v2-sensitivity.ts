/**
 * The sensitivity analysis docs/validation.md ("Twin v2") declared before the fit: where the
 * interventions act is an assumption (metformin hepatic, activity peripheral), so the DPP rows are
 * re-run once with 25 % and 50 % of each intervention's gain crossing to the other channel. Printed
 * beside the main results; never used to choose anything.
 *   npx tsx tools/gen/twin-v2-sensitivity.ts
 */
import { runCohort } from '../../models/twin/cohort.ts';
import { EFFECTS, PRIORS } from '../../models/twin/priors.ts';
import { DPP_HBA1C_TRIAL, DPP_TRIAL } from '../../models/validation/trials.ts';

const last = (xs: readonly number[]): number => xs[xs.length - 1]!;

for (const share of [0, 0.25, 0.5]) {
  const fx = { ...EFFECTS, metforminPeripheralShare: share, activityHepaticShare: share };
  const dpp = runCohort(DPP_TRIAL, PRIORS, fx).arms;
  const a1c = runCohort(DPP_HBA1C_TRIAL, PRIORS, fx).arms;
  const ci = (arms: typeof dpp, arm: string): number => last(arms[arm]!.cumulativeIncidence);
  const hr = (arm: string): number => Math.log(1 - ci(a1c, arm)) / Math.log(1 - ci(a1c, 'placebo'));
  console.log(
    JSON.stringify({
      crossover: share,
      dppPercent: {
        placebo: +(100 * ci(dpp, 'placebo')).toFixed(1),
        metformin: +(100 * ci(dpp, 'metformin')).toFixed(1),
        lifestyle: +(100 * ci(dpp, 'lifestyle')).toFixed(1),
      },
      hba1cHazardRatio: { metformin: +hr('metformin').toFixed(2), lifestyle: +hr('lifestyle').toFixed(2) },
    }),
  );
}
