import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keyedStreams,
  mulHi32,
  philox4x32,
  RANDOM_PURPOSES,
  randomStream,
  type RandomPurpose,
  type Rng,
} from '../../../models/util/random.ts';

const PURPOSES = Object.keys(RANDOM_PURPOSES) as RandomPurpose[];
const draws = (r: Rng, n: number): number[] => Array.from({ length: n }, () => r.next());
const mean = (xs: readonly number[]): number => {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
};
function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs),
    my = mean(ys);
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('Philox4x32-10', () => {
  it("matches the Random123 library's published known-answer vectors (kat_vectors)", () => {
    const hex = (a: Uint32Array): string[] => Array.from(a, (x) => x.toString(16).padStart(8, '0'));
    expect(hex(philox4x32([0, 0, 0, 0], [0, 0]))).toEqual(['6627e8d5', 'e169c58d', 'bc57ac4c', '9b00dbd8']);
    expect(hex(philox4x32([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff]))).toEqual([
      '408f276d',
      '41c83b0e',
      'a20bc7c6',
      '6d5451fd',
    ]);
    expect(hex(philox4x32([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0]))).toEqual([
      'd16cfe09',
      '94fdcceb',
      '5001e420',
      '24126ea1',
    ]);
  });

  it('the fast 32 × 32 → high-32 product equals the exact one (BigInt reference)', () => {
    const exact = (a: number, b: number): number => Number((BigInt(a) * BigInt(b)) >> 32n);
    for (const a of [0, 1, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xd2511f53, 0xcd9e8d57, 0xffffffff])
      for (const b of [0, 1, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff]) expect(mulHi32(a, b)).toBe(exact(a, b));
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), (a, b) => mulHi32(a, b) === exact(a, b)),
      { numRuns: 20_000 },
    );
  });
});

