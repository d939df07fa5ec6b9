import { invalidTrial, runCohort, type Trial } from '../../../models/twin/cohort.ts';
import { UsageError } from '../args.ts';
import type { CommandResult } from '../command.ts';
import type { Parsed } from '../args.ts';
import { readJson } from '../read-json.ts';

/** `cohort` (usage and help: ./index.ts). */
export async function run(p: Parsed): Promise<CommandResult> {
  const [path, ...extra] = p.positional;
  if (!path || extra.length) throw new UsageError('cohort needs exactly one TRIAL.json');
  const trial = readJson(path);
  const why = invalidTrial(trial);
  if (why) throw new UsageError(`${path}: ${why}`);
  try {
    return runCohort(trial as Trial);
  } catch (e) {
    // Entry ranges that almost nobody in the population passes (models/twin/entry.ts).
    if (e instanceof RangeError) throw new UsageError(`${path}: trial.population.entry ${e.message}`);
    throw e;
  }
}
