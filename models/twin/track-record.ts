/**
 * The twin's track record: every snapshot stores its forecast under no change (monthly 5th, 50th and
 * 95th percentiles of what a measurement would show: the members' values plus the measurement
 * variability the calibration assumes), and data that arrives after the snapshot's watermark scores
 * it: absolute error of the median and coverage of the 90 % interval, per quantity.
 */
import { randomStream } from '../util/random.ts';
import { runEnsemble } from './engine.ts';
import { LIKELIHOOD, type ObservationKind } from './calibrate.ts';
import { MG_DL_PER_MMOL_L, type Member } from './members.ts';
import { bands } from './percentiles.ts';

export type ForecastKind = Extract<ObservationKind, 'weightKg' | 'fastingGlucoseMgDl' | 'hba1cPercent'>;
export const FORECAST_KINDS: readonly ForecastKind[] = ['weightKg', 'fastingGlucoseMgDl', 'hba1cPercent'];

export interface StoredForecast {
  /** Days after the forecast's origin. */
  days: number[];
  bands: Record<ForecastKind, { p05: number[]; p50: number[]; p95: number[] }>;
}

export function forecastBands(members: readonly Member[], horizonDays = 730, everyDays = 30, seed = 1): StoredForecast {
  const out: StoredForecast = {
    days: [],
    bands: {
      weightKg: { p05: [], p50: [], p95: [] },
      fastingGlucoseMgDl: { p05: [], p50: [], p95: [] },
      hba1cPercent: { p05: [], p50: [], p95: [] },
    },
  };
  // Member i's measurement errors: the stream (seed, 'forecast.measurement', i).
  const errors = members.map((_, i) => randomStream(seed, 'forecast.measurement', i));
  const noisy = new Float64Array(members.length);
  // Predictive: one measurement per member, absolute SD for weight, relative for the lab values.
  const measure = (values: Float64Array, sd: number, relative: boolean): Float64Array => {
    for (let i = 0; i < values.length; i++)
      noisy[i] = values[i]! * (relative ? 1 + sd * errors[i]!.normal() : 1) + (relative ? 0 : sd * errors[i]!.normal());
    return noisy;
  };
  runEnsemble(
    members,
    {},
    horizonDays,
    (v) => {
      if (v.day % everyDays !== 0) return;
      out.days.push(v.day);
      const add = (k: ForecastKind, values: Float64Array, scale = 1): void => {
        const sd = k === 'weightKg' ? LIKELIHOOD.weightSdKg : k === 'fastingGlucoseMgDl' ? LIKELIHOOD.fpgLogSd : LIKELIHOOD.hba1cLogSd;
        const b = bands(measure(values, sd, k !== 'weightKg'), scale);
        out.bands[k].p05.push(b.p05);
        out.bands[k].p50.push(b.p50);
        out.bands[k].p95.push(b.p95);
      };
      add('weightKg', v.weightKg);
      add('fastingGlucoseMgDl', v.fpgMmolL, MG_DL_PER_MMOL_L);
      add('hba1cPercent', v.hba1cPercent);
    },
    { noiseSeed: seed, screenAtBaseline: false },
  );
  return out;
}

export interface Outcome {
  day: number;
  kind: ForecastKind;
  value: number;
}
export interface KindScore {
  n: number;
  meanAbsError: number;
  coverage90: number;
}

/** Linear interpolation of a band series at a day after the origin; undefined beyond the horizon. */
function at(days: number[], ys: number[], day: number): number | undefined {
  if (day < 0 || day > days[days.length - 1]!) return undefined;
  let j = 1;
  while (j < days.length - 1 && days[j]! < day) j++;
  const d0 = days[j - 1]!,
    d1 = days[j]!;
  const t = d1 === d0 ? 0 : (day - d0) / (d1 - d0);
  return ys[j - 1]! + t * (ys[j]! - ys[j - 1]!);
}

/** Scores a forecast against outcomes observed after its origin (`day` = days after the origin, > 0). */
export function scoreForecast(f: StoredForecast, outcomes: readonly Outcome[]): Partial<Record<ForecastKind, KindScore>> {
  const acc: Partial<Record<ForecastKind, { n: number; err: number; hit: number }>> = {};
  for (const o of outcomes) {
    if (o.day <= 0) continue;
    const b = f.bands[o.kind];
    const p50 = at(f.days, b.p50, o.day);
    const p05 = at(f.days, b.p05, o.day);
    const p95 = at(f.days, b.p95, o.day);
    if (p50 === undefined || p05 === undefined || p95 === undefined) continue;
    const a = (acc[o.kind] ??= { n: 0, err: 0, hit: 0 });
    a.n++;
    a.err += Math.abs(o.value - p50);
    if (o.value >= p05 && o.value <= p95) a.hit++;
  }
  return Object.fromEntries(Object.entries(acc).map(([k, a]) => [k, { n: a.n, meanAbsError: a.err / a.n, coverage90: a.hit / a.n }]));
}
