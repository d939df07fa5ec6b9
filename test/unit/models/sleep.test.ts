import { describe, expect, it } from 'vitest';
import { sleepHoursPerNight } from '../../../models/twin/sleep.ts';

const H = 3_600_000;
/** Nights as [bedtime hours from 2024-01-01T00:00Z, hours asleep]. */
function nights(list: [number, number][]) {
  const t0 = Date.UTC(2024, 0, 1);
  return {
    start: list.map(([b]) => t0 + b * H),
    end: list.map(([b, h]) => t0 + (b + h) * H),
    value: list.map(([, h]) => h * 60),
    offsetMin: list.map(() => 0),
  };
}

describe('sleepHoursPerNight', () => {
  it('puts a night on its wake day, so a bedtime after midnight does not double a day', () => {
    // Night 1: 23:30 → 06:30 (7 h). Night 2: 00:30 the next night → 07:00 (6.5 h). Night 3: 23:00 → 06:00.
    const s = nights([
      [23.5, 7],
      [48.5, 6.5],
      [71, 7],
    ]);
    expect(sleepHoursPerNight(s)).toBeCloseTo((7 + 6.5 + 7) / 3, 6);
  });

  it('adds naps and split sleep on the same wake day, and skips nights without data', () => {
    const s = nights([
      [23, 4],
      [27.5, 3],
      [24 * 5 + 23, 8],
    ]);
    expect(sleepHoursPerNight(s)).toBeCloseTo((7 + 8) / 2, 6);
  });

  it('uses the last N nights only', () => {
    const s = nights([
      [23, 5],
      [47, 9],
      [71, 9],
    ]);
    expect(sleepHoursPerNight(s, 2)).toBe(9);
    expect(sleepHoursPerNight(nights([]))).toBeUndefined();
  });
});
