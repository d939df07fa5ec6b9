/**
 * The twin's trial rows (models/validation/trial-cases.ts, docs/validation.md "Twin v2") computed once
 * and written to models/validation/trial-results.generated.json, so the app can show what the twin
 * was checked against without running the trials (about 30 s) in the browser. The same rows as
 * `npm run --silent cli -- validate` prints for its calibration, validation and held-out kinds;
 * test/unit/twin/validation-results.test.ts recomputes them and fails if the file is stale.
 *   npx tsx tools/gen/validation-results.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { trialValidationCases } from '../../models/validation/trial-cases.ts';
import type { TrialResultRow, TrialResultsFile as TrialResults } from '../../src/twin/validation-summary.ts';

export type { TrialResultRow, TrialResults };

/**
 * The follow-up each row's number is read at, by id prefix (first match wins): DPP 3 years (Knowler
 * 2002), DPS 4 years (Tuomilehto 2001), DPPOS 10 years (Knowler 2009), NHS DPP 1 year and the
 * year-1 change in 2-hour glucose (Yamaoka & Tango 2005). Baseline rows are read at entry but belong
 * to the trial's run, so they carry its horizon.
 */
export const HORIZON_BY_PREFIX: readonly (readonly [prefix: string, years: number])[] = [
  ['dppos-', 10],
  ['dpp-', 3],
  ['dps-', 4],
  ['nhs-dpp-', 1],
  ['lifestyle-2h-glucose-change-year-1-', 1],
];

export function horizonYears(id: string): number {
  const hit = HORIZON_BY_PREFIX.find(([p]) => id.startsWith(p));
  if (!hit) throw new Error(`no horizon for trial row ${id}: add its prefix to HORIZON_BY_PREFIX`);
  return hit[1];
}

/**
 * Three significant digits, but at least one decimal (the published numbers carry one: 164.6 mg/dL,
 * not 165): 29.3, 164.6, 9.37, 0.602, −0.0804.
 */
export function roundGot(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const decimals = Math.min(8, Math.max(1, 2 - Math.floor(Math.log10(Math.abs(x)))));
  return Number(x.toFixed(decimals));
}

/** The rows, unrounded except z (as validate prints it: two decimals). */
export function computeTrialRows(): TrialResultRow[] {
  return trialValidationCases().map((c) => {
    const got = c.got();
    if (got === null || !Number.isFinite(got)) throw new Error(`trial row ${c.id} computed no value`);
    const kind = c.kind ?? 'reference';
    if (kind === 'reference') throw new Error(`trial row ${c.id} has no trial kind`);
    const se = c.se ? c.se(got) : undefined;
    return {
      id: c.id,
      kind,
      expected: c.expected,
      got,
      tolerance: c.tolerance,
      // The same rule as runValidation (tools/cli/commands/validate.ts).
      pass: Math.abs(got - c.expected) <= c.tolerance + 1e-12,
      z: se !== undefined && se > 0 ? Number(((got - c.expected) / se).toFixed(2)) : null,
      horizonYears: horizonYears(c.id),
    };
  });
}

export function trialResults(rows: TrialResultRow[], measured: Date): TrialResults {
  return {
    measured: measured.toISOString().slice(0, 10),
    rows: rows.map((r) => ({ ...r, got: roundGot(r.got), tolerance: Number(r.tolerance.toPrecision(6)) })),
  };
}

export const OUTPUT = fileURLToPath(new URL('../../models/validation/trial-results.generated.json', import.meta.url));

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = trialResults(computeTrialRows(), new Date());
  writeFileSync(OUTPUT, JSON.stringify(out, null, 2) + '\n');
  for (const r of out.rows) console.log(`${r.id}  ${r.kind}  ${r.expected}  ${r.got}  ±${r.tolerance}  ${r.pass ? 'yes' : 'MISS'}`);
}
