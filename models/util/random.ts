/**
 * Seeded pseudo-random numbers, deterministic across platforms (integer arithmetic only), so that a
 * seed reproduces the demo person, an ensemble or a virtual cohort bit for bit.
 *
 * Keyed streams (`randomStream`, `keyedStreams`): every random number the twin, the demo person and
 * the calibration and Apple Health generators (tools/gen) draw comes from a stream named by (seed,
 * purpose, member). Draw k of a stream is
 * Philox4x32-10 (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC11,
 * 2011; the Random123 library's counter-based generator) of the counter (k-th block, member) under
 * the key (seed, purpose): a pure function of those numbers. Streams share no state, so adding a
 * draw for one purpose or one member never shifts the draws of another, and a member's draws do not
 * depend on how many members there are.
 *
 * `createRng(seed)`: one sequential stream (SplitMix32-seeded xoshiro128**, Blackman & Vigna 2018,
 * public domain reference code), kept for code outside the twin whose documented figures were
 * measured with it: the ML evaluation's synthetic people and shuffles, the synthetic CGM of
 * tools/gen/cgm.ts (the forecaster's tests and bench:ml figures), the benchmark inputs.
 */
export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Standard normal (Box–Muller, polar-free form; caches the second value). */
  normal(): number;
}

/**
 * What a stream is for. The numbers are part of the key: never renumber or reuse one (a new purpose
 * takes a new number), or every seeded result drawn with it changes.
 */
export const RANDOM_PURPOSES = {
  /** A member's parameters drawn from the population priors (models/twin/members.ts drawMember). */
  prior: 1,
  /** The one uniform offset of the calibration's systematic resampling. */
  'calibration.resample': 2,
  /** A calibrated particle's Metropolis proposals and acceptance draws, move after move. */
  'calibration.mh': 3,
  /** A calibrated member's intervention response, drawn afresh from its prior. */
  'calibration.response': 4,
  /** A virtual trial participant's baseline: sex, height, BMI, age, fasting glucose, HbA1c (cohort.ts). */
  'cohort.population': 5,
  /** Measurement error of the fasting glucose and HbA1c tests at diagnostic visits (engine.ts). */
  'visit.tests': 6,
  /** Measurement error added to a stored forecast's bands (track-record.ts). */
  'forecast.measurement': 7,
  /** A member's peripheral against hepatic insulin sensitivity (members.ts drawMember). */
  'prior.peripheral': 8,
  /** Measurement error of the 2-hour glucose at OGTT visits (models/twin/ascertainment.ts). */
  'visit.ogtt': 9,
  /** A virtual trial candidate's screening tests at entry (cohort.ts). */
  'cohort.screening': 10,
  /** The virtual cross-section the post-load mapping is calibrated on (tools/gen/calibrate-postload.ts). */
  'calibration.postload': 11,
  /** A further baseline OGTT of an enrolled trial member, where a trial reports one (models/validation/trial-cases.ts). */
  'cohort.baselineTest': 12,
  /** The drift a calibrated member gets where its posterior's weight spread is below the published floor (calibration/floor.ts). */
  'calibration.floor': 13,
  /** The demo person (models/demo/synthetic-person.ts), one stream per kind of data. */
  'demo.activity': 101,
  'demo.heart': 102,
  'demo.sleep': 103,
  'demo.weight': 104,
  'demo.bloodPressure': 105,
  'demo.labs': 106,
  'demo.meals': 107,
  'demo.cgm': 108,
  /** The synthetic Apple Health export (tools/gen/apple-health.ts), one stream per kind of record. */
  'gen.heartRate': 204,
  'gen.activity': 205,
  'gen.sleep': 206,
  'gen.scale': 207,
} as const satisfies Record<string, number>;

export type RandomPurpose = keyof typeof RANDOM_PURPOSES;

/** Streams of one seed: the stream for a purpose and a member (default 0). */
export type Streams = (purpose: RandomPurpose, member?: number) => Rng;

