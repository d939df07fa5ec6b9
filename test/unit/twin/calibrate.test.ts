import { describe, expect, it } from 'vitest';
import { calibrate, type Observation } from '../../../models/twin/calibrate.ts';
import type { VirtualPerson } from '../../../models/twin/members.ts';
import { PRIORS } from '../../../models/twin/priors.ts';
import { simulateMembers } from '../../../models/twin/simulate.ts';

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
  it('without history, the ensemble is the prior around today\'s values', () => {
    const r = calibrate(person, [], { members: 200, seed: 2 });
    expect(r).toMatchObject({ essFraction: 1, observationsUsed: 0, historyDays: 0 });
    expect(r.members).toHaveLength(200);
  });

  it('learns a weight trend: rising weights give a positive energy-balance drift and a rising forecast', () => {
    const rising = calibrate(person, history(90, [112, 112, 112, 112]), { members: 500, seed: 3 });
    const stable = calibrate(person, history(96, [112, 112, 112, 112]), { members: 500, seed: 3 });
    expect(mean(rising.members.map((m) => m.intakeDriftKcalPerDay))).toBeGreaterThan(40);
    expect(Math.abs(mean(stable.members.map((m) => m.intakeDriftKcalPerDay)))).toBeLessThan(25);
    const f = simulateMembers(rising.members, {}, 2, 3);
    expect(f.weightKg.p50[2]!).toBeGreaterThan(person.weightKg + 1.5);
    expect(rising.rmse.weightKg!).toBeLessThan(1);
    expect(rising.essFraction).toBeGreaterThan(0.001);
  });

  it('learns progression: rising fasting glucose gives faster β-cell decline and a higher diabetes probability', () => {
    const rising = calibrate(person, history(96, [98, 103, 108, 112]), { members: 500, seed: 4 });
    const flat = calibrate(person, history(96, [112, 112, 111, 112]), { members: 500, seed: 4 });
    const rb = (r: typeof rising): number => mean(r.members.map((m) => m.glycaemia.rbPerYear));
    expect(rb(rising)).toBeGreaterThan(PRIORS.rbMeanPerYear);
    expect(rb(rising)).toBeGreaterThan(rb(flat) + 0.05);
    const pRising = simulateMembers(rising.members, {}, 5, 4).t2dCumulativeProbability[5]!;
    const pFlat = simulateMembers(flat.members, {}, 5, 4).t2dCumulativeProbability[5]!;
    expect(pRising).toBeGreaterThan(pFlat);
  });

  it('ignores future and non-positive observations', () => {
    const r = calibrate(person, [{ day: 10, kind: 'weightKg', value: 90 }, { day: -5, kind: 'hba1cPercent', value: -1 }], { members: 50, seed: 1 });
    expect(r.observationsUsed).toBe(0);
  });
});
