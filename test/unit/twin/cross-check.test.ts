import { describe, expect, it } from 'vitest';
import { qdiabetes2018 } from '../../../models/risk/qdiabetes2018.ts';
import { qdiabetesInput } from '../../../models/risk/report.ts';
import type { RiskProfile } from '../../../models/risk/profile.ts';
import { qdiabetesCrossCheck, type CrossCheck } from '../../../models/twin/cross-check.ts';
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
});
