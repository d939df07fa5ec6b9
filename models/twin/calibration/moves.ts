/**
 * Calibration stage 3, resample-move (Gilks & Berzuini 2001): Metropolis steps re-spread the copies
 * the resampling made, keeping the posterior exact: on the parameters that keep acting in the
 * forecast (energy-balance drift, β-cell decline rate, the weight → insulin-sensitivity slope) and on
 * the split of the person's glucose between insulin sensitivity and β-cell function (the member's
 * fasting insulin), and, where the history has an OGTT, on the peripheral insulin sensitivity the
 * 2-hour glucose mostly informs. Random-walk steps scale with the particles' current spread.
 */
import { whigBetaFromFsi } from '../../physiology/homa.ts';
import { whigBetaForFpg, whigFpgMmolL, whigFsiMicroIuMl } from '../../physiology/whig.ts';
import type { Streams } from '../../util/random.ts';
import type { GlycaemiaMember } from '../glycaemia.ts';
import { priorFsiMedian, type Member, type VirtualPerson } from '../members.ts';
import { postLoadReference } from '../post-load.ts';
import type { Priors } from '../priors.ts';
import { metropolisStep, type MetropolisTarget } from './metropolis.ts';

/** Metropolis moves after resampling. */
export const MH_MOVES = 3;

/** The member's baseline fasting insulin, µIU/mL (HOMA, from its β-cell function and glucose). */
export function baselineFsi(m: Member): number {
  const g = m.glycaemia;
  return whigFsiMicroIuMl(g.b0, whigFpgMmolL(g.is0, g.b0));
}

/** The glycaemia with another baseline fasting insulin at the same fasting glucose: β-cell function from HOMA, then insulin sensitivity. */
export function withFsi(g: GlycaemiaMember, fsi: number): GlycaemiaMember {
  const fpg = whigFpgMmolL(g.is0, g.b0);
  const b0 = whigBetaFromFsi(fsi, fpg);
  return { ...g, b0, is0: whigBetaForFpg(b0, fpg) };
}

/** A member's baseline peripheral insulin sensitivity (fraction of normal): IS0 times its peripheral ratio. */
export const baselinePeripheral = (g: GlycaemiaMember): number => g.is0 * (g.peripheralRatio ?? 1);

/**
 * Log prior density (up to a constant) of the moved parameters, as drawMember draws them for the
 * person at the start of the history: decline rate and drift normal, weight → IS slope log-normal,
 * fasting insulin log-normal around the measured value or the HOMA-IR prior at the member's glucose;
 * with `peripheral`, the peripheral ratio log-normal around what the member's IS0 implies
 * (post-load.ts peripheralRatio: log r = (ρ − 1)·log(IS0/IS_ref) + σz).
 */
export function logPriorFor(past: VirtualPerson, priors: Priors, peripheral = false): (m: Member) => number {
  const bmi = past.weightKg / past.heightM ** 2;
  const { isRef } = postLoadReference(priors.postLoadAssayFactor);
  const zPeripheral = (g: GlycaemiaMember): number =>
    (Math.log(g.peripheralRatio ?? 1) - (priors.peripheralCoupling - 1) * Math.log(g.is0 / isRef)) / priors.peripheralLogSd;
  return (m) => {
    const g = m.glycaemia;
    const fpg = whigFpgMmolL(g.is0, g.b0);
    const [fsiMedian, fsiLogSd] =
      past.fastingInsulinMicroIuMl !== undefined
        ? [past.fastingInsulinMicroIuMl, priors.fsiAssayLogSd]
        : [priorFsiMedian(bmi, fpg, priors), priors.homaIrLogSd];
    const zr = (g.rbPerYear - priors.rbMeanPerYear) / priors.rbSdPerYear;
    const zd = m.intakeDriftKcalPerDay / priors.intakeDriftSdKcalPerDay;
    const ze = Math.log(g.scaleEfs / priors.scaleEfsMedian) / priors.scaleEfsLogSd;
    const zf = Math.log(baselineFsi(m) / fsiMedian) / fsiLogSd;
    const zp = peripheral ? zPeripheral(g) : 0;
    return -0.5 * (zr * zr + zd * zd + ze * ze + zf * zf + zp * zp);
  };
}

const sd = (xs: number[]): number => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};

