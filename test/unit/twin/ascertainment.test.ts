import { describe, expect, it } from 'vitest';
import {
  Ascertainer,
  CONTRACT_DIAGNOSIS,
  MET_FASTING,
  MET_TWO_HOUR,
  visitOn,
  type DiagnosisCriteria,
} from '../../../models/twin/ascertainment.ts';
import { MG_DL_PER_MMOL_L } from '../../../models/twin/members.ts';
import { PRIORS } from '../../../models/twin/priors.ts';
import { randomStream } from '../../../models/util/random.ts';

const N = 4000;
const fill = (v: number): Float64Array => new Float64Array(N).fill(v);

describe('visit schedules', () => {
  it('fasting twice a year, OGTT yearly, every two years at 0.5; an OGTT visit measures fasting glucose too', () => {
    const dx: DiagnosisCriteria = { fastingGlucoseMgDl: 126, hba1cPercent: null, fastingVisitsPerYear: 2, ogttVisitsPerYear: 1 };
    expect(visitOn(183, dx)).toEqual({ fasting: true, ogtt: false });
    expect(visitOn(365, dx)).toEqual({ fasting: true, ogtt: true });
    expect(visitOn(200, dx)).toEqual({ fasting: false, ogtt: false });
    const every2 = { ...dx, fastingVisitsPerYear: 0 as const, ogttVisitsPerYear: 0.5 as const };
    expect(visitOn(365, every2)).toEqual({ fasting: false, ogtt: false });
    expect(visitOn(730, every2)).toEqual({ fasting: true, ogtt: true });
    // v1's visitsPerYear keeps its meaning.
    expect(visitOn(183, CONTRACT_DIAGNOSIS)).toEqual({ fasting: true, ogtt: false });
    expect(visitOn(183, { ...CONTRACT_DIAGNOSIS, visitsPerYear: 1 })).toEqual({ fasting: false, ogtt: false });
  });
});

describe('confirmation', () => {
  // Every member's usual fasting glucose sits exactly at the threshold: half the tests are over it.
  const atThreshold = { fpgMmolL: fill(126 / MG_DL_PER_MMOL_L), hba1cPercent: fill(5.5) };
  const fastingOnly: DiagnosisCriteria = { fastingGlucoseMgDl: 126, hba1cPercent: null, fastingVisitsPerYear: 1 };

  it('a confirmation that fails resets: the member is tested afresh and can be diagnosed at a later visit', () => {
    const a = new Ascertainer(N, { ...fastingOnly, confirmation: 'repeat-same' }, 3);
    a.visit({ fasting: true, ogtt: false }, atThreshold);
    const first = a.diagnosed.reduce((s, x) => s + x, 0);
    // About a quarter confirm (both tests over the threshold), not the half whose first test was over.
    expect(first / N).toBeGreaterThan(0.2);
    expect(first / N).toBeLessThan(0.3);
    a.visit({ fasting: true, ogtt: false }, atThreshold);
    const second = a.diagnosed.reduce((s, x) => s + x, 0);
    // Of the three quarters left, a quarter again: nobody is excluded by a failed confirmation.
    expect((second - first) / (N - first)).toBeGreaterThan(0.2);
    expect((second - first) / (N - first)).toBeLessThan(0.3);
  });

  it('"none" counts the first test; repeat rules need the repeat', () => {
    const none = new Ascertainer(N, { ...fastingOnly, confirmation: 'none' }, 3);
    none.visit({ fasting: true, ogtt: false }, atThreshold);
    const nNone = none.diagnosed.reduce((s, x) => s + x, 0) / N;
    expect(nNone).toBeGreaterThan(0.45);
    expect(nNone).toBeLessThan(0.55);
  });

  it('"repeat-same" needs the same criterion twice; "repeat-any" takes another criterion on the repeat', () => {
    // Fasting and 2-hour values both at their thresholds: a fasting-only first test confirmed by a
    // 2-hour-only repeat counts under repeat-any, not under repeat-same.
    const v = { ...atThreshold, twoHourMgDl: () => fill(200) };
    const dx: DiagnosisCriteria = {
      fastingGlucoseMgDl: 126,
      twoHourGlucoseMgDl: 200,
      hba1cPercent: null,
      fastingVisitsPerYear: 1,
      ogttVisitsPerYear: 1,
    };
    const same = new Ascertainer(N, { ...dx, confirmation: 'repeat-same' }, 5);
    const any = new Ascertainer(N, { ...dx, confirmation: 'repeat-any' }, 5);
    same.visit({ fasting: true, ogtt: true }, v);
    any.visit({ fasting: true, ogtt: true }, v);
    const count = (a: Ascertainer): number => a.diagnosed.reduce((s, x) => s + x, 0);
    expect(count(any)).toBeGreaterThan(count(same));
    for (let i = 0; i < N; i++) if (same.diagnosed[i]) expect(any.diagnosed[i]).toBe(1);
    // Each confirmed diagnosis under repeat-same met a criterion on both tests.
    for (let i = 0; i < N; i++) if (same.diagnosed[i]) expect(same.metBy[i]! & (MET_FASTING | MET_TWO_HOUR)).toBeGreaterThan(0);
    const by = same.diagnosedBy();
    expect(by.fasting + by.twoHour + by.hba1c + by.several).toBe(count(same));
    expect(same.triggers.fastingOnly + same.triggers.twoHourOnly + same.triggers.both).toBeGreaterThan(count(same));
    expect(same.triggers.confirmed).toBe(count(same));
  });
});

