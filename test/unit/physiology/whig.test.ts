import { describe, expect, it } from 'vitest';
import {
  whigBetaForFpg,
  whigFpgMmolL,
  whigFsiMicroIuMl,
  whigSteadyHba1cPercent,
  whigTrial,
  WHIG_TYPICAL,
} from '../../../models/physiology/whig.ts';
import { physiologyValidationCases } from '../../../models/validation/physiology-cases.ts';

describe('WHIG model (Choy 2016; docs/equations.md §8a)', () => {
  it.each(physiologyValidationCases().map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(Math.abs(c.got()! - c.expected)).toBeLessThanOrEqual(c.tolerance);
  });

  it('HOMA relations invert each other', () => {
    for (const is of [0.25, 0.6, 1, 1.4]) {
      for (const fpg of [4.5, 5.6, 7, 9]) {
        const b = whigBetaForFpg(is, fpg);
        expect(whigFpgMmolL(is, b)).toBeCloseTo(fpg, 10);
        // FPG = 35.1 / (IS · FSI)
        expect(35.1 / (is * whigFsiMicroIuMl(b, fpg))).toBeCloseTo(fpg, 10);
      }
    }
  });

  it('steady-state HbA1c is 0.50181·FPG + 2.75801 at typical values', () => {
    expect(whigSteadyHba1cPercent(7, WHIG_TYPICAL)).toBeCloseTo(0.50181 * 7 + 2.75801, 5);
  });

  it('fasting glucose rises as insulin sensitivity or β-cell function falls', () => {
    expect(whigFpgMmolL(0.5, 0.6)).toBeGreaterThan(whigFpgMmolL(0.6, 0.6));
    expect(whigFpgMmolL(0.5, 0.5)).toBeGreaterThan(whigFpgMmolL(0.5, 0.6));
  });

  it('integration converges: halving the step changes day-469 values by < 1e-9', () => {
    const a = whigTrial(WHIG_TYPICAL, [469], 0.1)[0]!;
    const b = whigTrial(WHIG_TYPICAL, [469], 0.05)[0]!;
    expect(Math.abs(a.hba1cPercent - b.hba1cPercent)).toBeLessThan(1e-9);
    expect(Math.abs(a.weightKg - b.weightKg)).toBeLessThan(1e-9);
  });
});
