/**
 * The person's twin beside QDiabetes-2018 under five scenarios, for three people (docs/validation.md,
 * "The person's twin beside QDiabetes": a comparison, not a validation). 10-year probability of a new
 * diagnosis, % (twin with its anchored prior, 1000 members, seed 1 / QDiabetes B as the cross-check
 * modifies it).
 *   npx tsx tools/gen/twin-vs-qdiabetes.ts
 */
import type { RiskProfile } from '../../models/risk/profile.ts';
import { anchorProgression } from '../../models/twin/anchor.ts';
import { qdiabetesCrossCheck } from '../../models/twin/cross-check.ts';
import { personFromProfile } from '../../models/twin/person-from-profile.ts';
import type { Scenario } from '../../models/twin/scenario.ts';
import { newDiagnosisProbability, simulateScenarios } from '../../models/twin/simulate.ts';

/** Three people from lean to obese (test/unit/twin/anchor.test.ts anchors the same three). */
export const PROFILES: [string, RiskProfile][] = [
  [
    'woman 45, BMI 23.9, FPG 90, HbA1c 5.3',
    { sex: 'female', age: 45, heightCm: 165, weightKg: 65, fastingGlucoseMgDl: 90, hba1cPercent: 5.3, ethnicity: 'white', smoking: 'non' },
  ],
  [
    'man 50, BMI 28.4, FPG 100, HbA1c 5.6',
    { sex: 'male', age: 50, heightCm: 178, weightKg: 90, fastingGlucoseMgDl: 100, hba1cPercent: 5.6, ethnicity: 'white', smoking: 'non' },
  ],
  [
    'woman 51, BMI 33.9, FPG 107, HbA1c 5.9',
    { sex: 'female', age: 51, heightCm: 162, weightKg: 89, fastingGlucoseMgDl: 107, hba1cPercent: 5.9, ethnicity: 'white', smoking: 'non' },
  ],
];
const SCENARIOS: [string, Scenario][] = [
  ['no change', {}],
  ['−5 kg, held', { weightChangeKg: -5 }],
  ['150 min/week', { activityMinutesPerWeek: 150 }],
  ['both', { weightChangeKg: -5, activityMinutesPerWeek: 150 }],
  ['metformin', { metformin: true }],
];

function main(): void {
  for (const [name, profile] of PROFILES) {
    const p = personFromProfile(profile);
    if (!p.ok) throw new Error(p.reason);
    const a = anchorProgression(p.person, profile);
    if (!a.ok) throw new Error(a.reason);
    const runs = simulateScenarios(
      p.person,
      SCENARIOS.map(([, s]) => s),
      { priors: a.priors, seed: 1 },
    );
    const cells = runs.map((r, k) => {
      const q = qdiabetesCrossCheck(profile, SCENARIOS[k]![1], r);
      const qd = 'unavailable' in q ? NaN : q.scenario10yPercent;
      return `${(100 * newDiagnosisProbability(r.t2dCumulativeProbability, 10)).toFixed(1)} / ${qd.toFixed(1)}`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} |  factor ${a.factor.toFixed(2)}${a.warning ? ' (warning: ' + a.warning + ')' : ''}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
