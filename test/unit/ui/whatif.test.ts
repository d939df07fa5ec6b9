import { describe, expect, it } from 'vitest';
import { fromScenario, isNoChange, NO_CHANGE, toScenario, type Plan } from '../../../src/ui/whatif/plans.ts';
import { describePlan, planSentence } from '../../../src/ui/whatif/sentence.ts';
import { describeSeries, fanSeries } from '../../../src/ui/whatif/series.ts';
import { invalidScenario } from '../../../models/twin/scenario.ts';
import { newDiagnosisProbability, simulate } from '../../../models/twin/simulate.ts';
import { DEFAULT_SETTINGS } from '../../../src/data/settings.ts';
import type { CrossCheck } from '../../../models/twin/cross-check.ts';

const person = { ageYears: 52, sex: 'male' as const, heightM: 1.78, weightKg: 96, fastingGlucoseMgDl: 108, hba1cPercent: 5.9 };
const plan = (p: Partial<Plan>): Plan => ({ ...NO_CHANGE, name: 'Plan A', ...p });
const units = { weight: (kg: number) => `${Math.round(kg)} kg`, percent: (f: number) => `${Math.round(100 * f)} %` };

describe('what-if plans', () => {
  it('turn into valid engine scenarios, sending only the body-weight setting in use', () => {
    const p = plan({
      weightChangeKg: -5,
      energyIntakeChangeKcalPerDay: -300,
      activityMinutesPerWeek: 150,
      metformin: true,
      smoking: 'non',
    });
    expect(toScenario(p)).toEqual({ weightChangeKg: -5, activityMinutesPerWeek: 150, metformin: true, smoking: 'non' });
    expect(toScenario({ ...p, mode: 'intake' })).toEqual({
      energyIntakeChangeKcalPerDay: -300,
      activityMinutesPerWeek: 150,
      metformin: true,
      smoking: 'non',
    });
    expect(invalidScenario(toScenario(p))).toBeUndefined();
    expect(toScenario(NO_CHANGE)).toEqual({});
    expect(isNoChange(plan({ energyIntakeChangeKcalPerDay: -300 }))).toBe(true);
  });

  it('round-trip through a saved scenario; foreign or out-of-range fields are dropped or clamped', () => {
    const p = plan({ name: 'Walk', mode: 'intake', energyIntakeChangeKcalPerDay: -250, activityMinutesPerWeek: 210, smoking: 'ex' });
    expect(fromScenario('Walk', { ...toScenario(p) })).toEqual(p);
    const odd = fromScenario('x', { weightChangeKg: -80, activityMinutesPerWeek: '150', smoking: '<b>', startDay: 3 });
    expect(odd).toMatchObject({ mode: 'weight', weightChangeKg: -30, activityMinutesPerWeek: 0, smoking: 'unchanged' });
  });
});

