/**
 * Published reference trajectories of the mechanistic models (docs/equations.md §7.2 and §8a) as
 * validation cases for `validate` and the unit tests.
 */
import { hallWeightTrajectory } from '../physiology/hall-adult.ts';
import { whigTrial, WHIG_TYPICAL, type WhigPoint } from '../physiology/whig.ts';
import type { ValidationCase } from './risk-cases.ts';

const HALL_SOURCE = 'Hall 2011 adult model, INSP-RH/bw adult_male_deficit.json; docs/equations.md §7.2';
const WHIG_SOURCE = 'Choy 2016 WHIG vignette (nlmixr2lib Choy_2016_T2DM_WHIG); docs/equations.md §8a';

let whigCache: WhigPoint[] | undefined;
const whigAt = (day: number): WhigPoint => {
  whigCache ??= whigTrial(WHIG_TYPICAL, [0, 469]);
  return whigCache.find((p) => p.day === day)!;
};

export function physiologyValidationCases(): ValidationCase[] {
  const man = { sex: 'male' as const, ageYears: 40, heightM: 1.8, weightKg: 90 };
  const whig: ValidationCase[] = [];
  const published: [number, keyof WhigPoint, number][] = [
    [0, 'weightKg', 104.0],
    [0, 'fsiMicroIuMl', 18.837],
    [0, 'fpgMmolL', 7.461],
    [0, 'hba1cPercent', 6.502],
    [469, 'weightKg', 100.311],
    [469, 'fsiMicroIuMl', 16.166],
    [469, 'fpgMmolL', 7.308],
    [469, 'hba1cPercent', 6.307],
  ];
  for (const [day, key, expected] of published) {
    // Printed to 3 decimals: half a unit in the last digit.
    whig.push({ id: `whig-vignette-day${day}-${key}`, source: WHIG_SOURCE, expected, tolerance: 0.0005, got: () => whigAt(day)[key] });
  }
  return [
    {
      id: 'hall-adult-male-500kcal-deficit-day364-kg',
      source: HALL_SOURCE,
      expected: 76.260804299583214,
      tolerance: 0.01,
      got: () => hallWeightTrajectory(man, -500, 364)[364]!,
    },
    ...whig,
  ];
}
