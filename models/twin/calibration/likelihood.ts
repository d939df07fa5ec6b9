/**
 * The calibration's likelihood: how well a member's replayed history matches the person's own
 * observations (weights, fasting glucose, HbA1c, CGM mean glucose, fasting insulin, the 2-hour
 * glucose of an oral glucose tolerance test).
 */
import { whigFsiMicroIuMl } from '../../physiology/whig.ts';
import { runEnsemble } from '../engine.ts';
import { MG_DL_PER_MMOL_L, type Member } from '../members.ts';
import { twoHourGlucoseMgDl } from '../post-load.ts';
import { PRIORS, type Priors } from '../priors.ts';
import { agedSd } from './old-values.ts';

export type ObservationKind =
  'weightKg' | 'fastingGlucoseMgDl' | 'hba1cPercent' | 'meanGlucoseMgDl' | 'fastingInsulinMicroIuMl' | 'ogtt2hGlucoseMgDl';

export interface Observation {
  /** Days relative to today (≤ 0). */
  day: number;
  kind: ObservationKind;
  value: number;
  /**
   * A value older than the history, moved to its start: the years it had been measured before `day`
   * (old-values.ts). Its likelihood is widened by the change expected over them.
   */
  agedYears?: number;
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
  /** The 2-hour OGTT glucose around the member's usual value: the test's within-person CV (priors.ts twoHourWithinPersonCv). */
  twoHourLogSd: PRIORS.twoHourWithinPersonCv,
};

/**
 * Repeated measures of one kind are serially correlated (a scale's bias, a season's habits), so the
 * observations of a kind together count as at most this many independent ones (ASSUMED).
 */
export const MAX_INDEPENDENT_PER_KIND = 12;

/**
 * Log-likelihood (up to a constant) of one observation given the member's model value for it; an old
 * value moved to the start of the history (`agedYears`) is scored with its SD widened (old-values.ts).
 */
export function logLik(kind: ObservationKind, model: number, obs: number, agedYears?: number): number {
  const sd = (base: number): number => agedSd(kind, base, agedYears, obs);
  switch (kind) {
    case 'weightKg':
      return -0.5 * ((model - obs) / sd(LIKELIHOOD.weightSdKg)) ** 2;
    case 'fastingGlucoseMgDl':
      return -0.5 * (Math.log(model / obs) / sd(LIKELIHOOD.fpgLogSd)) ** 2;
    case 'hba1cPercent':
      return -0.5 * (Math.log(model / obs) / sd(LIKELIHOOD.hba1cLogSd)) ** 2;
    case 'meanGlucoseMgDl':
      return -0.5 * ((model - obs) / sd(LIKELIHOOD.meanGlucoseSdMgDl)) ** 2;
    case 'fastingInsulinMicroIuMl':
      return -0.5 * (Math.log(model / obs) / sd(LIKELIHOOD.fsiLogSd)) ** 2;
    case 'ogtt2hGlucoseMgDl':
      return -0.5 * (Math.log(model / obs) / sd(LIKELIHOOD.twoHourLogSd)) ** 2;
  }
}

/** The weight of one observation of each kind: 1, or less where a kind has more than MAX_INDEPENDENT_PER_KIND observations. */
export function temperingByKind(obs: readonly Observation[]): (kind: ObservationKind) => number {
  const counts = new Map<ObservationKind, number>();
  for (const x of obs) counts.set(x.kind, (counts.get(x.kind) ?? 0) + 1);
  return (k) => Math.min(1, MAX_INDEPENDENT_PER_KIND / counts.get(k)!);
}

/** Each member's state today after replaying the history. */
export interface StateToday {
  fpgMmolL: Float64Array;
  hba1cPercent: Float64Array;
  weightKg: Float64Array;
  /** Weight 30 days before today. */
  weightKg30: Float64Array;
}

/**
 * Runs members from the start of the history (day t0) to today under no change, calling `onModel`
 * with each observation, member index and the member's model value for it. Returns today's state.
 * An OGTT's model value is the member's usual 2-hour glucose that day (post-load.ts, with the
 * post-load constants of `priors`), computed for all members at once and only on days with an OGTT.
 */
export function replayHistory(
  members: readonly Member[],
  obs: readonly Observation[],
  t0: number,
  seed: number,
  onModel: (x: Observation, i: number, model: number) => void,
  priors: Priors = PRIORS,
): StateToday {
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
      let twoHour: Float64Array | undefined;
      for (const x of byDay.get(v.day) ?? []) {
        if (x.kind === 'ogtt2hGlucoseMgDl') twoHour ??= twoHourGlucoseMgDl(v.postLoadInputs(), priors);
        for (let i = 0; i < n; i++) {
          let model: number;
          if (x.kind === 'weightKg') model = v.weightKg[i]!;
          else if (x.kind === 'ogtt2hGlucoseMgDl') model = twoHour![i]!;
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

/**
 * The tempered log-likelihood of each member's history: the members (as they were at day t0) replayed
 * to today, every observation weighted by its kind's tempering.
 */
export function historyLogLikelihood(
  members: readonly Member[],
  obs: readonly Observation[],
  t0: number,
  seed: number,
  priors: Priors = PRIORS,
): Float64Array {
  const temper = temperingByKind(obs);
  const ll = new Float64Array(members.length);
  replayHistory(
    members,
    obs,
    t0,
    seed,
    (x, i, model) => {
      ll[i] = ll[i]! + temper(x.kind) * logLik(x.kind, model, x.value, x.agedYears);
    },
    priors,
  );
  return ll;
}
