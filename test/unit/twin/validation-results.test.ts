/**
 * models/validation/trial-results.generated.json is what the app shows of the twin's trial rows
 * (src/twin/validation-summary.ts); it must be what the trials compute today. This recomputes every
 * row (about 30 s: the trials run in full) and compares. On a failure, regenerate:
 *   npx tsx tools/gen/validation-results.ts
 */
import { describe, expect, it } from 'vitest';
import { trialValidationCases } from '../../../models/validation/trial-cases.ts';
import committed from '../../../models/validation/trial-results.generated.json' with { type: 'json' };
import { computeTrialRows, horizonYears, roundGot, trialResults, type TrialResults } from '../../../tools/gen/validation-results.ts';

const file = committed as TrialResults;

describe('the generated trial results', () => {
  it('are the rows the trials compute now (same ids, kinds, verdicts; values within rounding)', () => {
    const fresh = computeTrialRows();
    expect(file.rows.map((r) => r.id)).toEqual(fresh.map((r) => r.id));
    fresh.forEach((r, i) => {
      const c = file.rows[i]!;
      expect(c.kind, r.id).toBe(r.kind);
      expect(c.pass, r.id).toBe(r.pass);
      expect(c.expected, r.id).toBe(r.expected);
      expect(c.tolerance, r.id).toBeCloseTo(r.tolerance, 9);
      expect(c.horizonYears, r.id).toBe(r.horizonYears);
      expect(c.z, r.id).toBe(r.z);
      expect(Math.abs(c.got - roundGot(r.got)), r.id).toBeLessThanOrEqual(1e-9);
      // The rounding keeps the verdict's meaning: the rounded number is within half a unit of its last digit.
      expect(Math.abs(c.got - r.got), r.id).toBeLessThanOrEqual(
        0.5 * 10 ** -Math.max(1, 2 - Math.floor(Math.log10(Math.abs(r.got)))) + 1e-12,
      );
    });
    expect(file.measured).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('hold every trial row of validate, none of the implementation references', () => {
    const ids = trialValidationCases().map((c) => c.id);
    expect(file.rows.map((r) => r.id)).toEqual(ids);
    for (const r of file.rows) expect(['calibration', 'validation', 'held-out']).toContain(r.kind);
  });
});

describe('the generator’s helpers', () => {
  it('reads a row’s follow-up from its trial', () => {
    expect(horizonYears('dpp-placebo-3y-cumulative-incidence-percent')).toBe(3);
    expect(horizonYears('dps-control-4y-cumulative-incidence-percent')).toBe(4);
    expect(horizonYears('dppos-lifestyle-10y-incidence-reduction-percent')).toBe(10);
    expect(horizonYears('nhs-dpp-hba1c-change-at-minus-2.3-kg-percent')).toBe(1);
    expect(horizonYears('lifestyle-2h-glucose-change-year-1-mmol-l')).toBe(1);
    expect(() => horizonYears('kosaka-4y')).toThrow(/HORIZON_BY_PREFIX/);
  });

  it('rounds to three significant digits with at least one decimal', () => {
    expect(roundGot(29.2954)).toBe(29.3);
    expect(roundGot(164.5641)).toBe(164.6);
    expect(roundGot(9.3712)).toBe(9.37);
    expect(roundGot(0.60219)).toBe(0.602);
    expect(roundGot(-0.080449)).toBe(-0.0804);
    expect(roundGot(0)).toBe(0);
  });

  it('dates the file and rounds only the values', () => {
    const out = trialResults(
      [{ id: 'x', kind: 'validation', expected: 1, got: 1.23456, tolerance: 0.5, pass: true, z: null, horizonYears: 3 }],
      new Date('2026-12-03T10:00:00Z'),
    );
    expect(out).toEqual({
      measured: '2026-12-03',
      rows: [{ id: 'x', kind: 'validation', expected: 1, got: 1.23, tolerance: 0.5, pass: true, z: null, horizonYears: 3 }],
    });
  });
});
