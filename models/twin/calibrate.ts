/**
 * Personal calibration: importance sampling of the twin's members against the person's own history
 * (weights, fasting glucose, HbA1c, CGM mean glucose, fasting insulin, OGTT 2-hour glucose). Members are drawn from the
 * population priors around the person's earliest values, run forward to today under no change, and
 * weighted by the likelihood of every observation; systematic resampling and Metropolis moves
 * (resample-move) give the posterior ensemble, restarted today from each member's own state
 * (weight, insulin sensitivity, β-cell function, HbA1c). Without history it returns the prior ensemble
 * around today's values. The stages are in models/twin/calibration/: likelihood, importance (1),
 * resample (2), moves with metropolis (3), restart (4), the weight floor (5, floor.ts).
 *
 * Values older than the five-year history are not dropped where they are the newest of their kind:
 * the newest is used, placed at the history's start and counted for less the older it is
 * (calibration/old-values.ts). A final stage (5, calibration/floor.ts) keeps the forecast weight's
 * spread at least the published within-person change over the years ahead. The result says the age
 * of the newest value of each kind and what the forecast rests on (certainty.ts).
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
import { floorWeightSpread } from './calibration/floor.ts';
import { CHANGE_PER_SQRT_YEAR, newestAgeDays, usableObservations } from './calibration/old-values.ts';
import { restsOn, type RestsOn } from './certainty.ts';
import { drawMember, type Member, type VirtualPerson } from './members.ts';
import { PRIORS, type Priors } from './priors.ts';

export { LIKELIHOOD, type Observation, type ObservationKind } from './calibration/likelihood.ts';
export { HISTORY_WINDOW_DAYS, usableObservations } from './calibration/old-values.ts';

export interface CalibrationResult {
  members: Member[];
  /** Effective sample size of the importance weights, as a fraction of the prior draws. */
  essFraction: number;
  observationsUsed: number;
  /** Fraction of Metropolis proposals accepted after resampling (how far the copies were re-spread). */
  moveAcceptance: number;
  /** Days from the oldest value used to today (an old value counts from when it was measured). */
  historyDays: number;
  /** Posterior-mean model value minus observation, root mean square, per kind. */
  rmse: Partial<Record<ObservationKind, number>>;
  /** Age in days of the newest value of each kind the person has, whatever its age. */
  newestAgeDays: Partial<Record<ObservationKind, number>>;
  /** What the forecast rests on, for the app to say in plain words (certainty.ts). */
  restsOn: RestsOn;
  /** SD added to the members' energy-balance drift to keep the weight spread at the published floor, kcal/d (0: none needed). */
  floorDriftSdKcalPerDay: number;
}

/**
 * The population priors the importance draws use: where the earliest fasting glucose or HbA1c is an
 * old value moved to the start of the history, the member's usual level then is drawn around it
 * with the change expected over its age added to the reading's own variability (old-values.ts).
 */
function drawPriorsFor(priors: Priors, obs: readonly Observation[]): Priors {
  const aged = (kind: ObservationKind): number => obs.find((x) => x.kind === kind)?.agedYears ?? 0;
  const widen = (cv: number, kind: ObservationKind): number => Math.sqrt(cv * cv + CHANGE_PER_SQRT_YEAR[kind] ** 2 * aged(kind));
  if (!aged('fastingGlucoseMgDl') && !aged('hba1cPercent')) return priors;
  return {
    ...priors,
    fpgWithinPersonCv: widen(priors.fpgWithinPersonCv, 'fastingGlucoseMgDl'),
    hba1cWithinPersonCv: widen(priors.hba1cWithinPersonCv, 'hba1cPercent'),
  };
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
  o: {
    members?: number;
    seed?: number;
    priors?: Priors;
    /** Whether stage 5 keeps the weight spread at the published floor (default true; false gives the posterior as it is). */
    floor?: boolean;
  } = {},
): CalibrationResult {
  const n = o.members ?? 1000;
  const priors = o.priors ?? PRIORS;
  const seed = o.seed ?? 1;
  const obs = usableObservations(observations);
  const t0 = Math.min(0, ...obs.map((x) => Math.floor(x.day)));
  // Every draw comes from a stream keyed by the seed, its purpose and the member (models/util/random.ts).
  const streams = keyedStreams(seed);
  const newest = newestAgeDays(observations);
  // 5. The floor on the weight spread, from the age of the newest weight (none: as if today's).
  const floored = (members: Member[]): { members: Member[]; floorDriftSdKcalPerDay: number } => {
    if (o.floor === false) return { members, floorDriftSdKcalPerDay: 0 };
    const f = floorWeightSpread(members, (newest.weightKg ?? 0) / 365, streams);
    return { members: f.members, floorDriftSdKcalPerDay: f.addedDriftSdKcalPerDay };
  };
  const certainty = { newestAgeDays: newest, restsOn: restsOn(newest) };
  if (t0 === 0 || obs.length === 0) {
    return {
      ...floored(Array.from({ length: n }, (_, i) => drawMember(person, streams('prior', i), priors))),
      essFraction: 1,
      moveAcceptance: 0,
      observationsUsed: 0,
      historyDays: 0,
      rmse: {},
      ...certainty,
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
  const sample = importanceSample(past, 2 * n, streams, drawPriorsFor(priors, obs), logLikOf, peripheral);
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
    ...floored(restartPosterior(posterior, person, now, T, priors, streams)),
    essFraction: sample.essFraction,
    moveAcceptance: moved.acceptance,
    observationsUsed: obs.length,
    historyDays: Math.round(Math.max(T, ...obs.map((x) => -x.day + 365 * (x.agedYears ?? 0)))),
    rmse: rmseByKind(sums),
    ...certainty,
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
