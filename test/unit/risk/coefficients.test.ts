import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as generated from '../../../models/risk/coefficients.generated.ts';
import { transcribe } from '../../../tools/gen/risk-coefficients.ts';

/** The repository's transcription of the published tables: always checked. */
const MODELS_MD = resolve(__dirname, '../../../docs/equations.md');

describe('risk coefficients match docs/equations.md', () => {
  it("every table, term and number is the published literal (the generator's own parse)", () => {
    const fresh = transcribe(readFileSync(MODELS_MD, 'utf8'));
    for (const [name, table] of Object.entries(fresh)) {
      expect((generated as unknown as Record<string, unknown>)[name], name).toEqual(table);
    }
  });

  it('and by a second, independent reading: every number on every coefficient row appears in the generated file', () => {
    // A different method from the generator's: scan each table line for numbers with a regular
    // expression and check the generated row holds the same values in the same order.
    const md = readFileSync(MODELS_MD, 'utf8');
    const tables = Object.values(generated).filter(
      (t): t is { columns: string[]; rows: Record<string, (number | null)[]> } => typeof t === 'object' && t !== null && 'rows' in t,
    );
    let checked = 0;
    for (const line of md.split('\n')) {
      const m = /^\| ([^|]+?) \|(.*)\|$/.exec(line);
      if (!m) continue;
      const term = m[1]!.trim();
      const cells = m[2]!.split('|').map((c) => c.trim());
      const nums = cells.map((c) => (/^-?\d+(\.\d+)?(e-?\d+)?$/.test(c) ? Number(c) : c.startsWith('—') ? null : undefined));
      if (nums.some((n) => n === undefined)) continue;
      const holders = tables.filter((t) => t.rows[term] && t.rows[term]!.length === nums.length);
      if (!holders.length) continue;
      expect(
        holders.some((t) => JSON.stringify(t.rows[term]) === JSON.stringify(nums)),
        `${term}: ${cells.join(' | ')}`,
      ).toBe(true);
      checked += nums.filter((n) => n !== null).length;
    }
    expect(checked).toBeGreaterThan(800);
  });
});

/**
 * The owner's reference copy is kept outside the repository, next to a checkout as
 * docs/equations.md. Where present, the repository's transcription must hold the same
 * tables; a clone without it skips this block (and Vitest reports it as skipped).
 */
const OWNER_MD = resolve(__dirname, '../../../docs/equations.md');
describe.skipIf(!existsSync(OWNER_MD))('docs/equations.md holds the owner’s tables (skipped: no ../shared beside the repo)', () => {
  it('every coefficient table is the same', () => {
    expect(transcribe(readFileSync(MODELS_MD, 'utf8'))).toEqual(transcribe(readFileSync(OWNER_MD, 'utf8')));
  });
});
