import { describe, expect, it } from 'vitest';
import {
  cgmCoverage,
  EVENT_BINS_MIN,
  forecastWindows,
  fromNetwork,
  historyLength,
  latestWindow,
  networkInputs,
  networkTargets,
  splitDays,
  withEvents,
} from '../../../models/ml/forecast-data.ts';
import { judge, MIN_TEST_WINDOWS } from '../../../models/ml/verdict.ts';
import { generateCgm } from '../../../tools/gen/cgm.ts';
import type { Windows } from '../../../models/ml/windows.ts';

const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

function steady(days: number, intervalMin = 5, offsetMin = 0, skipDay?: number) {
  const startMs: number[] = [],
    valueMgDl: number[] = [],
    offset: number[] = [];
  for (let t = T0; t < T0 + days * DAY; t += intervalMin * 60_000) {
    if (skipDay !== undefined && Math.floor((t - T0) / DAY) === skipDay && (t - T0) % DAY < 13 * 3_600_000) continue;
    startMs.push(t);
    valueMgDl.push(100 + 20 * Math.sin(t / 3_600_000));
    offset.push(offsetMin);
  }
  return { startMs, valueMgDl, offsetMin: offset };
}

describe('forecaster data', () => {
  it('coverage counts local days with ≥ 12 h of readings, at the series interval', () => {
    expect(cgmCoverage(steady(8))).toMatchObject({ intervalMin: 5, coveredDays: 8 });
    // 13 h missing on day 3: 11 h left, not a covered day.
    expect(cgmCoverage(steady(8, 5, 0, 3)).coveredDays).toBe(7);
    expect(cgmCoverage(steady(8, 15)).intervalMin).toBe(15);
    // Shifted by a local offset of +10 h, the 8 UTC days touch 9 local days: 7 full, one of 14 h, one of 10 h.
    expect(cgmCoverage(steady(8, 5, 600)).coveredDays).toBe(8);
  });

  it('an hour of history at any interval', () => {
    expect(historyLength(5)).toBe(12);
    expect(historyLength(15)).toBe(4);
    expect(historyLength(60)).toBe(3);
  });

  it('splits at local midnights: training, then early-stopping days, then at least 2 held-out days; no target crosses a boundary', () => {
    const s = steady(12, 5, 120);
    const w = forecastWindows(s, 30);
    const split = splitDays(w, cgmCoverage(s), 120, 30);
    const local = (t: number) => new Date(t + 120 * 60_000).toISOString();
    expect(local(split.testFromMs)).toMatch(/T00:00:00/);
    expect(local(split.valFromMs)).toMatch(/T00:00:00/);
    expect(split.testFromMs - split.valFromMs).toBe(2 * DAY); // 13 local days: 3 held out, round(10 / 6) = 2 for early stopping
    const h = 30 * 60_000 + 2.5 * 60_000;
    // Targets (due 30 min after the last input, taken up to half an interval later) inside their part.
    expect(Math.max(...split.train.tMs) + h).toBeLessThan(split.valFromMs);
    expect(Math.min(...split.val.tMs)).toBeGreaterThanOrEqual(split.valFromMs);
    expect(Math.max(...split.val.tMs) + h).toBeLessThan(split.testFromMs);
    expect(Math.min(...split.test.tMs)).toBeGreaterThanOrEqual(split.testFromMs);
    expect(split.testDays).toBe(3);
    // The windows straddling the two boundaries are left out: 6 each, whose targets are due 0-25 min past a midnight.
    expect(w.n - (split.train.n + split.val.n + split.test.n)).toBe(12);
    const small = steady(3);
    expect(splitDays(forecastWindows(small, 30), cgmCoverage(small), 0, 30).testFromMs).toBe(T0 + DAY);
  });

  it('meal and insulin features: amounts summed in past bins, never from the future', () => {
    const s = steady(1);
    const w = forecastWindows(s, 30);
    const carbs = [
      { startMs: T0 + 6 * 3_600_000, amount: 40 },
      { startMs: T0 + 7 * 3_600_000 - 10 * 60_000, amount: 10 },
    ];
    const e = withEvents(w, [carbs]);
    expect(e.features).toBe(w.features + EVENT_BINS_MIN.length);
    const row = (t: number) => {
      const i = Array.from(e.tMs).indexOf(t);
      return Array.from(e.x.subarray(i * e.features + w.features, (i + 1) * e.features));
    };
    // At 07:00 the 06:50 meal is 10 min old (bin 0-30) and the 06:00 meal 60 min old (bin 60-120: ages are [from, to)).
    expect(row(T0 + 7 * 3_600_000)).toEqual([10, 0, 40, 0]);
    // At 06:40 the 06:00 meal is 40 min old.
    expect(row(T0 + 6 * 3_600_000 + 40 * 60_000)).toEqual([0, 40, 0, 0]);
    // At 05:55 neither meal has happened.
    expect(row(T0 + 6 * 3_600_000 - 5 * 60_000)).toEqual([0, 0, 0, 0]);
    // At 08:30 they are 100 and 150 min old.
    expect(row(T0 + 8.5 * 3_600_000)).toEqual([0, 0, 10, 40]);
  });

  it('network inputs are differences from the last reading; a zero output is the persistence forecast', () => {
    const s = steady(1);
    const w = forecastWindows(s, 60);
    const x = networkInputs(w, 12);
    expect(x[11]).toBeCloseTo((w.last[0]! - 140) / 50, 6);
    expect(x[0]).toBeCloseTo((w.x[0]! - w.last[0]!) / 50, 6);
    expect(x[12]).toBe(w.x[12]);
    expect(Array.from(fromNetwork(w, new Float32Array(w.n)))).toEqual(Array.from(w.last));
    const back = fromNetwork(w, networkTargets(w));
    back.forEach((v, i) => expect(v).toBeCloseTo(w.y[i]!, 3));
    expect(fromNetwork(w, new Float32Array(w.n).fill(100))[0]).toBe(400);
  });

  it('the latest window ends at the newest reading, and there is none across a gap', () => {
    const s = steady(1);
    const w = latestWindow(s)!;
    expect(w.n).toBe(1);
    expect(w.tMs[0]).toBe(s.startMs.at(-1));
    expect(Array.from(w.x.subarray(0, 12))).toEqual(s.valueMgDl.slice(-12).map((v) => Math.fround(v)));
    const gap = { ...s, startMs: [...s.startMs] };
    gap.startMs[gap.startMs.length - 4]! -= 20 * 60_000;
    expect(latestWindow(gap)).toBeUndefined();
    expect(latestWindow({ startMs: [T0], valueMgDl: [100], offsetMin: [0] })).toBeUndefined();
  });

  it('synthetic CGM with meals yields windows on most readings', () => {
    const g = generateCgm({ days: 10, startMs: T0, seed: 2, withCarbs: true });
    const w = forecastWindows(g, 30, [g.carbs.map((c) => ({ startMs: c.startMs, amount: c.grams }))]);
    expect(w.n / g.startMs.length).toBeGreaterThan(0.8);
  });
});

