/**
 * Personal calibration: importance sampling of the twin's members against the person's own history
 * (weights, fasting glucose, HbA1c, CGM mean glucose, fasting insulin). Members are drawn from the
 * population priors around the person's earliest values, run forward to today under no change, and
 * weighted by the likelihood of every observation; systematic resampling and Metropolis moves
 * (resample-move) give the posterior ensemble, restarted today from each member's own state
 * (weight, insulin sensitivity, β-cell function, HbA1c). Without history it returns the prior ensemble around today's values.
 */
import { hallWeightTrajectory } from '../physiology/hall-adult.ts';
import { whigBetaFromFsi } from '../physiology/homa.ts';
import { whigBetaForFpg, whigFpgMmolL, whigFsiMicroIuMl, WHIG_TYPICAL } from '../physiology/whig.ts';
import { keyedStreams } from '../util/random.ts';
import { runEnsemble } from './engine.ts';
import type { GlycaemiaMember } from './glycaemia.ts';
import { drawMember, interventionResponse, MG_DL_PER_MMOL_L, priorFsiMedian, type Member, type VirtualPerson } from './members.ts';
import { PRIORS, type Priors } from './priors.ts';

export type ObservationKind = 'weightKg' | 'fastingGlucoseMgDl' | 'hba1cPercent' | 'meanGlucoseMgDl' | 'fastingInsulinMicroIuMl';

export interface Observation {
  /** Days relative to today (≤ 0). */
  day: number;
  kind: ObservationKind;
  value: number;
}

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

/** Observation SDs (log scale = relative) the likelihood uses. */
export const LIKELIHOOD = {
  /** Day-to-day weight fluctuation, kg (ASSUMED; scale precision and hydration). */
  weightSdKg: 0.8,
  fpgLogSd: PRIORS.fpgWithinPersonCv,
  /** HbA1c within-person plus assay CV (Carlsen 2011 1.2 %; assay ≈ 2 %, ASSUMED). */
  hba1cLogSd: 0.025,
  /** CGM mean glucose vs the HbA1c-implied mean: ADAG regression scatter ≈ 15 mg/dL (ASSUMED from Nathan 2008, R² 0.84). */
  meanGlucoseSdMgDl: 15,
  fsiLogSd: PRIORS.fsiAssayLogSd,
};
const MAX_HISTORY_DAYS = 5 * 365;
/**
 * Repeated measures of one kind are serially correlated (a scale's bias, a season's habits), so the
 * observations of a kind together count as at most this many independent ones (ASSUMED).
 */
const MAX_INDEPENDENT_PER_KIND = 12;
/** Metropolis moves after resampling. */
const MH_MOVES = 3;

function logLik(kind: ObservationKind, model: number, obs: number): number {
  switch (kind) {
    case 'weightKg':
      return -0.5 * ((model - obs) / LIKELIHOOD.weightSdKg) ** 2;
    case 'fastingGlucoseMgDl':
      return -0.5 * (Math.log(model / obs) / LIKELIHOOD.fpgLogSd) ** 2;
    case 'hba1cPercent':
      return -0.5 * (Math.log(model / obs) / LIKELIHOOD.hba1cLogSd) ** 2;
    case 'meanGlucoseMgDl':
      return -0.5 * ((model - obs) / LIKELIHOOD.meanGlucoseSdMgDl) ** 2;
    case 'fastingInsulinMicroIuMl':
      return -0.5 * (Math.log(model / obs) / LIKELIHOOD.fsiLogSd) ** 2;
  }
}

/** Earliest value of a kind within the history window, or undefined. */
const earliest = (obs: readonly Observation[], kind: ObservationKind): number | undefined =>
  obs.filter((o) => o.kind === kind).sort((a, b) => a.day - b.day)[0]?.value;

