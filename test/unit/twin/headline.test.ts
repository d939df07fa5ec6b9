/** The headline answer (models/twin/headline.ts): who already has diabetes, and new diabetes apart from today's chance. */
import { describe, expect, it } from 'vitest';
import { diabetesRisk, hasDiabetes, newDiabetesByYear } from '../../../models/twin/headline.ts';
import { qdiabetesCrossCheck } from '../../../models/twin/cross-check.ts';
import { simulate, type SimulateResult } from '../../../models/twin/simulate.ts';

describe('who already has diabetes', () => {
  it('a recorded diagnosis, or a latest HbA1c or fasting glucose in the diabetes range', () => {
    expect(hasDiabetes({ diabetes: true })).toEqual({ because: 'recorded' });
    expect(hasDiabetes({ hba1cPercent: 6.5 })).toEqual({ because: 'hba1c', value: 6.5 });
    expect(hasDiabetes({ hba1cPercent: 6.4, fastingGlucoseMgDl: 126 })).toEqual({ because: 'fastingGlucose', value: 126 });
    expect(hasDiabetes({ hba1cPercent: 6.4, fastingGlucoseMgDl: 125 })).toBeNull();
    expect(hasDiabetes({ diabetes: false })).toBeNull();
    expect(hasDiabetes({})).toBeNull();
  });
});

describe('the headline risk', () => {
  // A person near the thresholds: some of the twin's versions are in the diabetes range today.
  const person = { sex: 'male', ageYears: 60, heightM: 1.75, weightKg: 105, fastingGlucoseMgDl: 122, hba1cPercent: 6.3 } as const;
  const r = simulate(person, {}, { members: 400, seed: 2 });

  it('is new diabetes within 10 years among the versions free of it today; today’s chance is reported apart', () => {
    const h = diabetesRisk(r, 10)!;
    const p0 = r.t2dCumulativeProbability[0]!;
    expect(p0).toBeGreaterThan(0);
    expect(h.alreadyInRangeToday).toBe(p0);
    expect(h.newWithin).toBeCloseTo((r.t2dCumulativeProbability[10]! - p0) / (1 - p0), 12);
    expect(h.newWithin).toBeLessThan(r.t2dCumulativeProbability[10]!);
  });

  it('is the number the published score is compared with, and the what-if chart’s last point', () => {
    const h = diabetesRisk(r, 10)!;
    const cross = qdiabetesCrossCheck(
      { sex: 'male', age: 60, heightCm: 175, weightKg: 105, fastingGlucoseMgDl: 122, hba1cPercent: 6.3 },
      {},
      r,
    );
    expect('model' in cross && cross.twin10yPercent).toBeCloseTo(100 * h.newWithin, 9);
    const byYear = newDiabetesByYear(r);
    expect(byYear[0]).toBe(0);
    expect(byYear[10]).toBeCloseTo(h.newWithin, 12);
    for (let y = 1; y < byYear.length; y++) expect(byYear[y]!).toBeGreaterThanOrEqual(byYear[y - 1]!);
  });

  it('has no 10-year answer from a shorter forecast', () => {
    const short: SimulateResult = { ...r, years: r.years.slice(0, 4), t2dCumulativeProbability: r.t2dCumulativeProbability.slice(0, 4) };
    expect(diabetesRisk(short, 10)).toBeNull();
  });
});
