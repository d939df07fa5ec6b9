import { invalidProfile, type RiskProfile } from '../../../models/risk/profile.ts';
import { riskReport } from '../../../models/risk/report.ts';
import { UsageError } from '../args.ts';
import type { CommandResult } from '../command.ts';
import type { Parsed } from '../args.ts';
import { readJson } from '../read-json.ts';

/** `risk` (usage and help: ./index.ts). */
export async function run(p: Parsed): Promise<CommandResult> {
  const [path, ...extra] = p.positional;
  if (!path || extra.length) throw new UsageError('risk needs exactly one PROFILE.json');
  const doc = readJson(path);
  const list = Array.isArray(doc) ? doc : [doc];
  list.forEach((x, i) => {
    const why = invalidProfile(x, Array.isArray(doc) ? `profile[${i}]` : 'profile');
    if (why) throw new UsageError(`${path}: ${why}`);
  });
  // The output is docs/cli.md's: the notes (the warnings as data, for the app to word) stay out of it.
  const out = (list as RiskProfile[]).map((p) => {
    const { notes: _notes, ...report } = riskReport(p);
    return report;
  });
  return Array.isArray(doc) ? out : out[0];
}