export function calibrate(
  person: VirtualPerson,
  observations: readonly Observation[],
  o: { members?: number; seed?: number; priors?: Priors } = {},
): CalibrationResult {
  const n = o.members ?? 1000;
  const priors = o.priors ?? PRIORS;
  const seed = o.seed ?? 1;
  const obs = observations.filter((x) => x.day <= 0 && x.day >= -MAX_HISTORY_DAYS && Number.isFinite(x.value) && x.value > 0);
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
  // The person as they were at the start of the history.
  const past: VirtualPerson = {
    ...person,
    ageYears: person.ageYears - T / 365,
    weightKg: earliest(obs, 'weightKg') ?? person.weightKg,
    fastingGlucoseMgDl: earliest(obs, 'fastingGlucoseMgDl') ?? person.fastingGlucoseMgDl,
    hba1cPercent: earliest(obs, 'hba1cPercent') ?? person.hba1cPercent,
  };
  // Where glucose was first measured well after the history starts, each member starts from the
  // state its own β-cell decline implies back from that first value (so today's value alone does
  // not favour members that do not progress).
  const glycaemic = obs.filter((x) => x.kind !== 'weightKg');
  const gapDays = glycaemic.length ? Math.min(...glycaemic.map((x) => x.day)) - t0 : 0;
  const draws = 2 * n;
  const atStart = (m: Member): Member => (gapDays > 90 ? backProject(m, gapDays) : m);
  const counts = new Map<ObservationKind, number>();
  for (const x of obs) counts.set(x.kind, (counts.get(x.kind) ?? 0) + 1);
  const temper = (k: ObservationKind): number => Math.min(1, MAX_INDEPENDENT_PER_KIND / counts.get(k)!);
  const logLikOf = (ms: readonly Member[]): Float64Array => {
    const ll = new Float64Array(ms.length);
    replayHistory(ms.map(atStart), obs, t0, seed, (x, i, model) => {
      ll[i] = ll[i]! + temper(x.kind) * logLik(x.kind, model, x.value);
    });
    return ll;
  };

  // Importance sampling from the prior, then systematic resampling.
  const drawn = Array.from({ length: draws }, (_, k) => drawMember(past, streams('prior', k), priors));
  const ll = logLikOf(drawn);
  const max = Math.max(...ll);
  const w = Float64Array.from(ll, (x) => Math.exp(x - max));
  const sum = w.reduce((a, b) => a + b, 0);
  let sumSq = 0;
  for (let i = 0; i < draws; i++) {
    w[i] = w[i]! / sum;
    sumSq += w[i]! ** 2;
  }
  const picks: number[] = [];
  const u0 = streams('calibration.resample').next() / n;
  let cum = w[0]!;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const u = u0 + k / n;
    while (u > cum && j < draws - 1) cum += w[++j]!;
    picks.push(j);
  }
  // Resample-move (Gilks & Berzuini 2001): Metropolis steps re-spread the copies the resampling made,
  // keeping the posterior exact: on the parameters that keep acting in the forecast (energy-balance
  // drift, β-cell decline rate, the weight → insulin-sensitivity slope) and on the split of the
  // person's glucose between insulin sensitivity and β-cell function (the member's fasting insulin).
  let particles = picks.map((i) => drawn[i]!);
  const pll = Float64Array.from(picks, (i) => ll[i]!);
  const sd = (xs: number[]): number => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
  };
  const prior = logPriorFor(past, priors);
  const onBetaBound = (b0: number): boolean => b0 <= priors.betaMin || b0 >= priors.betaMax;
  const mh = particles.map((_, i) => streams('calibration.mh', i));
  let accepted = 0;
  for (let move = 0; move < MH_MOVES; move++) {
    const stepDrift = 0.5 * sd(particles.map((m) => m.intakeDriftKcalPerDay)) + 1;
    const stepRb = 0.5 * sd(particles.map((m) => m.glycaemia.rbPerYear)) + 1e-3;
    const stepEfs = 0.5 * sd(particles.map((m) => Math.log(m.glycaemia.scaleEfs))) + 1e-3;
    const stepFsi = 0.5 * sd(particles.map((m) => Math.log(baselineFsi(m)))) + 1e-3;
    const proposals = particles.map((m, i) => {
      const rng = mh[i]!;
      const g = m.glycaemia;
      const drift = m.intakeDriftKcalPerDay + stepDrift * rng.normal();
      const zFsi = rng.normal();
      // drawMember clamps β-cell function to [betaMin, betaMax], which puts a lump of prior mass on
      // each bound. A member on a bound keeps its insulin coordinate and one inside never proposes
      // onto a bound, so neither part's mass flows into the other (a move that drained the lump had
      // biased the posterior: 66 % against the prior's 61 % ten-year probability on a flat likelihood).
      const split = onBetaBound(g.b0) ? g : withFsi(g, baselineFsi(m) * Math.exp(stepFsi * zFsi));
      return {
        ...m,
        intakeDriftKcalPerDay: drift,
        glycaemia: { ...split, rbPerYear: g.rbPerYear + stepRb * rng.normal(), scaleEfs: g.scaleEfs * Math.exp(stepEfs * rng.normal()) },
      };
    });
    const qll = logLikOf(proposals);
    particles = particles.map((m, i) => {
      const q = proposals[i]!;
      const inside = onBetaBound(m.glycaemia.b0) || !onBetaBound(q.glycaemia.b0);
      const logAlpha = inside ? qll[i]! - pll[i]! + prior(q) - prior(m) : -Infinity;
      if (Math.log(mh[i]!.next()) < logAlpha) {
        accepted++;
        pll[i] = qll[i]!;
        return q;
      }
      return m;
    });
  }

  // Today's state of every particle, and the fit: the posterior's mean prediction at each observation.
  const posterior = particles.map(atStart);
  const sums = new Map<Observation, number>();
  const now = replayHistory(posterior, obs, t0, seed, (x, _i, model) => sums.set(x, (sums.get(x) ?? 0) + model / n));
  // The drift each member carried since the start of the history has partly been absorbed by its
  // body (expenditure follows weight); restarted at balance today, it keeps only the imbalance still
  // acting: the intake change under which a body at balance today loses or gains at the member's
  // current rate (its slope over the last 30 days against a fresh body's slope per kcal/d).
  const perKcal = freshSlopePerKcal(person);
  // Intervention response is not informed by a history without interventions: it is drawn afresh
  // from its prior rather than copied from the few surviving draws. A person's what-if is conditional
  // on following the plan (adherence 1; members.ts).
  const members = posterior.map((m, i) => {
    return {
      ...restartToday(m, person, now.fpgMmolL[i]!, now.hba1cPercent[i]!, T),
      intakeDriftKcalPerDay: T >= 60 ? (now.weightKg[i]! - now.weightKg30[i]!) / 30 / perKcal : m.intakeDriftKcalPerDay,
      adherence: 1,
      interventionResponse: interventionResponse(priors, streams('calibration.response', i).normal()),
    };
  });
  const sq: Partial<Record<ObservationKind, [number, number]>> = {};
  for (const [x, mean] of sums) {
    const e = (sq[x.kind] ??= [0, 0]);
    e[0] += (mean - x.value) ** 2;
    e[1]++;
  }
  const rmse = Object.fromEntries(Object.entries(sq).map(([k, [s2, c]]) => [k, Math.sqrt(s2 / c)])) as Partial<
    Record<ObservationKind, number>
  >;
  return {
    members,
    essFraction: 1 / sumSq / draws,
    moveAcceptance: accepted / (MH_MOVES * n),
    observationsUsed: obs.length,
    historyDays: T,
    rmse,
  };
}

