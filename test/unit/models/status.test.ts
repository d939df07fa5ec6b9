import { describe, expect, it } from 'vitest';
import {
  activityStatus,
  cardiovascularStatus,
  gmiPercent,
  metabolicStatus,
  sleepStatus,
  weightStatus,
  type Level,
} from '../../../models/twin/status.ts';

describe('twin status thresholds', () => {
  // GMI worked values from Bergenstal 2018, Table 1: mean 100 → 5.7 %, 150 → 6.9 %, 200 → 8.1 %.
  it.each([
    [100, 5.7],
    [150, 6.9],
    [200, 8.1],
    [250, 9.3],
  ])('GMI of mean %d mg/dL is %d %%', (mean, gmi) => {
    expect(gmiPercent(mean)).toBeCloseTo(gmi, 1);
  });

  const metabolic: [string, Parameters<typeof metabolicStatus>[0], Level][] = [
    ['normal A1c', { hba1cPercent: 5.6 }, 'good'],
    ['prediabetes A1c lower bound', { hba1cPercent: 5.7 }, 'watch'],
    ['diabetes A1c', { hba1cPercent: 6.5 }, 'concern'],
    ['FPG 99', { fastingGlucoseMgDl: 99 }, 'good'],
    ['FPG 100', { fastingGlucoseMgDl: 100 }, 'watch'],
    ['FPG 126', { fastingGlucoseMgDl: 126 }, 'concern'],
    ['worst of both', { hba1cPercent: 5.5, fastingGlucoseMgDl: 127 }, 'concern'],
    ['nothing', {}, 'unknown'],
  ];
  it.each(metabolic)('metabolic: %s', (_, x, level) => expect(metabolicStatus(x).level).toBe(level));

  const bp: [number, number, Level, string][] = [
    [119, 79, 'good', 'normal'],
    [125, 79, 'watch', 'elevated'],
    [130, 79, 'watch', 'stage 1 hypertension'],
    [119, 80, 'watch', 'stage 1 hypertension'],
    [140, 85, 'concern', 'stage 2 hypertension'],
    [120, 90, 'concern', 'stage 2 hypertension'],
  ];
  it.each(bp)('blood pressure %d/%d is %s (%s)', (s, d, level, words) => {
    const r = cardiovascularStatus({ systolicBpMmHg: s, diastolicBpMmHg: d });
    expect(r.level).toBe(level);
    expect(r.summary).toBe(`Blood pressure ${s}/${d} mmHg: ${words}.`);
  });

  it('activity, sleep and weight', () => {
    expect(activityStatus({ exerciseMinPerWeek: 150 }).level).toBe('good');
    expect(activityStatus({ exerciseMinPerWeek: 149 }).level).toBe('watch');
    expect(activityStatus({ exerciseMinPerWeek: 20 }).level).toBe('concern');
    expect(sleepStatus({ sleepHoursPerNight: 7 }).level).toBe('good');
    expect(sleepStatus({ sleepHoursPerNight: 6.5 }).level).toBe('watch');
    expect(weightStatus({ bmi: 24.9 }).level).toBe('good');
    expect(weightStatus({ bmi: 29.9 }).summary).toBe('BMI 29.9 kg/m²: overweight.');
    expect(weightStatus({ bmi: 30 }).level).toBe('concern');
  });
});
