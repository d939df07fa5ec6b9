import { describe, expect, it } from 'vitest';
import { generateCgm } from '../../../tools/gen/cgm.ts';
import { agp } from '../../../models/cgm/agp.ts';
import { makeWindows } from '../../../models/ml/windows.ts';

const START = Date.UTC(2026, 0, 1);

describe('synthetic CGM for the forecaster', () => {
  const trace = generateCgm({ days: 30, startMs: START, offsetMin: 60, seed: 3, withCarbs: true });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateCgm({ days: 30, startMs: START, offsetMin: 60, seed: 3, withCarbs: true })).toEqual(trace);
    expect(generateCgm({ days: 30, startMs: START, offsetMin: 60, seed: 4 }).valueMgDl).not.toEqual(trace.valueMgDl);
  });

  it('looks like a person without diabetes on a sensor: in range most of the time, meal peaks after meals, a dawn rise, gaps', () => {
    const r = agp(trace.startMs, trace.valueMgDl, trace.offsetMin, 30)!;
    expect(r.time.inRange).toBeGreaterThan(85);
    expect(r.meanMgDl).toBeGreaterThan(95);
    expect(r.meanMgDl).toBeLessThan(140);
    expect(r.cvPercent).toBeGreaterThan(10);
    expect(r.cvPercent).toBeLessThan(36);
    // Sensor gaps: fewer readings than a full 30 days, and a known warm-up gap on day 10.
    expect(trace.startMs.length).toBeLessThan(30 * 288);
    expect(trace.startMs.length).toBeGreaterThan(0.9 * 30 * 288);
    const at = (m: number): number => r.profile.p50[r.profile.minute.indexOf(m)]!;
    expect(at(20 * 60 + 37.5)).toBeGreaterThan(at(3 * 60 + 37.5) + 20); // after dinner vs the night
    expect(at(6 * 60 + 7.5)).toBeGreaterThan(at(3 * 60 + 37.5)); // dawn
    expect(trace.carbs.length).toBeGreaterThanOrEqual(90);
  });

  it('gives forecasting windows only where readings are continuous', () => {
    const w = makeWindows(trace, 12, 30);
    expect(w.n).toBeGreaterThan(0.8 * trace.startMs.length);
    expect(w.n).toBeLessThan(trace.startMs.length - 17);
  });
});
