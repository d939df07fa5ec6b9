import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_IDS, METRICS } from '../../../models/metrics.ts';

/** Checks models/metrics.ts against the canonical table in ../shared/reference/contracts.md, row by row. */
const CONTRACTS = resolve(__dirname, '../../../../shared/reference/contracts.md');

describe.skipIf(!existsSync(CONTRACTS))('canonical metrics match contracts.md §1', () => {
  const rows = readFileSync(CONTRACTS, 'utf8')
    .split('\n')
    .filter((l) => /^\| [a-z_0-9]+ \|/.test(l))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    )
    .filter((c) => c.length === 6 && c[0] !== 'id');

  it('lists the same ids in the same order', () => {
    expect(rows.map((r) => r[0])).toEqual([...METRIC_IDS]);
  });

  it.each(rows.map((r) => [r[0]!, r]))('%s: unit, kind, LOINC and Apple type', (_, r) => {
    const [id, unit, kind, loinc, apple] = r as [string, string, string, string, string];
    const def = METRICS[id as keyof typeof METRICS];
    expect(def.unit).toBe(unit);
    expect(def.kind).toBe(kind);
    expect([...def.loinc]).toEqual(loinc.split(',').map((s) => s.trim()));
    expect(def.appleType ?? '—').toBe(apple);
  });
});
