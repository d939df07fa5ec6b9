/**
 * The floor on the forecast weight's spread (calibration/floor.ts, issue 17): however steady the
 * person's weights, the 5th-95th percentile range of the forecast weight is at least the published
 * within-person change over the same years; a posterior already that wide is left as it was; the
 * trial cohorts never see it (test/unit/twin/validation-results.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { calibrate, type Observation } from '../../../models/twin/calibrate.ts';
import { floorWeightSpread, WEIGHT_CHANGE_4Y_P05_P95_KG, weightChangeWidthKg } from '../../../models/twin/calibration/floor.ts';
import type { VirtualPerson } from '../../../models/twin/members.ts';
import { ensembleFor, simulateMembers } from '../../../models/twin/simulate.ts';
import { keyedStreams } from '../../../models/util/random.ts';

const man: VirtualPerson = { sex: 'male', ageYears: 50, heightM: 1.78, weightKg: 96, fastingGlucoseMgDl: 100, hba1cPercent: 5.6 };
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const width = (r: ReturnType<typeof simulateMembers>, y: number): number => r.weightKg.p95[y]! - r.weightKg.p05[y]!;

describe('the weight floor', () => {
  it('is the published 4-year range (Mozaffarian 2011: −4.1 to 12.4 lb), growing as a random walk', () => {
    expect(WEIGHT_CHANGE_4Y_P05_P95_KG).toBeCloseTo(7.484, 3);
    expect(weightChangeWidthKg(4)).toBeCloseTo(7.484, 3);
    expect(weightChangeWidthKg(1)).toBeCloseTo(3.742, 3);
    expect(weightChangeWidthKg(10)).toBeCloseTo(11.83, 2);
  });

  it('ten years of daily weights at one value: the 10-year range is at least the floor (it read "96 to 96 kg")', () => {
    const obs: Observation[] = [];
    for (let d = -3650; d <= 0; d++) obs.push({ day: d, kind: 'weightKg', value: 96 });
    const seed = 1;
    const bare = calibrate(man, obs, { members: 1000, seed, floor: false });
    const floored = calibrate(man, obs, { members: 1000, seed });
    const before = simulateMembers(bare.members, {}, 10, seed);
    const after = simulateMembers(floored.members, {}, 10, seed);
    expect(width(before, 10)).toBeLessThan(0.1);
    for (let y = 1; y <= 10; y++) expect(width(after, y)).toBeGreaterThanOrEqual(weightChangeWidthKg(y));
    expect(width(after, 10)).toBeLessThan(1.05 * weightChangeWidthKg(10));
    // The median stays where the weights were, and the members' mean drift is the posterior's.
    expect(Math.abs(after.weightKg.p50[10]! - 96)).toBeLessThan(0.5);
    expect(mean(floored.members.map((m) => m.intakeDriftKcalPerDay))).toBeCloseTo(
      mean(bare.members.map((m) => m.intakeDriftKcalPerDay)),
      9,
    );
    expect(floored.floorDriftSdKcalPerDay).toBeGreaterThan(30);
  });

  it("widens with the age of the newest weight: a's worth of change more at every year ahead", () => {
    const obs: Observation[] = Array.from({ length: 60 }, (_, i) => ({ day: -1800 + 30 * i, kind: 'weightKg' as const, value: 96 }));
    const bare = calibrate(man, obs, { members: 500, seed: 3, floor: false }).members;
    const now = floorWeightSpread(bare, 0, keyedStreams(3));
    const sixYears = floorWeightSpread(bare, 6, keyedStreams(3));
    const a = simulateMembers(now.members, {}, 10, 3);
    const b = simulateMembers(sixYears.members, {}, 10, 3);
    for (const y of [1, 5, 10]) {
      expect(width(b, y)).toBeGreaterThanOrEqual(weightChangeWidthKg(6 + y));
      expect(width(b, y)).toBeGreaterThan(width(a, y));
    }
  });

  it('leaves a posterior that already spreads that far as it was (the prior ensemble: drift SD 110 kcal/d)', () => {
    const prior = ensembleFor(man, 1000, 4);
    const f = floorWeightSpread(prior, 0, keyedStreams(4));
    expect(f.addedDriftSdKcalPerDay).toBe(0);
    expect(f.members).toEqual(prior);
    const none = calibrate(man, [], { members: 300, seed: 4 });
    expect(none.floorDriftSdKcalPerDay).toBe(0);
  });
});
