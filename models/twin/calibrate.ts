/**
 * Personal calibration: importance sampling of the twin's members against the person's own history
 * (weights, fasting glucose, HbA1c, CGM mean glucose, fasting insulin, OGTT 2-hour glucose). Members are drawn from the
 * population priors around the person's earliest values, run forward to today under no change, and
 * weighted by the likelihood of every observation; systematic resampling and Metropolis moves
 * (resample-move) give the posterior ensemble, restarted today from each member's own state
 * (weight, insulin sensitivity, β-cell function, HbA1c). Without history it returns the prior ensemble
 * around today's values. The stages are in models/twin/calibration/: likelihood, importance (1),
 * resample (2), moves with metropolis (3), restart (4).
 *
 * Where the history holds an OGTT 2-hour glucose, members also draw their peripheral insulin
 * sensitivity (the stream (seed, 'prior.peripheral', k)) and the moves move it; without one, nothing
 * about the peripheral sensitivity is drawn or moved, so such a person's calibration is what it was
 * before the OGTT was a kind (the peripheral sensitivity acts on nothing else the history holds).
 */
import { keyedStreams } from '../util/random.ts';
import { historyLogLikelihood, replayHistory, type Observation, type ObservationKind } from './calibration/likelihood.ts';
import { importanceSample } from './calibration/importance.ts';
import { resampleMove } from './calibration/moves.ts';
import { systematicResample } from './calibration/resample.ts';
import { backProject, restartPosterior } from './calibration/restart.ts';
import { drawMember, type Member, type VirtualPerson } from './members.ts';
import { PRIORS, type Priors } from './priors.ts';

export { LIKELIHOOD, type Observation, type ObservationKind } from './calibration/likelihood.ts';

export interface CalibrationResult {
  members: Member[];
  /** Effective sample size of the importance weights, as a fraction of the prior draws. */
  essFraction: number;
  observationsUsed: number;
  /** Fraction of Metropolis proposals accepted after resampling (how far the copies were re-spread). */
  moveAcceptance: number;
  /** Days of history used. */
  historyDays: number;
  /** Posterior-mean model value minus observation, root mean square, per kind. */
  rmse: Partial<Record<ObservationKind, number>>;
}

const MAX_HISTORY_DAYS = 5 * 365;

/** Observations the calibration uses: from the last five years up to today, finite and positive. */
export function usableObservations(observations: readonly Observation[]): Observation[] {
  return observations.filter((x) => x.day <= 0 && x.day >= -MAX_HISTORY_DAYS && Number.isFinite(x.value) && x.value > 0);
}

/** Earliest value of a kind within the history window, or undefined. */
const earliest = (obs: readonly Observation[], kind: ObservationKind): number | undefined =>
  obs.filter((o) => o.kind === kind).sort((a, b) => a.day - b.day)[0]?.value;

/** The person as they were `days` ago, at the start of the history: their earliest weight, glucose and HbA1c. */
export function personAtStart(person: VirtualPerson, obs: readonly Observation[], days: number): VirtualPerson {
  return {
    ...person,
    ageYears: person.ageYears - days / 365,
    weightKg: earliest(obs, 'weightKg') ?? person.weightKg,
    fastingGlucoseMgDl: earliest(obs, 'fastingGlucoseMgDl') ?? person.fastingGlucoseMgDl,
    hba1cPercent: earliest(obs, 'hba1cPercent') ?? person.hba1cPercent,
  };
}

export function calibrate(
  person: VirtualPerson,
  observations: readonly Observation[],
  o: { members?: number; seed?: number; priors?: Priors } = {},
): CalibrationResult {
  const n = o.members ?? 1000;
  const priors = o.priors ?? PRIORS;
  const seed = o.seed ?? 1;
  const obs = usableObservations(observations);
  const t0 = Math.min(0, ...obs.map((x) => Math.floor(x.day)));
  // Every draw comes from a stream keyed by the seed, its purpose and the member (models/util/random.ts).
  const streams = keyedStreams(seed);
  if (t0 === 0 || obs.length === 0) {
    return {
      members: Array.from({ length: n }, (_, i) => drawMember(person, streams('prior', i), priors)),
      essFraction: 1,
      moveAcceptance: 0,
      observationsUsed: 0,
      historyDays: 0,
      rmse: {},
    };
  }
  const T = -t0;
  const past = personAtStart(person, obs, T);
  // Where glucose was first measured well after the history starts, each member starts from the
  // state its own β-cell decline implies back from that first value (so today's value alone does
  // not favour members that do not progress).
  const glycaemic = obs.filter((x) => x.kind !== 'weightKg');
  const gapDays = glycaemic.length ? Math.min(...glycaemic.map((x) => x.day)) - t0 : 0;
  const atStart = (m: Member): Member => (gapDays > 90 ? backProject(m, gapDays) : m);
  const logLikOf = (ms: readonly Member[]): Float64Array => historyLogLikelihood(ms.map(atStart), obs, t0, seed, priors);
  const peripheral = obs.some((x) => x.kind === 'ogtt2hGlucoseMgDl');

  // 1. Importance sampling from the prior (twice as many draws as members), 2. systematic resampling,
  // 3. Metropolis moves re-spreading the copies.
  const sample = importanceSample(past, 2 * n, streams, priors, logLikOf, peripheral);
  const picks = systematicResample(sample.weights, n, streams('calibration.resample').next());
  const moved = resampleMove(
    picks.map((i) => sample.drawn[i]!),
    Float64Array.from(picks, (i) => sample.logLik[i]!),
    { past, priors, logLikOf, streams, peripheral },
  );

  // 4. Today's state of every particle, and the fit: the posterior's mean prediction at each observation.
  const posterior = moved.particles.map(atStart);
  const sums = new Map<Observation, number>();
  const now = replayHistory(posterior, obs, t0, seed, (x, _i, model) => sums.set(x, (sums.get(x) ?? 0) + model / n), priors);
  return {
    members: restartPosterior(posterior, person, now, T, priors, streams),
    essFraction: sample.essFraction,
    moveAcceptance: moved.acceptance,
    observationsUsed: obs.length,
    historyDays: T,
    rmse: rmseByKind(sums),
  };
}

/** Root mean square of (posterior-mean model value − observation), per kind. */
function rmseByKind(means: ReadonlyMap<Observation, number>): Partial<Record<ObservationKind, number>> {
  const sq: Partial<Record<ObservationKind, [number, number]>> = {};
  for (const [x, mean] of means) {
    const e = (sq[x.kind] ??= [0, 0]);
    e[0] += (mean - x.value) ** 2;
    e[1]++;
  }
  return Object.fromEntries(Object.entries(sq).map(([k, [s2, c]]) => [k, Math.sqrt(s2 / c)]));
}
