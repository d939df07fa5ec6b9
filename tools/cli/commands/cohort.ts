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
  return runCohort(trial as Trial);
}
