import { describe, expect, it } from 'vitest';
import { calibrate, type Observation } from '../../../models/twin/calibrate.ts';
import { hallWeightTrajectory } from '../../../models/physiology/hall-adult.ts';
import type { VirtualPerson } from '../../../models/twin/members.ts';
import { PRIORS } from '../../../models/twin/priors.ts';
import { ensembleFor, simulateMembers } from '../../../models/twin/simulate.ts';

const person: VirtualPerson = { sex: 'male', ageYears: 50, heightM: 1.78, weightKg: 96, fastingGlucoseMgDl: 112, hba1cPercent: 5.9 };
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Monthly weights over three years rising linearly from `from` to today's weight, plus yearly glucose. */
function history(fromKg: number, fpg: [number, number, number, number]): Observation[] {
  const obs: Observation[] = [];
  for (let m = 36; m >= 0; m--) obs.push({ day: -m * 30, kind: 'weightKg', value: fromKg + ((person.weightKg - fromKg) * (36 - m)) / 36 });
  fpg.forEach((v, k) => obs.push({ day: -(3 - k) * 360, kind: 'fastingGlucoseMgDl', value: v }));
  return obs;
}

describe('personal calibration', () => {
  it('restarts a member with only the imbalance still acting: a weight history near its plateau stays there', () => {
    // The Hall model's own trajectory under −200 kcal/d for 1800 days, observed monthly.
    const past = { sex: 'male' as const, ageYears: 45, heightM: 1.78, weightKg: 100 };
    const truth = hallWeightTrajectory(past, -200, 1800 + 730);
    const obs: Observation[] = [];
    for (let d = 0; d <= 1800; d += 30) obs.push({ day: d - 1800, kind: 'weightKg', value: truth[d]! });
    const today: VirtualPerson = { ...past, ageYears: 50, weightKg: truth[1800]!, fastingGlucoseMgDl: 105, hba1cPercent: 5.7 };
    const f = simulateMembers(calibrate(today, obs, { members: 500, seed: 5 }).members, {}, 2, 5);
    expect(Math.abs(f.weightKg.p50[2]! - truth[1800 + 730]!)).toBeLessThan(0.3);
  });

  it("without history, the ensemble is the prior around today's values", () => {
    const r = calibrate(person, [], { members: 200, seed: 2 });
    expect(r).toMatchObject({ essFraction: 1, moveAcceptance: 0, observationsUsed: 0, historyDays: 0 });
    expect(r.members).toHaveLength(200);
  });

  it('learns a weight trend: rising weights leave a positive imbalance today and a rising forecast', () => {
    const rising = calibrate(person, history(90, [112, 112, 112, 112]), { members: 500, seed: 3 });
    const stable = calibrate(person, history(96, [112, 112, 112, 112]), { members: 500, seed: 3 });
    expect(mean(rising.members.map((m) => m.intakeDriftKcalPerDay))).toBeGreaterThan(5);
    expect(Math.abs(mean(stable.members.map((m) => m.intakeDriftKcalPerDay)))).toBeLessThan(5);
    const f = simulateMembers(rising.members, {}, 2, 3);
    const g = simulateMembers(stable.members, {}, 2, 3);
    // A constant imbalance is absorbed as weight rises, so a linear rise continues damped.
    expect(f.weightKg.p50[2]!).toBeGreaterThan(person.weightKg + 0.3);
    expect(f.weightKg.p50[2]!).toBeGreaterThan(g.weightKg.p50[2]! + 0.3);
    expect(rising.rmse.weightKg!).toBeLessThan(1);
    expect(rising.essFraction).toBeGreaterThan(0.001);
  });

  it('learns progression: rising fasting glucose gives faster β-cell decline and a higher diabetes probability', () => {
    const rising = calibrate(person, history(96, [98, 103, 108, 112]), { members: 500, seed: 4 });
    const flat = calibrate(person, history(96, [112, 112, 111, 112]), { members: 500, seed: 4 });
    const rb = (r: typeof rising): number => mean(r.members.map((m) => m.glycaemia.rbPerYear));
    expect(rb(rising)).toBeGreaterThan(PRIORS.rbMeanPerYear);
    // Resample-move re-spreads the copies: many distinct decline rates, a spread narrower than the prior's.
    expect(new Set(rising.members.map((m) => m.glycaemia.rbPerYear)).size).toBeGreaterThan(200);
    // ...and so are the weight → insulin-sensitivity slope and the insulin-sensitivity / β-cell split,
    // which this history barely informs: their spread stays near the prior's.
    expect(new Set(rising.members.map((m) => m.glycaemia.scaleEfs)).size).toBeGreaterThan(200);
    const lnEfs = rising.members.map((m) => Math.log(m.glycaemia.scaleEfs));
    const efsSd = Math.sqrt(mean(lnEfs.map((x) => (x - mean(lnEfs)) ** 2)));
    expect(efsSd).toBeGreaterThan(0.5 * PRIORS.scaleEfsLogSd);
    expect(rising.moveAcceptance).toBeGreaterThan(0.1);
    const rbSd = Math.sqrt(mean(rising.members.map((m) => (m.glycaemia.rbPerYear - rb(rising)) ** 2)));
    expect(rbSd).toBeGreaterThan(0.01);
    expect(rbSd).toBeLessThan(PRIORS.rbSdPerYear);
    expect(rb(rising)).toBeGreaterThan(rb(flat) + 0.05);
    const pRising = simulateMembers(rising.members, {}, 5, 4).t2dCumulativeProbability[5]!;
    const pFlat = simulateMembers(flat.members, {}, 5, 4).t2dCumulativeProbability[5]!;
    expect(pRising).toBeGreaterThan(pFlat);
  });

  it('the moves keep the prior where the data say nothing: a flat likelihood leaves the prior (incl. the lump at the β-cell clamp)', () => {
    const woman: VirtualPerson = { sex: 'female', ageYears: 52, heightM: 1.64, weightKg: 88, fastingGlucoseMgDl: 108, hba1cPercent: 5.9 };
    const n = 2000;
    const prior = ensembleFor(woman, n, 1);
    const post = calibrate(woman, [{ day: -1, kind: 'weightKg', value: 88 }], { members: n, seed: 1 }).members;
    // (restarted today, a day of decline takes the clamped members a hair below the bound)
    const atClamp = (ms: readonly { glycaemia: { b0: number } }[]): number =>
      ms.filter((m) => m.glycaemia.b0 >= PRIORS.betaMax - 1e-3).length / ms.length;
    expect(atClamp(prior)).toBeGreaterThan(0.1);
    expect(Math.abs(atClamp(post) - atClamp(prior))).toBeLessThan(0.03);
    const p10 = (ms: Parameters<typeof simulateMembers>[0]): number => simulateMembers(ms, {}, 10, 1).t2dCumulativeProbability[10]!;
    expect(Math.abs(p10(post) - p10(prior))).toBeLessThan(0.025);
  });

  it('a glucose measured only today does not make the twin think the person is not progressing', () => {
    const obs: Observation[] = Array.from({ length: 60 }, (_, i) => ({ day: -1800 + 30 * i, kind: 'weightKg' as const, value: 96 }));
    obs.push({ day: 0, kind: 'fastingGlucoseMgDl', value: 112 }, { day: 0, kind: 'hba1cPercent', value: 5.9 });
    const r = calibrate(person, obs, { members: 500, seed: 6 });
    expect(Math.abs(mean(r.members.map((m) => m.glycaemia.rbPerYear)) - PRIORS.rbMeanPerYear)).toBeLessThan(0.05);
  });

  it('ignores future and non-positive observations', () => {
    const r = calibrate(
      person,
      [
        { day: 10, kind: 'weightKg', value: 90 },
        { day: -5, kind: 'hba1cPercent', value: -1 },
      ],
      { members: 50, seed: 1 },
    );
    expect(r.observationsUsed).toBe(0);
  });
});
