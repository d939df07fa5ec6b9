import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importanceSample, importanceWeights } from '../../../models/twin/calibration/importance.ts';
import { logLik, temperingByKind, type Observation } from '../../../models/twin/calibration/likelihood.ts';
import { metropolisStep, type MetropolisTarget } from '../../../models/twin/calibration/metropolis.ts';
import { resampleMove } from '../../../models/twin/calibration/moves.ts';
import { systematicResample } from '../../../models/twin/calibration/resample.ts';
import { backProject, freshSlopePerKcal, restartPosterior, restartToday } from '../../../models/twin/calibration/restart.ts';
import { drawMember, type VirtualPerson } from '../../../models/twin/members.ts';
import { PRIORS } from '../../../models/twin/priors.ts';
import { ensembleFor } from '../../../models/twin/simulate.ts';
import { whigFpgMmolL, whigSteadyHba1cPercent, WHIG_TYPICAL } from '../../../models/physiology/whig.ts';
import { keyedStreams, randomStream, type Rng } from '../../../models/util/random.ts';

const person: VirtualPerson = { sex: 'male', ageYears: 50, heightM: 1.78, weightKg: 96, fastingGlucoseMgDl: 112, hba1cPercent: 5.9 };
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: readonly number[]): number => mean(xs.map((x) => (x - mean(xs)) ** 2));
const counts = (picks: readonly number[], m: number): number[] => {
  const c = new Array<number>(m).fill(0);
  for (const p of picks) c[p]!++;
  return c;
};

describe('stage 1: importance weights', () => {
  it('are normalised, ignore a common shift of the log-likelihoods, and survive very small likelihoods', () => {
    const a = importanceWeights(Float64Array.from([-1, -2, -3, -0.5]));
    expect(a.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 14);
    const b = importanceWeights(Float64Array.from([-1e4 - 1, -1e4 - 2, -1e4 - 3, -1e4 - 0.5]));
    b.weights.forEach((w, i) => expect(w).toBeCloseTo(a.weights[i]!, 12));
    expect(b.essFraction).toBeCloseTo(a.essFraction, 12);
  });

  it('effective sample size: all draws for equal weights, one for a single dominant draw, k of n for k equal ones', () => {
    expect(importanceWeights(new Float64Array(8)).essFraction).toBeCloseTo(1, 14);
    expect(importanceWeights(Float64Array.from([0, -1e6, -1e6, -1e6])).essFraction).toBeCloseTo(1 / 4, 14);
    expect(importanceWeights(Float64Array.from([0, 0, -Infinity, -Infinity])).essFraction).toBeCloseTo(2 / 4, 14);
  });

  it('draw k is the prior member from the stream (prior, k): the same draws as the prior ensemble', () => {
    const s = importanceSample(person, 30, keyedStreams(4), PRIORS, (ms) => new Float64Array(ms.length));
    expect(s.drawn).toEqual(ensembleFor(person, 30, 4));
    expect(s.essFraction).toBeCloseTo(1, 14);
  });
});

