import { describe, expect, it } from 'vitest';
import { placeboIncidence } from '../../../tools/gen/calibrate-twin.ts';
import { PRIORS } from '../../../models/twin/priors.ts';
import { runCohort } from '../../../models/twin/cohort.ts';
import { DPP_PUBLISHED, DPP_TRIAL } from '../../../models/validation/trials.ts';

describe('in-silico DPP', () => {
  it('the stored progression rate still reproduces the calibration target (DPP placebo 28.9 % at 3 years, calibration seed)', () => {
    expect(Math.abs(placeboIncidence(PRIORS.rbMeanPerYear) - DPP_PUBLISHED.placebo)).toBeLessThan(0.5);
  });

  it('arms run on the same people: lifestyle < metformin < placebo at every year, weight targets met at year 1', () => {
    const r = runCohort({ ...DPP_TRIAL, n: 1000 });
    const { placebo, metformin, lifestyle } = r.arms as Record<'placebo' | 'metformin' | 'lifestyle', { cumulativeIncidence: number[]; meanWeightChangeKg: number[] }>;
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