describe('the v1 outcome is drawn exactly as before', () => {
  it('reproduces the previous engine: fasting and HbA1c tests, first then repeat, from (seed, visit.tests, i)', () => {
    const n = 500;
    const fpg = Float64Array.from({ length: n }, (_, i) => 6.3 + 0.6 * Math.sin(i));
    const a1c = Float64Array.from({ length: n }, (_, i) => 6.2 + 0.4 * Math.cos(i));
    const asc = new Ascertainer(n, CONTRACT_DIAGNOSIS, 9);
    // The previous engine's loop (engine.ts before twin v2), written out as the reference.
    const tests = Array.from({ length: n }, (_, i) => randomStream(9, 'visit.tests', i));
    const ref = new Uint8Array(n);
    const over = (i: number): boolean => {
      const zF = tests[i]!.normal();
      const zA = tests[i]!.normal();
      return (
        fpg[i]! * (1 + PRIORS.fpgWithinPersonCv * zF) >= 126 / MG_DL_PER_MMOL_L || a1c[i]! * (1 + PRIORS.hba1cWithinPersonCv * zA) >= 6.5
      );
    };
    for (let visit = 0; visit < 6; visit++) {
      asc.visit({ fasting: true, ogtt: false }, { fpgMmolL: fpg, hba1cPercent: a1c });
      for (let i = 0; i < n; i++) {
        const first = over(i);
        const repeat = over(i);
        if (!ref[i] && first && repeat) ref[i] = 1;
      }
      expect(Array.from(asc.diagnosed)).toEqual(Array.from(ref));
    }
    expect(ref.reduce((s, x) => s + x, 0)).toBeGreaterThan(50);
  });

  it('adding OGTT visits with a 2-hour criterion never met leaves the fasting diagnoses unchanged (separate streams)', () => {
    const n = 800;
    const v = { fpgMmolL: Float64Array.from({ length: n }, (_, i) => 6.6 + 0.5 * Math.sin(i)), hba1cPercent: fill(5.5).subarray(0, n) };
    const base: DiagnosisCriteria = { fastingGlucoseMgDl: 126, hba1cPercent: null, fastingVisitsPerYear: 1, confirmation: 'repeat-same' };
    const a = new Ascertainer(n, base, 11);
    const b = new Ascertainer(n, { ...base, twoHourGlucoseMgDl: 300, ogttVisitsPerYear: 1 }, 11);
    for (let k = 0; k < 4; k++) {
      a.visit({ fasting: true, ogtt: false }, v);
      b.visit({ fasting: true, ogtt: true }, { ...v, twoHourMgDl: () => new Float64Array(n).fill(120) });
    }
    expect(Array.from(b.diagnosed)).toEqual(Array.from(a.diagnosed));
  });
});