describe('stage 2: systematic resampling', () => {
  const weights = fc
    .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 })
    .filter((ws) => ws.reduce((a, b) => a + b, 0) > 1e-6)
    .map((ws) => {
      const s = ws.reduce((a, b) => a + b, 0);
      return ws.map((w) => w / s);
    });

  it('property: draw i is picked ⌊n·wᵢ⌋ or ⌈n·wᵢ⌉ times, n picks in order', () => {
    fc.assert(
      fc.property(weights, fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (w, n, u) => {
        const picks = systematicResample(w, n, u);
        expect(picks).toHaveLength(n);
        for (let k = 1; k < n; k++) expect(picks[k]!).toBeGreaterThanOrEqual(picks[k - 1]!);
        counts(picks, w.length).forEach((c, i) => {
          expect(c).toBeGreaterThanOrEqual(Math.floor(n * w[i]! - 1e-9));
          expect(c).toBeLessThanOrEqual(Math.ceil(n * w[i]! + 1e-9));
        });
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the weights' expectation: over the uniform, draw i's mean count is n·wᵢ", () => {
    const w = [0.05, 0.3, 0.001, 0.249, 0.4];
    const n = 7;
    const M = 10_000;
    const sum = new Array<number>(w.length).fill(0);
    for (let k = 0; k < M; k++) counts(systematicResample(w, n, (k + 0.5) / M), w.length).forEach((c, i) => (sum[i]! += c));
    sum.forEach((s, i) => expect(s / M).toBeCloseTo(n * w[i]!, 3));
  });

  it('never picks a draw of zero weight, even at u = 0 (positions fall in [Cᵢ₋₁, Cᵢ))', () => {
    expect(systematicResample([0, 0.5, 0.5], 2, 0)).toEqual([1, 2]);
    expect(systematicResample([0.5, 0.5], 2, 0)).toEqual([0, 1]);
    expect(systematicResample([0.25, 0, 0.75], 4, 0)).toEqual([0, 2, 2, 2]);
  });
});

describe('stage 3: Metropolis moves', () => {
  /** A one-dimensional toy: prior N(0, 1), likelihood N(x; 1, 1): posterior N(0.5, 0.5). */
  const toy = (propose: (x: number, rng: Rng) => number): MetropolisTarget<number> => ({
    propose,
    logLik: (xs) => Float64Array.from(xs, (x) => -0.5 * (x - 1) ** 2),
    logPrior: (x) => -0.5 * x * x,
  });
  const rngs = (n: number, seed: number): Rng[] => Array.from({ length: n }, (_, i) => randomStream(seed, 'calibration.mh', i));

  it('acceptance follows the target ratio: from 1 to 2 with probability e^(−2), from 2 to 1 always', () => {
    const n = 20_000;
    const up = metropolisStep(
      new Array<number>(n).fill(1),
      new Float64Array(n).fill(0),
      toy(() => 2),
      rngs(n, 1),
    );
    const ratio = Math.exp(-0.5 * (1 + 4) + 0.5 * 1); // likelihood 0 → −0.5, prior −0.5 → −2: e^(−2)
    expect(Math.abs(up.accepted / n - ratio)).toBeLessThan(5 * Math.sqrt((ratio * (1 - ratio)) / n));
    expect(up.particles.filter((x) => x === 2)).toHaveLength(up.accepted);
    expect(up.logLik.filter((l) => l === -0.5)).toHaveLength(up.accepted);
    const down = metropolisStep(
      new Array<number>(n).fill(2),
      new Float64Array(n).fill(-0.5),
      toy(() => 1),
      rngs(n, 2),
    );
    expect(down.accepted).toBe(n);
  });

  it('a refused move is never accepted, and still uses its uniform', () => {
    const r = rngs(50, 3);
    const step = metropolisStep(
      new Array<number>(50).fill(2),
      new Float64Array(50).fill(-0.5),
      { ...toy(() => 1), admissible: () => false },
      r,
    );
    expect(step.accepted).toBe(0);
    expect(step.particles).toEqual(new Array<number>(50).fill(2));
    const fresh = randomStream(3, 'calibration.mh', 0);
    fresh.next();
    expect(r[0]!.next()).toBe(fresh.next());
  });

  it('random-walk steps from the prior converge to the posterior N(0.5, 0.5)', () => {
    const n = 4000;
    const start = Array.from({ length: n }, (_, i) => randomStream(5, 'prior', i).normal());
    const r = rngs(n, 5);
    const target = toy((x, rng) => x + 1.2 * rng.normal());
    let state = { particles: start, logLik: target.logLik(start), accepted: 0 };
    for (let k = 0; k < 40; k++) state = metropolisStep(state.particles, state.logLik, target, r);
    expect(Math.abs(mean(state.particles) - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(variance(state.particles) - 0.5)).toBeLessThan(0.05);
  });

  it('calibration moves: no move, no change; members on a β-cell bound stay there and none moves onto one', () => {
    const members = ensembleFor({ ...person, fastingGlucoseMgDl: 100 }, 300, 6);
    const flat = (ms: readonly unknown[]): Float64Array => new Float64Array(ms.length);
    const o = { past: person, priors: PRIORS, logLikOf: flat, streams: keyedStreams(6) };
    expect(resampleMove(members, flat(members), { ...o, moves: 0 })).toEqual({ particles: members, acceptance: 0 });
    const moved = resampleMove(members, flat(members), o);
    expect(moved.acceptance).toBeGreaterThan(0.2);
    expect(moved.acceptance).toBeLessThan(1);
    const onBound = (b0: number): boolean => b0 <= PRIORS.betaMin || b0 >= PRIORS.betaMax;
    expect(members.some((m) => onBound(m.glycaemia.b0))).toBe(true);
    members.forEach((m, i) => expect(onBound(moved.particles[i]!.glycaemia.b0)).toBe(onBound(m.glycaemia.b0)));
    // Moves keep each member's fasting glucose (they re-split it between insulin sensitivity and β-cell function).
    members.forEach((m, i) =>
      expect(whigFpgMmolL(moved.particles[i]!.glycaemia.is0, moved.particles[i]!.glycaemia.b0)).toBeCloseTo(
        whigFpgMmolL(m.glycaemia.is0, m.glycaemia.b0),
        9,
      ),
    );
  });
});

describe('stage 4: restart today', () => {
  const past = drawMember(person, randomStream(1, 'prior', 0));
  const days = 3 * 365;
  const fpg = 6.6;
  const a1c = 6.0;

  it("restarts a member at today's weight, its β-cell function declined over the history, its glucose and HbA1c at steady state", () => {
    const m = restartToday(past, person, fpg, a1c, days);
    const logit = (b: number): number => Math.log((1 - b) / b);
    expect(logit(m.glycaemia.b0) - logit(past.glycaemia.b0)).toBeCloseTo((past.glycaemia.rbPerYear * days) / 365, 10);
    expect(m.body.weightKg).toBe(person.weightKg);
    expect(m.glycaemia.w0Kg).toBe(person.weightKg);
    expect(whigFpgMmolL(m.glycaemia.is0, m.glycaemia.b0)).toBeCloseTo(fpg, 10);
    expect(whigSteadyHba1cPercent(fpg, { ...WHIG_TYPICAL, ppg: m.glycaemia.ppg })).toBeCloseTo(a1c, 10);
    expect(backProject(m, days).glycaemia.b0).toBeCloseTo(past.glycaemia.b0, 12);
  });

  it('keeps the imbalance still acting (from the last 30 days) after 60 days of history, the drawn drift before; adherence 1; a fresh response', () => {
    const perKcal = freshSlopePerKcal(person);
    expect(perKcal).toBeGreaterThan(0);
    const now = {
      fpgMmolL: Float64Array.of(fpg),
      hba1cPercent: Float64Array.of(a1c),
      weightKg: Float64Array.of(96),
      weightKg30: Float64Array.of(95.4),
    };
    const streams = keyedStreams(9);
    const [long] = restartPosterior([past], person, now, 60, PRIORS, streams);
    expect(long!.intakeDriftKcalPerDay).toBeCloseTo(0.6 / 30 / perKcal, 10);
    const [short] = restartPosterior([past], person, now, 59, PRIORS, streams);
    expect(short!.intakeDriftKcalPerDay).toBe(past.intakeDriftKcalPerDay);
    expect(long!.adherence).toBe(1);
    const s = PRIORS.interventionLogSd;
    expect(long!.interventionResponse).toBe(Math.exp(s * randomStream(9, 'calibration.response', 0).normal() - (s * s) / 2));
  });
});

describe('likelihood', () => {
  it('is highest at the observed value, and relative for the lab values', () => {
    expect(logLik('weightKg', 80, 80)).toBe(-0);
    expect(logLik('weightKg', 80.8, 80)).toBeCloseTo(-0.5, 12);
    expect(logLik('fastingGlucoseMgDl', 110, 100)).toBeCloseTo(logLik('fastingGlucoseMgDl', 100, 110), 12);
    expect(logLik('hba1cPercent', 6, 6)).toBe(-0);
  });

  it('a kind with more than 12 observations counts as 12 independent ones', () => {
    const obs: Observation[] = Array.from({ length: 48 }, (_, i) => ({ day: -i, kind: 'weightKg' as const, value: 80 }));
    obs.push({ day: -3, kind: 'hba1cPercent', value: 6 });
    const temper = temperingByKind(obs);
    expect(temper('weightKg')).toBe(0.25);
    expect(temper('hba1cPercent')).toBe(1);
  });
});
