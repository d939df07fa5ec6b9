import { describe, expect, it } from 'vitest';
import {
  ANOMALY_METRICS,
  dailyGlucoseCv,
  detectAnomalies,
  latestBaseline,
  latestBaselines,
  type AnomalyMetric,
  type DailyValue,
} from '../../../models/ml/anomaly.ts';
import { evaluateAnomalyDetection } from '../../../models/ml/anomaly-eval.ts';

/** Day i of a series that starts on Monday 2026-01-05. */
const day = (i: number): string => new Date(Date.UTC(2026, 0, 5 + i)).toISOString().slice(0, 10);
/** A fixed, symmetric day-to-day wobble (median 0), period 11 so that it does not line up with weeks. */
const WOBBLE = [0, 1, -1, 2, -2, 1, -1, 0.5, -0.5, 1.5, -1.5];
/** Days 0 … n−1 of f(i); f returning null leaves the day out. */
function series(n: number, f: (i: number) => number | null): DailyValue[] {
  return Array.from({ length: n }, (_, i) => f(i)).flatMap((value, i) => (value === null ? [] : [{ day: day(i), value }]));
}
/** Resting heart rate about 58 bpm with the wobble; `set` overrides some days (null: missing). */
const rhr = (n: number, set: Record<number, number | null> = {}): DailyValue[] =>
  series(n, (i) => (i in set ? set[i]! : 58 + WOBBLE[i % 11]!));

describe('personal baselines: sustained deviations', () => {
  it('flags a clear 3-day rise in resting heart rate, with its size, usual value and sentence', () => {
    const eps = detectAnomalies('resting_heart_rate', rhr(70, { 59: 58, 60: 65, 61: 65, 62: 65, 63: 58 }));
    expect(eps).toHaveLength(1);
    const e = eps[0]!;
    expect(e).toMatchObject({
      metric: 'resting_heart_rate',
      direction: 'high',
      fromDay: day(60),
      toDay: day(62),
      days: 3,
      observedDays: 3,
    });
    expect(e.meanDeviation).toBeCloseTo(7, 0);
    expect(e.usual).toBeCloseTo(58, 0);
    expect(e.explanation).toBe('Resting heart rate 7 bpm above your usual (58 bpm) for 3 days');
  });

  it('does not flag a 2-day rise', () => {
    expect(detectAnomalies('resting_heart_rate', rhr(70, { 59: 58, 60: 65, 61: 65, 62: 58 }))).toEqual([]);
  });

  it('follows a gradual trend instead of flagging it', () => {
    const s = series(200, (i) => 58 + 0.1 * i + WOBBLE[i % 11]!); // +20 bpm over 200 days
    expect(detectAnomalies('resting_heart_rate', s)).toEqual([]);
    const b = latestBaseline('resting_heart_rate', s)!;
    // The 42-day median lags the trend by about 21 days × 0.1 bpm.
    expect(b.usual).toBeGreaterThan(74);
    expect(b.usual).toBeLessThan(78);
  });

  it('does not flag a deviation that is statistically large but below the minimum effect', () => {
    // A very steady person (±0.2 bpm; the scale floor of 1 bpm applies): +3 bpm for 4 days is z ≈ 3 each day.
    const s = series(80, (i) => (i >= 60 && i < 64 ? 61 : 58 + 0.1 * WOBBLE[i % 11]!));
    expect(detectAnomalies('resting_heart_rate', s)).toEqual([]);
    expect(detectAnomalies('resting_heart_rate', s, { minEffect: 2 })).toHaveLength(1);
  });

  it('does not flag the weekly pattern of steps (quiet Friday to Sunday)', () => {
    // Monday to Thursday 10,000 steps, Friday to Sunday 6,000 (40 % fewer, 3 days in a row), ±3 %.
    const s = series(180, (i) => (i % 7 >= 4 ? 6000 : 10000) * (1 + 0.015 * WOBBLE[i % 11]!));
    expect(detectAnomalies('steps', s)).toEqual([]);
    expect(detectAnomalies('steps', s, { weekly: false }).length).toBeGreaterThan(10);
    const b = latestBaseline('steps', s)!;
    expect(b.usualByWeekday![0]).toBeCloseTo(6000, -2); // Sunday
    expect(b.usualByWeekday![3]).toBeCloseTo(10000, -2); // Wednesday
  });

  it('bridges one missing day inside a run, but not two', () => {
    const one = detectAnomalies('resting_heart_rate', rhr(80, { 59: 58, 60: 65, 61: 65, 62: null, 63: 65, 64: 58 }));
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ fromDay: day(60), toDay: day(63), days: 4, observedDays: 3 });
    expect(one[0]!.explanation).toBe('Resting heart rate 7 bpm above your usual (58 bpm) for 4 days');
    const two = rhr(80, { 59: 58, 60: 65, 61: 65, 62: null, 63: null, 64: 65, 65: 65, 66: 58 });
    expect(detectAnomalies('resting_heart_rate', two)).toEqual([]);
  });

  it('reports an episode that reaches the last day as ongoing, with the usual value from before it', () => {
    const s = rhr(74, { 69: 58, 70: 66, 71: 66, 72: 66, 73: 66 });
    const b = latestBaseline('resting_heart_rate', s)!;
    expect(b.asOfDay).toBe(day(73));
    expect(b.ongoing).toMatchObject({ direction: 'high', fromDay: day(70), toDay: day(73), days: 4 });
    expect(b.usual).toBeCloseTo(58, 0); // the episode stays out of its own baseline
    expect(b.typicalLow).toBeLessThan(58);
    expect(b.typicalHigh).toBeGreaterThan(58);
    expect(latestBaseline('resting_heart_rate', rhr(74))!.ongoing).toBeNull();
    const all = latestBaselines({ resting_heart_rate: s, steps: series(10, () => 8000) });
    expect(Object.keys(all)).toEqual(['resting_heart_rate']); // 10 days of steps are too few
  });

  it('describes sleep, steps, HRV and glucose variability in plain words', () => {
    // Sleep: 7 h on weeknights, 7 h 50 min before Saturday and Sunday; Wednesday to Saturday 70 min short.
    const sleepUsual = (i: number): number => (i % 7 >= 5 ? 470 : 420);
    const sleep = detectAnomalies(
      'sleep',
      series(120, (i) => sleepUsual(i) - (i >= 100 && i <= 103 ? 70 : 0)),
    );
    expect(sleep.map((e) => e.explanation)).toEqual(['Sleep 1 h 10 min shorter than usual for 4 nights']);
    expect(sleep[0]!.meanDeviation).toBeCloseTo(-70, 6);
    // Steps: 8,000 a day, 5,000 on Sundays; Wednesday to Sunday 45 % fewer.
    const stepsUsual = (i: number): number => (i % 7 === 6 ? 5000 : 8000);
    const steps = detectAnomalies(
      'steps',
      series(120, (i) => stepsUsual(i) * (i >= 100 && i <= 104 ? 0.55 : 1)),
    );
    expect(steps.map((e) => e.explanation)).toEqual(['Steps 45 % below your usual for 5 days']);
    const around = (i: number, from: number, to: number, usual: number, wobble: number, during: number): number =>
      i === from - 1 || i === to + 1 ? usual : i >= from && i <= to ? during : usual + wobble * WOBBLE[i % 11]!;
    const hrv = detectAnomalies(
      'hrv_sdnn',
      series(80, (i) => around(i, 60, 63, 50, 1, 38)),
    );
    expect(hrv.map((e) => e.explanation)).toEqual(['Heart rate variability (SDNN) 24 % below your usual (50 ms) for 4 days']);
    const cv = detectAnomalies(
      'glucose_cv',
      series(80, (i) => around(i, 60, 62, 20, 0.5, 27)),
    );
    expect(cv.map((e) => e.explanation)).toEqual(['Glucose variability (CV) 7 percentage points above your usual (20 %) for 3 days']);
    // Only the directions that matter are flagged: a rise in HRV is not.
    expect(
      detectAnomalies(
        'hrv_sdnn',
        series(80, (i) => around(i, 60, 63, 50, 1, 70)),
      ),
    ).toEqual([]);
  });

  it('rejects malformed days', () => {
    expect(() => detectAnomalies('steps', [{ day: '2026-1-5', value: 1 }])).toThrow('not a YYYY-MM-DD day');
  });
});

