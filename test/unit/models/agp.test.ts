import { describe, expect, it } from 'vitest';
import { agp, readingIntervalMin } from '../../../models/cgm/agp.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

/** Readings every 5 minutes for `days` days from a function of (local minute of day, day). */
function series(days: number, f: (minute: number, day: number) => number, offsetMin = 0) {
  const start: number[] = [],
    value: number[] = [],
    offset: number[] = [];
  for (let t = T0; t < T0 + days * DAY; t += 300_000) {
    const local = (((t / 60_000 + offsetMin) % 1440) + 1440) % 1440;
    start.push(t);
    value.push(f(local, Math.floor((t - T0) / DAY)));
    offset.push(offsetMin);
  }
  return { start, value, offset };
}

describe('AGP (Battelino 2019 consensus)', () => {
  it('GMI follows Bergenstal 2018 worked values', () => {
    for (const [mean, gmi] of [
      [100, 5.7],
      [150, 6.9],
      [200, 8.1],
      [250, 9.3],
    ] as const) {
      const s = series(14, () => mean);
      expect(agp(s.start, s.value, s.offset, 14)!.gmiPercent).toBeCloseTo(gmi, 1);
    }
  });

  it('puts each reading in its consensus range, boundaries included as published', () => {
    const values = [53, 54, 69, 70, 180, 181, 250, 251];
    const r = agp(
      values.map((_, i) => T0 + i * 300_000),
      values,
      values.map(() => 0),
      1,
    )!;
    expect(r.time).toEqual({ veryLow: 12.5, low: 25, inRange: 25, high: 25, veryHigh: 12.5 });
  });

  it('classifies mmol/L readings at the consensus boundaries as the consensus does (3.0, 3.9, 10.0, 13.9 mmol/L)', () => {
    const mmol = [2.9, 3.0, 3.8, 3.9, 10.0, 10.1, 13.9, 14.0];
    const values = mmol.map((x) => x * 18.016);
    const r = agp(
      values.map((_, i) => T0 + i * 300_000),
      values,
      values.map(() => 0),
      1,
    )!;
    expect(r.time).toEqual({ veryLow: 12.5, low: 25, inRange: 25, high: 25, veryHigh: 12.5 });
  });

  it('mean, CV and sensor-active share', () => {
    const s = series(14, (_, day) => (day % 2 ? 80 : 120));
    const r = agp(s.start, s.value, s.offset, 14)!;
    expect(r.meanMgDl).toBeCloseTo(100, 6);
    expect(r.cvPercent).toBeCloseTo(20, 6);
    expect(r.activePercent).toBeCloseTo(100, 6);
    const half = agp(
      s.start.filter((_, i) => i % 2 === 0),
      s.value.filter((_, i) => i % 2 === 0),
      s.offset.filter((_, i) => i % 2 === 0),
      14,
    )!;
    expect(half.activePercent).toBeCloseTo(50, 6);
  });

  it('profiles by local time of day: a breakfast peak at 08:00 local stays at 08:00 in any time zone', () => {
    const peak = (m: number): number => (m >= 480 && m < 540 ? 200 : 100);
    for (const offset of [0, 330, -420]) {
      const s = series(14, peak, offset);
      const r = agp(s.start, s.value, s.offset, 14)!;
      const at = (minute: number): number => r.profile.p50[r.profile.minute.indexOf(minute)]!;
      expect(at(487.5)).toBe(200);
      expect(at(547.5)).toBe(100);
      expect(at(472.5)).toBe(100);
      expect(r.profile.minute).toHaveLength(96);
    }
  });

  it('no readings, no report; the reading interval is the median gap', () => {
    expect(agp([], [], [], 14)).toBeUndefined();
    expect(readingIntervalMin([0, 900_000, 1_800_000, 2_700_000])).toBe(15);
  });
});
