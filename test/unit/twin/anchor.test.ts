import { describe, expect, it } from 'vitest';
import type { RiskProfile } from '../../../models/risk/profile.ts';
import { anchorProgression } from '../../../models/twin/anchor.ts';
import { qdiabetesCrossCheck, qdiabetesTenYear } from '../../../models/twin/cross-check.ts';
import { personFromProfile } from '../../../models/twin/person-from-profile.ts';
import { PRIORS } from '../../../models/twin/priors.ts';
import { newDiagnosisProbability, simulate } from '../../../models/twin/simulate.ts';
import { PROFILES } from '../../../tools/gen/twin-vs-qdiabetes.ts';

const profiles = PROFILES;
const personOf = (p: RiskProfile) => {
  const r = personFromProfile(p);
  if (!r.ok) throw new Error(r.reason);
  return r.person;
};

describe("progression prior anchored to the person's QDiabetes-2018 risk", () => {
  it.each(profiles)(
    "%s: the no-change forecast reaches QDiabetes' 10-year risk, and the median glucose does not fall with age",
    (_name, profile) => {
      const person = personOf(profile);
      const a = anchorProgression(person, profile);
      if (!a.ok) throw new Error(a.reason);
      const target = (qdiabetesTenYear(profile) as { percent: number }).percent;
      expect(a.target10yPercent).toBe(target);
      expect(Math.abs(a.twin10yPercent - target)).toBeLessThanOrEqual(Math.max(1, 0.1 * target));
      // Another ensemble (1000 members, another seed) agrees within its sampling noise.
      const r = simulate(person, {}, { priors: a.priors, seed: 8 });
      expect(a.warning).toBeUndefined();
      expect(Math.abs(100 * newDiagnosisProbability(r.t2dCumulativeProbability, 10) - target)).toBeLessThanOrEqual(
        Math.max(2, 0.2 * target),
      );
      expect(r.fastingGlucoseMgDl.p50[10]!).toBeGreaterThanOrEqual(r.fastingGlucoseMgDl.p50[0]! - 0.5);
      // The population prior (a high-risk trial population) gave far more.
      expect(100 * simulate(person, {}, { seed: 8 }).t2dCumulativeProbability[10]!).toBeGreaterThan(target + 10);
      // No-change cross-check then agrees; a scenario still moves the twin its own way.
      expect(qdiabetesCrossCheck(profile, {}, r)).toMatchObject({ agree: true });
    },
    60_000,
  );

  it('a higher published risk means faster decline; the spread scales with the mean', () => {
    const factors = profiles.map(([, p]) => anchorProgression(personOf(p), p)).map((a) => (a.ok ? a.factor : NaN));
    const risks = profiles.map(([, p]) => (qdiabetesTenYear(p) as { percent: number }).percent);
    expect(risks[0]!).toBeLessThan(risks[1]!);
    expect(risks[1]!).toBeLessThan(risks[2]!);
    const a = anchorProgression(personOf(profiles[2]![1]), profiles[2]![1]);
    if (!a.ok) throw new Error(a.reason);
    expect(a.priors.rbMeanPerYear / PRIORS.rbMeanPerYear).toBeCloseTo(a.factor, 10);
    expect(a.priors.rbSdPerYear / PRIORS.rbSdPerYear).toBeCloseTo(a.factor, 10);
    expect(factors.every((k) => k > 0 && k < 1)).toBe(true);
  });

  it('near the thresholds the twin carries more people over than QDiabetes counts: the anchor keeps the slowest progression and says so', () => {
    const near: RiskProfile = {
      sex: 'female',
      age: 35,
      heightCm: 165,
      weightKg: 62,
      fastingGlucoseMgDl: 118,
      hba1cPercent: 5.6,
      ethnicity: 'white',
      smoking: 'non',
    };
    const a = anchorProgression(personOf(near), near);
    if (!a.ok) throw new Error(a.reason);
    expect(a.twin10yPercent).toBeGreaterThan(a.target10yPercent + 2);
    expect(a.warning).toMatch(
      /^this close to the thresholds the twin's weight drift and insulin-sensitivity spread carry more people over than QDiabetes-2018 B's recorded diagnoses/,
    );
    expect(a.factor).toBeLessThan(0.03);
  });

  it('where QDiabetes cannot score the person, the population prior stays and the reason is given', () => {
    const young: RiskProfile = { ...profiles[1]![1], age: 22 };
    const a = anchorProgression(personOf(young), young);
    expect(a.ok).toBe(false);
    expect(a.priors).toBe(PRIORS);
    if (!a.ok) expect(a.reason).toMatch(/^QDiabetes-2018 B: age 22 outside 25-84: the population prior/);
  });
});
