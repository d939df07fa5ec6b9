import { describe, expect, it } from 'vitest';
import { qdiabetes2018 } from '../../../models/risk/qdiabetes2018.ts';
import { qdiabetesInput } from '../../../models/risk/report.ts';
import type { RiskProfile } from '../../../models/risk/profile.ts';
import { qdiabetesCrossCheck, weightAtOneYear, type CrossCheck } from '../../../models/twin/cross-check.ts';
import { personFromProfile } from '../../../models/twin/person-from-profile.ts';
import { simulate } from '../../../models/twin/simulate.ts';
import type { Scenario } from '../../../models/twin/scenario.ts';

const profile: RiskProfile = { sex: 'female', age: 55, heightCm: 165, weightKg: 90, fastingGlucoseMgDl: 108, hba1cPercent: 5.9 };
const run = (s: Scenario, years = 10): CrossCheck => {
  const p = personFromProfile(profile);
  if (!p.ok) throw new Error(p.reason);
  return qdiabetesCrossCheck(profile, s, simulate(p.person, s, { years, members: 300, seed: 2 })) as CrossCheck;
};

describe('QDiabetes cross-check of the twin', () => {
  it("uses model B with fasting glucose, and its baseline is the published equation's value", () => {
    const c = run({});
    expect(c.model).toBe('QDiabetes-2018 B');
    const q = qdiabetes2018(qdiabetesInput(profile), 'B');
    expect(q.ok && c.baseline10yPercent).toBe(q.ok && q.value);
    expect(c.twin10yPercent).not.toBeNull();
    expect(typeof c.agree).toBe('boolean');
  });

  it('metformin applies the DPP hazard ratio 0.69 to the scenario risk', () => {
    const none = run({});
    const met = run({ metformin: true });
    expect(met.scenario10yPercent).toBeCloseTo(100 * (1 - (1 - none.scenario10yPercent / 100) ** 0.69), 1);
  });

  it('weight loss lowers the scenario risk through BMI; a short forecast has no 10-year comparison', () => {
    expect(run({ weightChangeKg: -8 }).scenario10yPercent).toBeLessThan(run({}).scenario10yPercent);
    const short = run({}, 3);
    expect(short.twin10yPercent).toBeNull();
    expect(short.agree).toBeNull();
  });

  it('against the same members without the plan, "No change" scores today\'s profile and a plan moves today\'s weight by its own change', () => {
    const p = personFromProfile(profile);
    if (!p.ok) throw new Error(p.reason);
    const none = simulate(p.person, {}, { years: 10, members: 300, seed: 2 });
    const lose = simulate(p.person, { weightChangeKg: -5 }, { years: 10, members: 300, seed: 2 });
    // The twin drifts without a plan; the score is of today's profile, so "No change" reads as the score itself.
    expect(none.weightKg.p50[1]).not.toBe(profile.weightKg);
    const same = qdiabetesCrossCheck(profile, {}, none, none) as CrossCheck;
    expect(same.scenario10yPercent).toBe(same.baseline10yPercent);
    const moved = weightAtOneYear(profile, lose, none);
    expect(moved).toBeCloseTo(profile.weightKg! + (lose.weightKg.p50[1]! - none.weightKg.p50[1]!), 10);
    expect(moved).toBeGreaterThan(profile.weightKg! - 6);
    expect(moved).toBeLessThan(profile.weightKg! - 4);
    const q = qdiabetes2018(qdiabetesInput({ ...profile, weightKg: moved }), 'B');
    expect(q.ok && (qdiabetesCrossCheck(profile, { weightChangeKg: -5 }, lose, none) as CrossCheck).scenario10yPercent).toBe(
      q.ok && q.value,
    );
  });
});