/**
 * Runs members from the start of the history (day t0) to today under no change, calling `onModel`
 * with each observation, member index and the member's model value for it. Returns today's state.
 */
function replayHistory(
  members: readonly Member[],
  obs: readonly Observation[],
  t0: number,
  seed: number,
  onModel: (x: Observation, i: number, model: number) => void,
): { fpgMmolL: Float64Array; hba1cPercent: Float64Array; weightKg: Float64Array; weightKg30: Float64Array } {
  const byDay = new Map<number, Observation[]>();
  for (const x of obs) {
    const d = Math.round(x.day) - t0;
    byDay.set(d, [...(byDay.get(d) ?? []), x]);
  }
  const T = -t0;
  const n = members.length;
  const fpgNow = new Float64Array(n);
  const a1cNow = new Float64Array(n);
  const wNow = new Float64Array(n);
  const w30 = new Float64Array(n);
  const oddsAt0 = Float64Array.from(members, (m) => (1 - m.glycaemia.b0) / m.glycaemia.b0);
  runEnsemble(
    members,
    {},
    T,
    (v) => {
      for (const x of byDay.get(v.day) ?? []) {
        for (let i = 0; i < n; i++) {
          let model: number;
          if (x.kind === 'weightKg') model = v.weightKg[i]!;
          else if (x.kind === 'fastingGlucoseMgDl') model = v.fpgMmolL[i]! * MG_DL_PER_MMOL_L;
          else if (x.kind === 'hba1cPercent') model = v.hba1cPercent[i]!;
          else if (x.kind === 'meanGlucoseMgDl')
            model = 28.7 * v.hba1cPercent[i]! - 46.7; // ADAG (Nathan 2008)
          else {
            const odds = oddsAt0[i]! * Math.exp((members[i]!.glycaemia.rbPerYear * v.day) / 365);
            model = whigFsiMicroIuMl(1 / (1 + odds), v.fpgMmolL[i]!);
          }
          onModel(x, i, model);
        }
      }
      if (v.day === T) {
        fpgNow.set(v.fpgMmolL);
        a1cNow.set(v.hba1cPercent);
        wNow.set(v.weightKg);
      }
      if (v.day === T - 30) {
        w30.set(v.weightKg);
      }
    },
    { noiseSeed: seed, screenAtBaseline: false },
  );
  return { fpgMmolL: fpgNow, hba1cPercent: a1cNow, weightKg: wNow, weightKg30: w30 };
}