describe('keyed random streams (seed, purpose, member)', () => {
  it('purposes have distinct, stable numbers', () => {
    const ids = Object.values(RANDOM_PURPOSES);
    expect(new Set(ids).size).toBe(ids.length);
    // The numbers are part of every seeded result: these never change.
    expect(RANDOM_PURPOSES).toMatchObject({ prior: 1, 'calibration.resample': 2, 'calibration.mh': 3, 'visit.tests': 6 });
  });

  it('a stream is Philox of (block, member) under the key (seed, purpose): reproducible from its key alone', () => {
    const r = randomStream(42, 'calibration.mh', 7);
    const words = [...philox4x32([0, 7, 0, 0], [42, RANDOM_PURPOSES['calibration.mh']]), ...philox4x32([1, 7, 0, 0], [42, 3])];
    expect(draws(r, 8)).toEqual(words.map((w) => w / 2 ** 32));
    expect(draws(randomStream(42, 'calibration.mh', 7), 1000)).toEqual(draws(randomStream(42, 'calibration.mh', 7), 1000));
    expect(draws(keyedStreams(42)('calibration.mh', 7), 50)).toEqual(draws(randomStream(42, 'calibration.mh', 7), 50));
    expect(draws(keyedStreams(42)('prior'), 50)).toEqual(draws(randomStream(42, 'prior', 0), 50));
  });

  it('streams differ by seed, by purpose and by member', () => {
    const first = new Set<string>();
    for (const seed of [0, 1, 2, 2 ** 32 - 1])
      for (const purpose of PURPOSES)
        for (const member of [0, 1, 2, 1000, 2 ** 32 - 1]) first.add(draws(randomStream(seed, purpose, member), 4).join());
    expect(first.size).toBe(4 * PURPOSES.length * 5);
  });

  it('refuses a seed or member that is not a whole number in range (instead of silently reusing a stream)', () => {
    expect(() => randomStream(1.5, 'prior')).toThrow(/seed must be a whole number, got 1.5/);
    expect(() => randomStream(1, 'prior', -1)).toThrow(/member must be 0 to 2\^32 − 1, got -1/);
    expect(() => randomStream(1, 'prior', 2 ** 32)).toThrow(RangeError);
  });

  it('property: whatever is drawn from other streams, and in whatever order, each stream gives the same numbers', () => {
    const key = fc.record({ purpose: fc.constantFrom(...PURPOSES), member: fc.nat({ max: 50 }) });
    fc.assert(
      fc.property(
        fc.nat({ max: 0xffffffff }),
        fc.uniqueArray(key, { minLength: 2, maxLength: 5, selector: (k) => `${k.purpose}/${k.member}` }),
        fc.array(fc.record({ stream: fc.nat(), normal: fc.boolean() }), { maxLength: 200 }),
        (seed, keys, schedule) => {
          // Interleaved: one stream object per key, drawn in the schedule's order.
          const streams = keys.map((k) => randomStream(seed, k.purpose, k.member));
          const seen: number[][] = keys.map(() => []);
          for (const s of schedule) {
            const j = s.stream % keys.length;
            seen[j]!.push(s.normal ? streams[j]!.normal() : streams[j]!.next());
          }
          // Alone: each key's own draws, nothing else drawn.
          keys.forEach((k, j) => {
            const alone = randomStream(seed, k.purpose, k.member);
            const mine = schedule.filter((s) => s.stream % keys.length === j).map((s) => (s.normal ? alone.normal() : alone.next()));
            expect(seen[j]).toEqual(mine);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('keyed streams: statistical sanity (fixed seeds, loose thresholds of about 5 standard errors)', () => {
  const N = 200_000;

  it('uniform: mean, variance, range and 100-bin chi-square', () => {
    const xs = draws(randomStream(2026, 'prior', 3), N);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const m = mean(xs);
    expect(Math.abs(m - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    const v = mean(xs.map((x) => (x - m) ** 2));
    expect(Math.abs(v - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / N));
    const bins = new Array<number>(100).fill(0);
    for (const x of xs) bins[Math.floor(x * 100)]!++;
    const chi2 = bins.reduce((a, o) => a + (o - N / 100) ** 2 / (N / 100), 0);
    expect(chi2).toBeLessThan(99 + 5 * Math.sqrt(2 * 99));
  });

  it('normal: mean, variance, skewness, excess kurtosis and the two-sided 5 % tail', () => {
    const r = randomStream(2026, 'visit.tests', 11);
    const zs = Array.from({ length: N }, () => r.normal());
    const m = mean(zs);
    const v = mean(zs.map((z) => (z - m) ** 2));
    const skew = mean(zs.map((z) => (z - m) ** 3)) / v ** 1.5;
    const exKurt = mean(zs.map((z) => (z - m) ** 4)) / v ** 2 - 3;
    expect(Math.abs(m)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(v - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    expect(Math.abs(skew)).toBeLessThan(5 * Math.sqrt(6 / N));
    expect(Math.abs(exKurt)).toBeLessThan(5 * Math.sqrt(24 / N));
    const tail = zs.filter((z) => Math.abs(z) > 1.959964).length / N;
    expect(Math.abs(tail - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / N));
  });

  it('no correlation between adjacent members, adjacent purposes or adjacent seeds, nor at lag 1 within a stream', () => {
    const n = 20_000;
    const limit = 5 / Math.sqrt(n);
    for (let k = 0; k < 10; k++) {
      expect(Math.abs(correlation(draws(randomStream(7, 'prior', k), n), draws(randomStream(7, 'prior', k + 1), n)))).toBeLessThan(limit);
      expect(Math.abs(correlation(draws(randomStream(k, 'prior', 0), n), draws(randomStream(k + 1, 'prior', 0), n)))).toBeLessThan(limit);
      const [p, q] = [PURPOSES[k]!, PURPOSES[k + 1]!];
      expect(Math.abs(correlation(draws(randomStream(7, p, k), n), draws(randomStream(7, q, k), n)))).toBeLessThan(limit);
      const xs = draws(randomStream(7, 'calibration.mh', k), n + 1);
      expect(Math.abs(correlation(xs.slice(0, n), xs.slice(1)))).toBeLessThan(limit);
    }
  });

  it('across members (each member draws only a few numbers): the first draws of members 0..n-1 are uniform and uncorrelated with the next', () => {
    const n = 50_000;
    const firsts: number[] = [];
    const seconds: number[] = [];
    const otherPurpose: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = randomStream(1, 'prior', i);
      firsts.push(r.next());
      seconds.push(r.next());
      otherPurpose.push(randomStream(1, 'cohort.population', i).next());
    }
    expect(Math.abs(mean(firsts) - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    const limit = 5 / Math.sqrt(n);
    expect(Math.abs(correlation(firsts, seconds))).toBeLessThan(limit);
    expect(Math.abs(correlation(firsts.slice(0, -1), firsts.slice(1)))).toBeLessThan(limit);
    expect(Math.abs(correlation(firsts, otherPurpose))).toBeLessThan(limit);
  });
});