describe('daily glucose CV from CGM readings', () => {
  it('takes the local day from each reading’s offset and keeps only days covered for ≥ 12 h', () => {
    const startMs: number[] = [],
      valueMgDl: number[] = [],
      offsetMin: number[] = [];
    const add = (t: number, v: number): void => {
      startMs.push(t);
      valueMgDl.push(v);
      offsetMin.push(60); // UTC+1
    };
    // 2026-03-01 local (from 23:00 UTC the day before): 24 h of 5-min readings, 100 ± 30 mg/dL sine.
    const d1 = Date.UTC(2026, 2, 1) - 3_600_000;
    for (let k = 0; k < 288; k++) add(d1 + k * 300_000, 100 + 30 * Math.sin((2 * Math.PI * k) / 288));
    // 2026-03-02: 10 h of 5-min readings (too little).
    for (let k = 0; k < 120; k++) add(d1 + 86_400_000 + k * 300_000, 120);
    // 2026-03-03: 12.5 h of 15-min readings (enough), alternating 90 and 110 mg/dL.
    for (let k = 0; k < 50; k++) add(d1 + 2 * 86_400_000 + k * 900_000, k % 2 ? 110 : 90);
    const cv = dailyGlucoseCv({ startMs, valueMgDl, offsetMin });
    expect(cv.map((d) => d.day)).toEqual(['2026-03-01', '2026-03-03']);
    expect(cv[0]!.value).toBeCloseTo((100 * 30) / Math.SQRT2 / 100, 6); // SD of a sine = amplitude / √2
    expect(cv[1]!.value).toBeCloseTo(10, 6);
  });
});

describe('evaluation on injected synthetic anomalies', () => {
  it('is deterministic for a seed', () => {
    const a = evaluateAnomalyDetection({ metric: 'steps', persons: 3, days: 200, seed: 5 });
    expect(evaluateAnomalyDetection({ metric: 'steps', persons: 3, days: 200, seed: 5 })).toEqual(a);
    expect(a.injected).toBeGreaterThan(6);
  });

  // Measured with these settings (100 persons × 365 days, seed 1); see docs/models.md. Sleep is flagged in
  // both directions, which doubles its false alarms; it measures below 0.8 and is held to 0.75.
  const FLOOR: Record<AnomalyMetric, number> = { resting_heart_rate: 0.8, hrv_sdnn: 0.8, sleep: 0.75, steps: 0.8, glucose_cv: 0.8 };
  it.each(ANOMALY_METRICS)('%s: event-level recall and precision reach the floor', (metric) => {
    const e = evaluateAnomalyDetection({ metric, persons: 100, days: 365, seed: 1 });
    expect(e.injected).toBeGreaterThan(700);
    expect(e.recall).toBeGreaterThanOrEqual(FLOOR[metric]);
    expect(e.precision).toBeGreaterThanOrEqual(FLOOR[metric]);
    expect(e.falseAlarmsPer100PersonDays).toBeLessThan(0.7);
  });
});
