import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapTotal, rankSources, type SourceInfo } from '../../../models/aggregate/overlap.ts';

const M = 60_000;
const SOURCES: Record<number, SourceInfo> = {
  0: { kindRank: 0, name: "Ann's Apple Watch" },
  1: { kindRank: 1, name: "Ann's iPhone" },
  2: { kindRank: 2, name: 'Fitbit' },
  3: { kindRank: 2, name: 'Garmin' },
};
const info = (id: number): SourceInfo => SOURCES[id]!;
function day(rows: [startMin: number, endMin: number, value: number, source: number][]) {
  return {
    start: rows.map((r) => r[0] * M),
    end: rows.map((r) => r[1] * M),
    value: rows.map((r) => r[2]),
    source: rows.map((r) => r[3]),
    idx: rows.map((_, i) => i),
  };
}
const total = (rows: [number, number, number, number][], inf = info): number => {
  const d = day(rows);
  return overlapTotal(d, d.idx, inf);
};

describe('overlap rule (docs/metrics.md)', () => {
  it('counts a moment once: the watch wins where it overlaps the phone', () => {
    // Phone walks 10:00-10:30 (3000 steps); the watch covers 10:00-10:10 (1200 steps).
    expect(
      total([
        [600, 630, 3000, 1],
        [600, 610, 1200, 0],
      ]),
    ).toBeCloseTo(1200 + 3000 * (20 / 30), 9);
  });

  it('lets a lower source contribute only the uncovered fraction of its interval', () => {
    // Phone 09:00-10:00 = 600; watch covers 09:15-09:30 and 09:45-10:15.
    expect(
      total([
        [540, 600, 600, 1],
        [555, 570, 150, 0],
        [585, 615, 300, 0],
      ]),
    ).toBeCloseTo(450 + 600 * (30 / 60), 9);
  });

  it('never lets samples of one source shadow each other', () => {
    expect(
      total([
        [600, 630, 100, 1],
        [610, 640, 100, 1],
      ]),
    ).toBe(200);
  });

  it('breaks ties between equal classes by samples that day, then by name', () => {
    // Two "other" sources cover the same hour; Garmin has more samples that day, so it wins.
    expect(
      total([
        [600, 660, 500, 2],
        [600, 630, 300, 3],
        [630, 660, 300, 3],
      ]),
    ).toBe(600);
    // Same count: Fitbit sorts first.
    expect(
      total([
        [600, 660, 500, 2],
        [600, 660, 700, 3],
      ]),
    ).toBe(500);
    expect(rankSources([3, 2, 1, 0], () => 1, info)).toEqual([0, 1, 2, 3]);
  });

  it("follows the user's order over the default classes", () => {
    const user = (id: number): SourceInfo => ({ ...SOURCES[id]!, userRank: id === 1 ? 0 : id === 0 ? 1 : undefined });
    expect(
      total(
        [
          [600, 630, 3000, 1],
          [600, 610, 1200, 0],
        ],
        user,
      ),
    ).toBe(3000);
  });

  it('counts a point sample of a lower source only outside higher coverage', () => {
    expect(
      total([
        [600, 660, 500, 0],
        [620, 620, 70, 1],
        [700, 700, 30, 1],
      ]),
    ).toBe(530);
  });

  const rowArb = fc
    .tuple(
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 500 }),
      fc.integer({ min: 0, max: 3 }),
    )
    .map(([s, len, v, src]) => [s, s + len, v, src] as [number, number, number, number]);

  it('properties: one source is a plain sum; the total never exceeds the plain sum nor falls below the top source; input order is irrelevant', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 25 }), (rows) => {
        const t = total(rows);
        const plain = rows.reduce((a, r) => a + r[2], 0);
        expect(t).toBeLessThanOrEqual(plain + 1e-6);
        // the source ranked first that day (class, then samples that day, then name) always counts in full
        const top = rankSources(new Set(rows.map((r) => r[3])), (id) => rows.filter((r) => r[3] === id).length, info)[0];
        const topSum = rows.filter((r) => r[3] === top).reduce((a, r) => a + r[2], 0);
        if (rows.length) expect(t).toBeGreaterThanOrEqual(topSum - 1e-6);
        expect(total([...rows].reverse())).toBeCloseTo(t, 6);
        const single = rows.map((r) => [r[0], r[1], r[2], 0] as [number, number, number, number]);
        expect(total(single)).toBe(single.reduce((a, r) => a + r[2], 0));
      }),
      { numRuns: 500 },
    );
  });

  it('property: a lower source that exactly repeats the top source adds nothing (phone + watch recording the same walk)', () => {
    fc.assert(
      fc.property(
        fc.array(
          rowArb.map(([a, b, v]) => [a, Math.max(b, a + 1), v, 0] as [number, number, number, number]),
          { maxLength: 15 },
        ),
        (watch) => {
          const phone = watch.map(([a, b, v]) => [a, b, v, 1] as [number, number, number, number]);
          expect(total([...watch, ...phone])).toBeCloseTo(total(watch), 6);
        },
      ),
      { numRuns: 300 },
    );
  });
});