describe('the plain sentence', () => {
  const baseline = simulate(person, {}, { members: 300, seed: 3 });
  const lose = simulate(person, { weightChangeKg: -8, activityMinutesPerWeek: 150 }, { members: 300, seed: 3 });

  it('names the change and reads the numbers of the forecast it describes', () => {
    const p = plan({ weightChangeKg: -8, activityMinutesPerWeek: 150 });
    expect(describePlan(p, units)).toBe('losing 8 kg and adding 150 minutes of moderate activity a week');
    const s = planSentence(p, baseline, lose, 10, units);
    const pct = (x: number): string => `${Math.round(100 * x)} %`;
    // New diabetes, as the headline counts it: the chance of being in range today is left out.
    const fresh = (r: typeof baseline): number => newDiagnosisProbability(r.t2dCumulativeProbability, 10);
    expect(s).toContain(`lowers your risk of type 2 diabetes in the next 10 years from ${pct(fresh(baseline))} to ${pct(fresh(lose))}`);
    expect(s).toContain(`likely ${Math.round(lose.weightKg.p05[10]!)} kg–${Math.round(lose.weightKg.p95[10]!)} kg`);
    expect(planSentence(p, baseline, lose, 3, units)).toContain('in the next 3 years');
    // A person who already has diabetes: the weight alone, no diabetes risk.
    const only = planSentence(p, baseline, lose, 10, units, undefined, true);
    expect(only).toBe(
      `Losing 8 kg and adding 150 minutes of moderate activity a week: your weight in 10 years is likely ${Math.round(lose.weightKg.p05[10]!)} kg–${Math.round(lose.weightKg.p95[10]!)} kg (90% of the twin's simulations).`,
    );
  });

  it('says when nothing changes, and shows a published score only where the models disagree', () => {
    expect(planSentence(plan({}), baseline, baseline, 10, units)).toMatch(
      /^Changing nothing leaves your risk of type 2 diabetes in the next 10 years/,
    );
    const cross: CrossCheck = {
      model: 'QDiabetes-2018 B',
      baseline10yPercent: 20,
      scenario10yPercent: 9,
      twin10yPercent: 30,
      agree: false,
    };
    const p = plan({ weightChangeKg: -8, activityMinutesPerWeek: 150 });
    expect(planSentence(p, baseline, lose, 10, units, cross)).toContain(
      'QDiabetes-2018 (with your fasting glucose), a published score, puts it at 9% instead',
    );
    expect(planSentence(p, baseline, lose, 10, units, { ...cross, agree: true })).not.toContain('QDiabetes');
  });

  it('fan series convert units and keep bands for "No change" and the plan in focus only', () => {
    const lb = fanSeries('weight', [baseline, lose, lose], ['No change', 'A', 'B'], 1, { ...DEFAULT_SETTINGS, weightUnit: 'lb' }, 5);
    expect(lb[0]!.bands!.p50).toHaveLength(6);
    expect(lb[0]!.bands!.p50[0]).toBeCloseTo(baseline.weightKg.p50[0]! * 2.2046226218, 6);
    expect(lb[1]!.bands).toBeDefined();
    expect(lb[2]!.bands).toBeUndefined();
    expect(lb[2]!.line).toEqual(lb[1]!.bands!.p50);
    const t2d = fanSeries('t2d', [baseline], ['No change'], 1, DEFAULT_SETTINGS, 10);
    expect(t2d[0]!.line![10]).toBeCloseTo(100 * baseline.t2dCumulativeProbability[10]!, 9);
    const mmol = fanSeries('glucose', [baseline], ['No change'], 1, { ...DEFAULT_SETTINGS, glucoseUnit: 'mmol/L' }, 10);
    expect(mmol[0]!.bands!.p50[0]).toBeCloseTo(baseline.fastingGlucoseMgDl.p50[0]! / 18.016, 2);
    expect(describeSeries('weight', lb.slice(0, 2), (v) => v.toFixed(0), 'lb')).toMatch(
      /^No change: median \d+ lb, 90% range \d+ to \d+; A: median/,
    );
  });
});

describe('display of differences', async () => {
  const { display, displayDelta } = await import('../../../src/ui/format.ts');
  it('converts a difference without the unit offset (HbA1c mmol/mol) and keeps the value digits', () => {
    const s = { ...DEFAULT_SETTINGS, hba1cUnit: 'mmol/mol' as const, glucoseUnit: 'mmol/L' as const };
    expect(displayDelta('hba1c', 0.915, s)).toEqual({ text: '10', unit: 'mmol/mol' });
    expect(display('hba1c', 0.915, s).text).toBe('-13');
    expect(displayDelta('blood_glucose', 18.016, s)).toEqual({
      text: (1.0).toLocaleString(undefined, { minimumFractionDigits: 1 }),
      unit: 'mmol/L',
    });
    expect(displayDelta('body_weight', 1, { ...s, weightUnit: 'lb' }).text).toBe(
      (2.2).toLocaleString(undefined, { minimumFractionDigits: 1 }),
    );
  });
});

describe('the planned change reads as the slider shows it', () => {
  it('keeps a half kilogram', () => {
    const u = { ...units, weightChange: (kg: number) => `${kg.toLocaleString('en', { maximumFractionDigits: 1 })} kg` };
    expect(describePlan(plan({ weightChangeKg: -5.5 }), u)).toBe('losing 5.5 kg');
    expect(describePlan(plan({ weightChangeKg: -5.5 }), units)).toBe('losing 6 kg');
  });
});
