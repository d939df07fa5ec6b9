/** Twin benchmark cases, shared by the Node run and the Chromium worker run. */
import { runCohort } from '../../../models/twin/cohort.ts';
import type { VirtualPerson } from '../../../models/twin/members.ts';
import { ensembleFor, simulateMembers } from '../../../models/twin/simulate.ts';
import { DPP_TRIAL } from '../../../models/validation/trials.ts';
import type { BenchCase } from '../harness.ts';

const person: VirtualPerson = { sex: 'female', ageYears: 52, heightM: 1.64, weightKg: 88, fastingGlucoseMgDl: 108, hba1cPercent: 5.9 };

export function twinCases(opts: { runs: number; cohort: boolean }): BenchCase[] {
  const members = ensembleFor(person, 1000, 1);
  const cases: BenchCase[] = [
    {
      name: 'what-if: 1000 members × 10 years, daily steps (−500 kcal/d)',
      run: () => simulateMembers(members, { energyIntakeChangeKcalPerDay: -500 }, 10, 1),
      items: 1000 * 3650, unit: 'member-days', runs: opts.runs, warmup: 2,
    },
    {
      name: 'what-if: 1000 members × 10 years, achieved −5 kg (intake solved first)',
      run: () => simulateMembers(members, { weightChangeKg: -5, activityMinutesPerWeek: 150 }, 10, 1),
      items: 1000 * 3650, unit: 'member-days', runs: opts.runs, warmup: 1,
    },
    { name: 'draw a 1000-member ensemble', run: () => ensembleFor(person, 1000, 2), runs: opts.runs },
  ];
  if (opts.cohort) cases.push({ name: 'cohort: DPP, 3000 people × 3 arms × 3 years', run: () => runCohort(DPP_TRIAL), runs: 3, warmup: 1 });
  return cases;
}
