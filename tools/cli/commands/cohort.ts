import { invalidTrial, runCohort, type Trial } from '../../../models/twin/cohort.ts';
import { UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { readJson } from '../read-json.ts';

export const cohort: Command = {
  summary: "An in-silico trial: a virtual cohort from the trial's published baseline, every arm on the same people.",
  usage: 'cohort [--json] TRIAL.json',
  help: `TRIAL.json: {name, n, seed, years, population: {ageMean, ageSd, femaleFraction, bmiMean, bmiSd,
fastingGlucoseMgDlMean, fastingGlucoseMgDlSd, hba1cPercentMean, hba1cPercentSd}, arms: {name: scenario}}.
Optional "diagnosis": {fastingGlucoseMgDl, hba1cPercent (or null), visitsPerYear (1 or 2)} runs the trial
under its own criteria (default: fasting glucose >= 126 mg/dL or HbA1c >= 6.5 %, twice a year).
An arm's weightChangeKg is its members' mean change, reached at one year and then held.
Output per arm: cumulativeIncidence[k] = fraction diagnosed with type 2 diabetes by the end of year
k+1, and meanWeightChangeKg[k] at the end of year k+1. Any other field is an error naming it (exit 2);
the later trial fields (population.entry, twoHourGlucoseMgDl*, diagnosis.confirmation, arms' phases)
are not supported yet.`,
  async run(p) {
    const [path, ...extra] = p.positional;
    if (!path || extra.length) throw new UsageError('cohort needs exactly one TRIAL.json');
    const trial = readJson(path);
    const why = invalidTrial(trial);
    if (why) throw new UsageError(`${path}: ${why}`);
    return runCohort(trial as Trial);
  },
};
