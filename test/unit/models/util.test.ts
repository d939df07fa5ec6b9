import { describe, expect, it } from 'vitest';
import { createRng } from '../../../models/util/random.ts';
import { dayAtOffset, isoWithOffset, localDay, utcMonth } from '../../../models/util/time.ts';
import { NO_OFFSET } from '../../../models/samples.ts';

describe('time', () => {
  it('takes the local day in the sample offset', () => {
    const t = Date.parse('2024-03-31T00:30:00+02:00'); // 22:30 UTC on the 30th
    expect(dayAtOffset(t, 120)).toBe('2024-03-31');
    expect(localDay(t, 120)).toBe('2024-03-31');
    expect(dayAtOffset(t, 0)).toBe('2024-03-30');
    expect(utcMonth(t)).toBe('2024-03');
    expect(isoWithOffset(t, 120)).toBe('2024-03-31T00:30:00+02:00');
    expect(isoWithOffset(t, -330)).toBe('2024-03-30T17:00:00-05:30');
  });

  it('falls back to the device zone without an offset', () => {
    const t = Date.parse('2024-06-01T12:00:00Z');
    const d = new Date(t);
    const expected = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(localDay(t, NO_OFFSET)).toBe(expected);
  });
});

describe('seeded random numbers', () => {
  it('repeat for a seed and differ between seeds', () => {
    const a = createRng(42),
      b = createRng(42),
      c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('are uniform in [0, 1) and standard normal', () => {
    const r = createRng(1);
    const n = 200_000;
    let sum = 0,
      sumSq = 0,
      lo = 1,
      hi = 0,
      nsum = 0,
      nsq = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      sum += u;
      sumSq += u * u;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      const z = r.normal();
      nsum += z;
      nsq += z * z;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumSq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2);
    expect(nsum / n).toBeCloseTo(0, 1);
    expect(nsq / n).toBeCloseTo(1, 1);
  });
});
