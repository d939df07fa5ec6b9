/** Twin benchmark cases, shared by the Node run and the Chromium worker run. */
import { runCohort } from '../../../models/twin/cohort.ts';
import type { VirtualPerson } from '../../../models/twin/members.ts';
import { ensembleFor, simulateMembers } from '../../../models/twin/simulate.ts';
import { DPP_CONTRACT_TRIAL, DPP_TRIAL } from '../../../models/validation/trials.ts';
import type { BenchCase } from '../harness.ts';
import { calibrate, type Observation } from '../../../models/twin/calibrate.ts';
import { createRng } from '../../../models/util/random.ts';
import { anchorProgression } from '../../../models/twin/anchor.ts';

const person: VirtualPerson = { sex: 'female', ageYears: 52, heightM: 1.64, weightKg: 88, fastingGlucoseMgDl: 108, hba1cPercent: 5.9 };

/** Five years of daily weights, yearly fasting glucose and HbA1c, and 14 days of CGM means each quarter. */
function history(): Observation[] {
  const rng = createRng(5);
  const obs: Observation[] = [];
  for (let d = -1825; d <= 0; d++) obs.push({ day: d, kind: 'weightKg', value: 84 + (4 * (d + 1825)) / 1825 + 0.6 * rng.normal() });
  for (let y = 5; y >= 0; y--) {
    obs.push({ day: -365 * y, kind: 'fastingGlucoseMgDl', value: 100 + (8 * (5 - y)) / 5 + 4 * rng.normal() });
    obs.push({ day: -365 * y, kind: 'hba1cPercent', value: 5.6 + (0.3 * (5 - y)) / 5 + 0.05 * rng.normal() });
  }
  for (let q = 0; q < 20; q++)
    for (let k = 0; k < 14; k++) obs.push({ day: -91 * q - k, kind: 'meanGlucoseMgDl', value: 112 + 8 * rng.normal() });
  return obs;
}

export function twinCases(opts: { runs: number; cohort: boolean }): BenchCase[] {
  const members = ensembleFor(person, 1000, 1);
  const obs = history();
  const cases: BenchCase[] = [
    {
      name: 'what-if: 1000 members × 10 years, daily steps (−500 kcal/d)',
      run: () => simulateMembers(members, { energyIntakeChangeKcalPerDay: -500 }, 10, 1),
      items: 1000 * 3650,
      unit: 'member-days',
      runs: opts.runs,
      warmup: 2,
    },
    {
      name: 'what-if: 1000 members × 10 years, −5 kg reached at one year and held, + 150 min/week (intakes solved first)',
      run: () => simulateMembers(members, { weightChangeKg: -5, activityMinutesPerWeek: 150 }, 10, 1),
      items: 1000 * 3650,
      unit: 'member-days',
      runs: opts.runs,
      warmup: 1,
    },
    { name: 'draw a 1000-member ensemble', run: () => ensembleFor(person, 1000, 2), runs: opts.runs },
    {
      name: 'anchor the progression prior to QDiabetes-2018 (400 members × 10 years, 15 runs)',
      run: () =>
        anchorProgression(person, { sex: 'female', age: 52, heightCm: 164, weightKg: 88, fastingGlucoseMgDl: 108, hba1cPercent: 5.9 }),
      runs: opts.runs,
      warmup: 1,
    },
    {
      name: 'calibrate to 5 years of history (2,118 observations), 2000 draws → 1000 members',
      run: () => calibrate(person, obs, { members: 1000, seed: 1 }),
      runs: opts.runs,
      warmup: 1,
    },
  ];
  if (opts.cohort)
    cases.push(
      {
        name: "cohort: DPP, 3000 people × 3 arms × 3 years, the contract's outcome (v1 trial)",
        run: () => runCohort(DPP_CONTRACT_TRIAL),
        runs: 3,
        warmup: 1,
      },
      {
        name: 'cohort: DPP, 3000 people × 3 arms × 3 years, under its own ascertainment (entry on one OGTT, yearly OGTTs)',
        run: () => runCohort(DPP_TRIAL),
        runs: 3,
        warmup: 1,
      },
    );
  return cases;
}