const PHILOX_M0 = 0xd2511f53;
const PHILOX_M1 = 0xcd9e8d57;
const PHILOX_W0 = 0x9e3779b9;
const PHILOX_W1 = 0xbb67ae85;
const TWO_32 = 4294967296;

/**
 * High 32 bits of the 64-bit product of two unsigned 32-bit integers. Exact in doubles: both partial
 * products are below 2^48 (checked against BigInt in test/unit/models/random.test.ts).
 */
export function mulHi32(a: number, b: number): number {
  const lo = a * (b & 0xffff);
  const hi = a * (b >>> 16);
  return Math.floor((hi + Math.floor(lo / 65536)) / 65536) >>> 0;
}

/**
 * Philox4x32-10: the 128-bit counter `c` (4 words) encrypted under the 64-bit key `k` (2 words),
 * written to `out`. Ten rounds of the Random123 reference (philox.h), checked against its published
 * known-answer vectors.
 */
export function philox4x32(c: ArrayLike<number>, k: ArrayLike<number>, out: Uint32Array = new Uint32Array(4)): Uint32Array {
  let x0 = c[0]! >>> 0,
    x1 = c[1]! >>> 0,
    x2 = c[2]! >>> 0,
    x3 = c[3]! >>> 0;
  let k0 = k[0]! >>> 0,
    k1 = k[1]! >>> 0;
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      k0 = (k0 + PHILOX_W0) >>> 0;
      k1 = (k1 + PHILOX_W1) >>> 0;
    }
    const hi0 = mulHi32(PHILOX_M0, x0);
    const lo0 = Math.imul(PHILOX_M0, x0) >>> 0;
    const hi1 = mulHi32(PHILOX_M1, x2);
    const lo1 = Math.imul(PHILOX_M1, x2) >>> 0;
    x0 = (hi1 ^ x1 ^ k0) >>> 0;
    x1 = lo1;
    x2 = (hi0 ^ x3 ^ k1) >>> 0;
    x3 = lo0;
  }
  out[0] = x0;
  out[1] = x1;
  out[2] = x2;
  out[3] = x3;
  return out;
}

/** A standard normal from a uniform source, in pairs (Box–Muller); the second of a pair is kept for the next call. */
function normalFrom(next: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = next();
    while (u <= Number.EPSILON) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

const checkedWord = (x: number, what: string): number => {
  if (!Number.isInteger(x)) throw new RangeError(`random stream ${what} must be a whole number, got ${x}`);
  return x >>> 0;
};

/**
 * The stream keyed by (seed, purpose, member). Seeds are taken modulo 2^32 (as createRng does);
 * members are 0 to 2^32 − 1. Key (seed, purpose); counter (block, member, block / 2^32, 0).
 */
export function randomStream(seed: number, purpose: RandomPurpose, member = 0): Rng {
  const key = [checkedWord(seed, 'seed'), RANDOM_PURPOSES[purpose]];
  if (!Number.isInteger(member) || member < 0 || member >= TWO_32)
    throw new RangeError(`random stream member must be 0 to 2^32 − 1, got ${member}`);
  const counter = [0, member, 0, 0];
  const block = new Uint32Array(4);
  let blocks = 0;
  let used = 4;
  const next = (): number => {
    if (used === 4) {
      counter[0] = blocks >>> 0;
      counter[2] = Math.floor(blocks / TWO_32);
      philox4x32(counter, key, block);
      blocks++;
      used = 0;
    }
    return block[used++]! / TWO_32;
  };
  return { next, normal: normalFrom(next) };
}

/** The streams of one seed. */
export function keyedStreams(seed: number): Streams {
  return (purpose, member = 0) => randomStream(seed, purpose, member);
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** One sequential stream (xoshiro128**), for code outside the twin; the twin uses keyed streams. */
export function createRng(seed: number): Rng {
  const sm = splitmix32(seed);
  let a = sm(),
    b = sm(),
    c = sm(),
    d = sm();
  const nextU32 = (): number => {
    const r = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c = (c ^ t) >>> 0;
    d = rotl(d, 11);
    return r;
  };
  const next = (): number => nextU32() / TWO_32;
  return { next, normal: normalFrom(next) };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
