import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_IDS, METRICS } from '../../../models/metrics.ts';
import { PLAUSIBLE } from '../../../models/plausibility.ts';
import { UNITS } from '../../../models/units.ts';

/** The metric rows of a Markdown table: id, canonical unit, kind, LOINC, Apple type, notes. */
function metricRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((l) => /^\| [a-z_0-9]+ \|/.test(l))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    )
    .filter((c) => c.length === 6 && c[0] !== 'id');
}

const list = (cell: string): string[] => (cell === '—' ? [] : cell.split(',').map((s) => s.trim()));

/** The repository's own table (docs/metrics.md): always checked. */
const DOCS = resolve(__dirname, '../../../docs/metrics.md');
const rows = metricRows(readFileSync(DOCS, 'utf8'));

describe('canonical metrics match docs/metrics.md', () => {
  it('lists the same ids in the same order', () => {
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.map((r) => r[0])).toEqual([...METRIC_IDS]);
  });

  it.each(rows.map((r) => [r[0]!, r]))('%s: unit, kind, LOINC and Apple type, with a unit table and a plausible range', (_, r) => {
    const [id, unit, kind, loinc, apple] = r as [string, string, string, string, string];
    const def = METRICS[id as keyof typeof METRICS];
    expect(def.unit).toBe(unit);
    expect(def.kind).toBe(kind);
    expect([...def.loinc]).toEqual(list(loinc));
    expect(def.appleType ?? '—').toBe(apple);
    expect(Object.keys(UNITS[def.id]).length).toBeGreaterThan(0);
    const [min, max] = PLAUSIBLE[def.id];
    expect(min).toBeLessThan(max);
  });
});

/**
 * The project's interface contract is kept outside the repository by its owner, next to a checkout
 * as ../shared/reference/contracts.md. Where that copy is present, docs/metrics.md must match it
 * row by row; a clone without it skips this block (and Vitest reports it as skipped).
 */
const CONTRACTS = resolve(__dirname, '../../../../shared/reference/contracts.md');
const contract = existsSync(CONTRACTS);
describe.skipIf(!contract)('docs/metrics.md matches the owner’s contract (skipped: no ../shared beside the repo)', () => {
  it('has the same rows, cell by cell', () => {
    expect(rows).toEqual(metricRows(readFileSync(CONTRACTS, 'utf8')));
  });
});
