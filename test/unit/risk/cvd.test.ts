import { describe, expect, it } from 'vitest';
import { prevent, type PreventInput, type PreventModel, type PreventOutcome } from '../../../models/risk/prevent.ts';
import { pooledCohort, type PceInput } from '../../../models/risk/pce.ts';

describe('PREVENT (Khan 2024 Table S12 worked example; docs/equations.md §5.2)', () => {
  const ref = (sex: 'female' | 'male'): PreventInput => ({
    sex,
    ageYears: 50,
    totalCholesterolMgDl: 200,
    hdlMgDl: 45,
    systolicBpMmHg: 160,
    bpTreated: true,
    statin: false,
    diabetes: true,
    currentSmoker: false,
    egfr: 90,
    bmiKgM2: 35,
  });
  const cases: [PreventModel, PreventOutcome, 'female' | 'male', number][] = [
    ['base10y', 'cvd', 'female', 0.14683939095644824],
    ['base10y', 'cvd', 'male', 0.16317056158151638],
    ['base10y', 'ascvd', 'female', 0.09195089753632872],
    ['base10y', 'ascvd', 'male', 0.10194362642179755],
    ['base10y', 'hf', 'female', 0.08056096777914257],
    ['base10y', 'hf', 'male', 0.10591096013400046],
  ];
  it.each(cases)('%s %s %s = %d', (model, outcome, sex, expected) => {
    const r = prevent(ref(sex), model, outcome);
    expect(r.ok && r.value / 100).toBeCloseTo(expected, 12);
  });

  it('the published 4-digit values (0.1468, 0.1632, 0.0920, 0.1019, 0.0806, 0.1059)', () => {
    const got = cases.map(([m, o, s]) => {
      const r = prevent(ref(s), m, o);
      return r.ok ? Math.round(r.value * 100) / 10_000 : NaN;
    });
    expect(got).toEqual([0.1468, 0.1632, 0.092, 0.1019, 0.0806, 0.1059]);
  });
});

describe('Pooled Cohort Equations (Goff 2013 Table A example; docs/equations.md §6)', () => {
  const ex = (sex: 'female' | 'male', aa: boolean): PceInput => ({
    sex,
    africanAmerican: aa,
    ageYears: 55,
    totalCholesterolMgDl: 213,
    hdlMgDl: 50,
    systolicBpMmHg: 120,
    bpTreated: false,
    currentSmoker: false,
    diabetes: false,
  });
  it.each([
    ['white women', 'female', false, 2.0544, 2.1],
    ['African-American women', 'female', true, 2.9982, 3.0],
    ['white men', 'male', false, 5.3786, 5.4],
    ['African-American men', 'male', true, 6.0611, 6.1],
  ] as const)('%s: %d %% (published %d %%)', (_, sex, aa, precise, published) => {
    const r = pooledCohort(ex(sex, aa));
    expect(r.ok && r.value).toBeCloseTo(precise, 3);
    expect(r.ok && Math.round(r.value * 10) / 10).toBe(published);
  });
});