/**
 * The calibration's Metropolis target at the particles' current spread. With `peripheral`, a move
 * also steps the log of the member's baseline peripheral insulin sensitivity IS0·r (held through the
 * fasting-insulin move, which changes IS0, then a random walk): a proposal symmetric in (log FSI,
 * log IS0·r), whose prior density in those coordinates is logPriorFor's (the map from log r is a shift).
 * Its normal is drawn after the other moves' draws, so a history without an OGTT draws as before.
 */
function calibrationTarget(
  particles: readonly Member[],
  prior: (m: Member) => number,
  priors: Priors,
  logLikOf: (ms: readonly Member[]) => Float64Array,
  peripheral = false,
): MetropolisTarget<Member> {
  const stepDrift = 0.5 * sd(particles.map((m) => m.intakeDriftKcalPerDay)) + 1;
  const stepRb = 0.5 * sd(particles.map((m) => m.glycaemia.rbPerYear)) + 1e-3;
  const stepEfs = 0.5 * sd(particles.map((m) => Math.log(m.glycaemia.scaleEfs))) + 1e-3;
  const stepFsi = 0.5 * sd(particles.map((m) => Math.log(baselineFsi(m)))) + 1e-3;
  const stepPeripheral = peripheral ? 0.5 * sd(particles.map((m) => Math.log(baselinePeripheral(m.glycaemia)))) + 1e-3 : 0;
  const onBetaBound = (b0: number): boolean => b0 <= priors.betaMin || b0 >= priors.betaMax;
  return {
    propose(m, rng) {
      const g = m.glycaemia;
      const drift = m.intakeDriftKcalPerDay + stepDrift * rng.normal();
      const zFsi = rng.normal();
      // drawMember clamps β-cell function to [betaMin, betaMax], which puts a lump of prior mass on
      // each bound. A member on a bound keeps its insulin coordinate and one inside never proposes
      // onto a bound, so neither part's mass flows into the other (a move that drained the lump had
      // biased the posterior: 66 % against the prior's 61 % ten-year probability on a flat likelihood).
      const split = onBetaBound(g.b0) ? g : withFsi(g, baselineFsi(m) * Math.exp(stepFsi * zFsi));
      const q: Member = {
        ...m,
        intakeDriftKcalPerDay: drift,
        glycaemia: { ...split, rbPerYear: g.rbPerYear + stepRb * rng.normal(), scaleEfs: g.scaleEfs * Math.exp(stepEfs * rng.normal()) },
      };
      if (peripheral) {
        const isP = baselinePeripheral(g) * Math.exp(stepPeripheral * rng.normal());
        q.glycaemia.peripheralRatio = isP / q.glycaemia.is0;
      }
      return q;
    },
    logLik: logLikOf,
    logPrior: prior,
    admissible: (m, q) => onBetaBound(m.glycaemia.b0) || !onBetaBound(q.glycaemia.b0),
  };
}

export interface Moved {
  particles: Member[];
  /** Fraction of proposals accepted. */
  acceptance: number;
}

/**
 * `moves` Metropolis steps of the resampled particles (with their log-likelihoods `logLik`); particle
 * i draws from the stream ('calibration.mh', i), move after move.
 */
export function resampleMove(
  particles: readonly Member[],
  logLik: Float64Array,
  o: {
    past: VirtualPerson;
    priors: Priors;
    logLikOf: (ms: readonly Member[]) => Float64Array;
    streams: Streams;
    moves?: number;
    /** Whether the peripheral insulin sensitivity moves too (the history has an OGTT). */
    peripheral?: boolean;
  },
): Moved {
  const moves = o.moves ?? MH_MOVES;
  const peripheral = o.peripheral ?? false;
  const prior = logPriorFor(o.past, o.priors, peripheral);
  const rngs = particles.map((_, i) => o.streams('calibration.mh', i));
  let current = { particles: [...particles], logLik, accepted: 0 };
  let accepted = 0;
  for (let move = 0; move < moves; move++) {
    current = metropolisStep(
      current.particles,
      current.logLik,
      calibrationTarget(current.particles, prior, o.priors, o.logLikOf, peripheral),
      rngs,
    );
    accepted += current.accepted;
  }
  const proposed = moves * particles.length;
  return { particles: current.particles, acceptance: proposed ? accepted / proposed : 0 };
}