/** The member as it was `days` earlier: β-cell odds undone by its own decline rate, same insulin sensitivity. */
function backProject(m: Member, days: number): Member {
  const g = m.glycaemia;
  const odds = ((1 - g.b0) / g.b0) * Math.exp((-g.rbPerYear * days) / 365);
  return { ...m, glycaemia: { ...g, b0: 1 / (1 + odds) } };
}

/** Weight change per day per kcal/d of a body at balance today, over days 30-60 of a constant change. */
function freshSlopePerKcal(person: VirtualPerson): number {
  const w = hallWeightTrajectory(
    {
      sex: person.sex,
      ageYears: person.ageYears,
      heightM: person.heightM,
      weightKg: person.weightKg,
      physicalActivityLevel: person.physicalActivityLevel ?? 1.5,
    },
    -100,
    60,
  );
  return (w[60]! - w[30]!) / 30 / -100;
}

/** The member's baseline fasting insulin, µIU/mL (HOMA, from its β-cell function and glucose). */
function baselineFsi(m: Member): number {
  const g = m.glycaemia;
  return whigFsiMicroIuMl(g.b0, whigFpgMmolL(g.is0, g.b0));
}

/** The glycaemia with another baseline fasting insulin at the same fasting glucose: β-cell function from HOMA, then insulin sensitivity. */
function withFsi(g: GlycaemiaMember, fsi: number): GlycaemiaMember {
  const fpg = whigFpgMmolL(g.is0, g.b0);
  const b0 = whigBetaFromFsi(fsi, fpg);
  return { ...g, b0, is0: whigBetaForFpg(b0, fpg) };
}

/**
 * Log prior density (up to a constant) of the moved parameters, as drawMember draws them for the
 * person at the start of the history: decline rate and drift normal, weight → IS slope log-normal,
 * fasting insulin log-normal around the measured value or the HOMA-IR prior at the member's glucose.
 */
function logPriorFor(past: VirtualPerson, priors: Priors): (m: Member) => number {
  const bmi = past.weightKg / past.heightM ** 2;
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
    return -0.5 * (zr * zr + zd * zd + ze * ze + zf * zf);
  };
}

/**
 * A posterior member restarted today from its own state after `days` of history: its β-cell
 * function, the insulin sensitivity that gives its glucose, and its HbA1c input; the body restarts
 * at today's known weight, so that every member keeps sharing one body.
 */
function restartToday(m: Member, person: VirtualPerson, fpgMmolL: number, hba1cPercent: number, days: number): Member {
  const g = m.glycaemia;
  const odds = ((1 - g.b0) / g.b0) * Math.exp((g.rbPerYear * days) / 365);
  const b = 1 / (1 + odds);
  // IS today from the HOMA relation at today's glucose and β-cell function.
  const is = whigBetaForFpg(b, fpgMmolL); // the HOMA relation is symmetric in IS and B
  return {
    ...m,
    body: { ...m.body, ageYears: person.ageYears, weightKg: person.weightKg },
    glycaemia: {
      ...g,
      w0Kg: person.weightKg,
      is0: is,
      b0: b,
      ppg: Math.max(PRIORS.ppgMin, hba1cPercent / WHIG_TYPICAL.mttDays - WHIG_TYPICAL.kin * fpgMmolL),
    },
  };
}
