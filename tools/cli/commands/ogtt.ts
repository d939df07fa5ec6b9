import { invalidOgttInput, runOgtt, type OgttInput } from '../../../models/physiology/ogtt.ts';
import { UsageError } from '../args.ts';
import { withStatus, type CommandResult } from '../command.ts';
import type { Parsed } from '../args.ts';
import { readJson } from '../read-json.ts';

/** `ogtt` (usage and help: ./index.ts). */
export async function run(p: Parsed): Promise<CommandResult> {
  const [path, ...extra] = p.positional;
  if (!path || extra.length) throw new UsageError('ogtt needs exactly one INPUT.json');
  const input = readJson(path);
  const why = invalidOgttInput(input);
  if (why) throw new UsageError(`${path}: ${why}`);
  const out = runOgtt(input as OgttInput);
  const rows = out.minutes
    .filter((m) => m % 15 === 0)
    .map(
      (m) => `${String(m).padStart(6)}  ${out.glucoseMgDl[m]!.toFixed(1).padStart(12)}  ${out.insulinPmolL[m]!.toFixed(1).padStart(13)}`,
    );
  const human = ['minute  glucose mg/dL  insulin pmol/L', ...rows].join('\n');
  return withStatus(0, out, human);
}
