import { ogttValidationCases } from '../../../models/validation/ogtt-cases.ts';
import { physiologyValidationCases } from '../../../models/validation/physiology-cases.ts';
import { riskValidationCases } from '../../../models/validation/risk-cases.ts';
import { trialValidationCases } from '../../../models/validation/trial-cases.ts';
import { withStatus, type CommandResult } from '../command.ts';
import type { Parsed } from '../args.ts';

export interface ValidationRow {
  case: string;
  source: string;
  expected: number;
  got: number | null;
  tolerance: number;
  pass: boolean;
  kind?: 'reference' | 'calibration' | 'validation' | 'held-out';
}

/** Runs every published reference case the project holds. */
export function runValidation(): ValidationRow[] {
  return [...riskValidationCases(), ...physiologyValidationCases(), ...ogttValidationCases(), ...trialValidationCases()].map((c) => {
    let got: number | null;
    try {
      got = c.got();
    } catch {
      got = null;
    }
    return {
      case: c.id,
      source: c.source,
      expected: c.expected,
      got,
      tolerance: c.tolerance,
      pass: got !== null && Math.abs(got - c.expected) <= c.tolerance + 1e-12,
      ...(c.kind ? { kind: c.kind } : {}),
    };
  });
}

/** `validate` (usage and help: ./index.ts). */
export async function run(_p: Parsed): Promise<CommandResult> {
  const rows = runValidation();
  const failed = rows.filter((r) => !r.pass).length;
  const width = Math.max(...rows.map((r) => r.case.length));
  const human = [
    `${'case'.padEnd(width)}  ${'expected'.padStart(12)}  ${'got'.padStart(14)}  ${'tolerance'.padStart(10)}  pass`,
    ...rows.map(
      (r) =>
        `${r.case.padEnd(width)}  ${String(r.expected).padStart(12)}  ${(r.got === null ? 'null' : String(Number(r.got.toPrecision(10)))).padStart(14)}  ${String(r.tolerance.toPrecision(2)).padStart(10)}  ${r.pass ? 'yes' : 'NO'}`,
    ),
    '',
    `${rows.length - failed} passed, ${failed} failed`,
  ].join('\n');
  return withStatus(failed ? 1 : 0, { cases: rows, passed: rows.length - failed, failed }, human);
}