function windows(y: number[], last: number[]): Windows {
  return {
    x: new Float32Array(y.length),
    y: Float32Array.from(y),
    last: Float32Array.from(last),
    tMs: new Float64Array(y.length),
    n: y.length,
    features: 1,
  };
}

describe('the verdict: shown only where it beats both baselines on held-out days', () => {
  const n = MIN_TEST_WINDOWS;
  const y = Array.from({ length: n }, (_, i) => 100 + (i % 10) * 10);
  const persistence = y.map((v) => v + 15);
  const linear = y.map((v, i) => v + (i % 2 ? 8 : -8));

  it('beats both on RMSE and MARD', () => {
    const e = judge(
      30,
      { nTrain: 1000, nVal: 100 },
      windows(y, persistence),
      y.map((v, i) => v + (i % 2 ? 3 : -4)),
      persistence,
      linear,
    );
    expect(e).toMatchObject({ beatsBaselines: true, nTest: n, nTrain: 1000 });
    expect(e.reason).toBeUndefined();
    expect(e.model.rmseMgDl).toBeCloseTo(Math.sqrt((9 + 16) / 2), 6);
    expect(e.band).toEqual({ lowMgDl: -3, highMgDl: 4 });
  });

  it('loses to the linear model: not shown, and says on what', () => {
    const e = judge(
      60,
      { nTrain: 1000, nVal: 100 },
      windows(y, persistence),
      y.map((v) => v + 10),
      persistence,
      linear,
    );
    expect(e.beatsBaselines).toBe(false);
    expect(e.reason).toBe('no better than the simpler forecasts on RMSE and MARD');
  });

  it('an edge under 2 % is not enough', () => {
    // 1 % below the linear model's RMSE and MARD: could be chance on correlated windows.
    const e = judge(
      30,
      { nTrain: 1000, nVal: 100 },
      windows(y, persistence),
      y.map((v, i) => v + (i % 2 ? 7.92 : -7.92)),
      persistence,
      linear,
    );
    expect(e.model.rmseMgDl).toBeLessThan(e.linear.rmseMgDl);
    expect(e.beatsBaselines).toBe(false);
    expect(e.reason).toBe('no better than the simpler forecasts on RMSE and MARD');
  });

  it('a diverged network (NaN forecasts) is never shown', () => {
    const e = judge(
      30,
      { nTrain: 1000, nVal: 100 },
      windows(y, persistence),
      y.map(() => NaN),
      persistence,
      linear,
    );
    expect(e.beatsBaselines).toBe(false);
  });

  it('too few held-out windows: no verdict', () => {
    const k = n - 1;
    const e = judge(
      30,
      { nTrain: 10, nVal: 1 },
      windows(y.slice(0, k), persistence.slice(0, k)),
      y.slice(0, k),
      persistence.slice(0, k),
      linear.slice(0, k),
    );
    expect(e.beatsBaselines).toBe(false);
    expect(e.reason).toBe(`only ${k} held-out forecasts (${n} needed to judge)`);
  });
});
