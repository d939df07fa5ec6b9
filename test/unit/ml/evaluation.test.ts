import { describe, expect, it } from 'vitest';
import { accuracy, clarkeZone, type ClarkeZone } from '../../../models/ml/metrics.ts';
import { makeWindows, splitByTime } from '../../../models/ml/windows.ts';
import { fitLinear, persistence, predictLinear } from '../../../models/ml/baselines.ts';

/** Points read off Clarke et al., Diabetes Care 1987, Fig. 1 (reference, prediction → zone). */
const CLARKE: [number, number, ClarkeZone][] = [
  [100, 100, 'A'],
  [100, 119, 'A'],
  [100, 81, 'A'],
  [50, 65, 'A'],
  [65, 40, 'A'],
  [100, 125, 'B'],
  [120, 180, 'B'],
  [300, 200, 'B'],
  [200, 130, 'B'],
  [100, 220, 'C'],
  [150, 20, 'C'],
  [300, 120, 'D'],
  [250, 75, 'D'],
  [50, 100, 'D'],
  [65, 100, 'D'],
  [60, 200, 'E'],
  [200, 60, 'E'],
  [300, 50, 'E'],
];

describe('forecast accuracy', () => {
  it.each(CLARKE)('Clarke zone of reference %d, prediction %d is %s', (ref, pred, zone) => {
    expect(clarkeZone(ref, pred)).toBe(zone);
  });

  it('RMSE, MARD and zone shares', () => {
    const a = accuracy([100, 200, 100, 60], [110, 180, 100, 200]);
    expect(a.rmseMgDl).toBeCloseTo(Math.sqrt((100 + 400 + 0 + 19600) / 4), 9);
    expect(a.mardPercent).toBeCloseTo((100 * (0.1 + 0.1 + 0 + 140 / 60)) / 4, 9);
    expect(a.clarke).toEqual({ A: 75, B: 0, C: 0, D: 0, E: 25 });
    expect(() => accuracy([], [])).toThrow('accuracy: 0 references');
  });
});

const T0 = Date.UTC(2026, 0, 1);
function series(days: number, f: (i: number) => number, gapAt?: number) {
  const startMs: number[] = [],
    valueMgDl: number[] = [],
    offsetMin: number[] = [];
  for (let i = 0; i < days * 288; i++) {
    if (gapAt !== undefined && i >= gapAt && i < gapAt + 6) continue;
    startMs.push(T0 + i * 300_000);
    valueMgDl.push(f(i));
    offsetMin.push(60);
  }
  return { startMs, valueMgDl, offsetMin };
}

describe('windows and baselines', () => {
  it('windows hold the last readings, the local clock, and the reading due at the horizon; gaps are skipped', () => {
    const s = series(1, (i) => 100 + i);
    const w = makeWindows(s, 12, 30);
    expect(w.n).toBe(288 - 11 - 6);
    expect(Array.from(w.x.subarray(0, 12))).toEqual(Array.from({ length: 12 }, (_, k) => 100 + k));
    expect(w.y[0]).toBe(100 + 11 + 6);
    expect(w.last[0]).toBe(111);
    // 00:55 UTC is 01:55 local: the clock features are of the local time.
    const minute = 115;
    expect(w.x[12]).toBeCloseTo(Math.sin((2 * Math.PI * minute) / 1440), 6);
    const gappy = makeWindows(
      series(1, (i) => 100 + i, 100),
      12,
      30,
    );
    expect(gappy.n).toBeLessThan(w.n - 6);
    for (let i = 0; i < gappy.n; i++) expect(gappy.y[i]! - gappy.last[i]!).toBe(6);
  });

  it('the linear baseline recovers a linear process, refuses an undetermined one, and beats persistence on smooth glucose', () => {
    const lin = makeWindows(
      series(2, (i) => 120 + 0.5 * i),
      6,
      30,
    );
    // Collinear readings: a little ridge makes the problem well posed, and costs next to nothing.
    const exact = predictLinear(fitLinear(lin, 1e-9), lin);
    for (let i = 0; i < lin.n; i++) expect(Math.abs(exact[i]! - lin.y[i]!)).toBeLessThan(0.05);
    expect(() => fitLinear(lin, 0)).toThrow('fitLinear: the training windows do not determine the model');

    const wave = makeWindows(
      series(6, (i) => 120 + 40 * Math.sin((2 * Math.PI * i) / 72)),
      12,
      30,
    );
    const [train, test] = splitByTime(wave, T0 + 4 * 86_400_000);
    expect(train.n + test.n).toBe(wave.n);
    expect(Math.max(...train.tMs)).toBeLessThan(Math.min(...test.tMs));
    const ar = accuracy(test.y, predictLinear(fitLinear(train), test));
    const last = accuracy(test.y, persistence(test));
    expect(ar.rmseMgDl).toBeLessThan(last.rmseMgDl / 5);
    expect(ar.clarke.A).toBe(100);
  });
});
