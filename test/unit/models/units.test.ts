import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRIC_IDS } from '../../../models/metrics.ts';
import { fromCanonical, normalizeUnit, toCanonical, UNITS } from '../../../models/units.ts';

const pairs = METRIC_IDS.flatMap((m) => Object.keys(UNITS[m]).map((u) => [m, u] as const));

describe('unit conversion', () => {
  it('round-trips every accepted unit of every metric (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.double({ min: 0.01, max: 5000, noNaN: true }), ([m, u], canonical) => {
        const there = fromCanonical(m, canonical, u);
        const back = toCanonical(m, there, u);
        expect(back.ok).toBe(true);
        expect((back as { value: number }).value).toBeCloseTo(canonical, 6);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['blood_glucose', 5.5, 'mmol/L', 99.088],
    ['blood_glucose', 5.5, 'mmol<180.1558800000541>/L', 99.088],
    ['hba1c', 48, 'mmol/mol', 6.542],
    ['total_cholesterol', 5, 'mmol/L', 193.35],
    ['triglycerides', 1.7, 'mmol/L', 150.569],
    ['creatinine', 88.42, 'µmol/L', 1],
    ['body_weight', 180, '[lb_av]', 81.6466266],
    ['body_weight', 12, 'st', 76.2035182],
    ['height', 70, '[in_i]', 177.8],
    ['active_energy', 418.4, 'kJ', 100],
    ['systolic_bp', 120, 'mm[Hg]', 120],
  ] as const)('%s %d %s = %d (canonical)', (m, v, u, want) => {
    const r = toCanonical(m, v, u);
    expect(r.ok && r.value).toBeCloseTo(want, 3);
  });

  it('names an unsupported unit and a non-number', () => {
    expect(toCanonical('body_weight', 80, 'furlongs')).toEqual({ ok: false, reason: 'body_weight: unit "furlongs" is not supported' });
    expect(toCanonical('body_weight', Number.NaN, 'kg')).toEqual({ ok: false, reason: 'body_weight value is not a finite number' });
    expect(normalizeUnit(' mmol<180.1558800000541>/L ')).toBe('mmol/l');
  });
});
