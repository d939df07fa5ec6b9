/**
 * Evaluation of the personal-baseline anomaly flags (models/ml/anomaly.ts) on injected synthetic
 * anomalies. A seeded generator draws realistic-looking daily series per metric (a personal level,
 * a weekly pattern for steps and sleep, AR(1) day-to-day drift, noise, ~5 % missing days; HRV and
 * steps vary multiplicatively, i.e. log-normally); sustained anomalies (3-7 days, 1.5-3 × the person's
 * day-to-day SD, relative for HRV and steps, and at least 1.25 × the metric's minimum effect, random
 * direction where both are flagged) are added at random non-overlapping positions
 * after a 42-day warm-up. Scored per event: an injected anomaly is detected when a flagged episode
 * overlaps it; a flagged episode is a true positive when it overlaps an injected anomaly. False
 * alarms are counted on the same series without injections. The density of injections (one every
 * ~6 weeks) is far above what a person lives through, so precision here is optimistic; the false-alarm
 * rate per 100 person-days does not depend on it. Magnitudes are illustrative (not fitted
 * to any data set); evaluation on synthetic injected anomalies is not clinical validation.
 */
import { DAY_MS } from '../util/time.ts';
import { createRng, type Rng } from '../util/random.ts';
import {
  ANOMALY_CONFIG,
  dayString,
  detectAnomalies,
  weekday,
  type AnomalyConfig,
  type AnomalyMetric,
  type DailyValue,
  type Direction,
} from './anomaly.ts';

interface GeneratorSpec {
  /** The person's usual level, in the metric's unit. */
  level(r: Rng): number;
  /** Day-to-day SD about the usual level (drift and noise together): in the metric's unit, or in natural-log units (≈ relative SD) for relative metrics. */
  sd(r: Rng, level: number): number;
  /** Weekday offsets (0 = Sunday) from the level: in the metric's unit, or factors for relative metrics. */
  weekly?(r: Rng, level: number): number[];
  min: number;
  max: number;
  decimals: number;
}

const uniform = (r: Rng, a: number, b: number): number => a + (b - a) * r.next();
const clamp = (x: number, a: number, b: number): number => Math.min(b, Math.max(a, x));

const SPECS: Record<AnomalyMetric, GeneratorSpec> = {
  resting_heart_rate: { level: (r) => clamp(62 + 7 * r.normal(), 45, 85), sd: (r) => uniform(r, 2, 3.5), min: 35, max: 130, decimals: 1 },
  hrv_sdnn: {
    level: (r) => clamp(45 * Math.exp(0.3 * r.normal()), 15, 120),
    sd: (r) => uniform(r, 0.08, 0.14),
    min: 5,
    max: 250,
    decimals: 1,
  },
  sleep: {
    level: (r) => clamp(420 + 30 * r.normal(), 330, 510),
    sd: (r) => uniform(r, 35, 55),
    min: 0,
    max: 900,
    decimals: 0,
    // Nights ending on Saturday and Sunday run longer.
    weekly: (r) => {
      const lie = uniform(r, 20, 60);
      return [lie, 0, 0, 0, 0, 0, lie];
    },
  },
  steps: {
    level: (r) => clamp(8000 * Math.exp(0.35 * r.normal()), 2500, 20000),
    sd: (r) => uniform(r, 0.15, 0.25),
    min: 0,
    max: 60000,
    decimals: 0,
    // Sunday quieter, Saturday often busier, weekdays alike.
    weekly: (r) => [uniform(r, 0.55, 0.85), 1, 1, 1, 1, 1, uniform(r, 0.9, 1.3)],
  },
  glucose_cv: { level: (r) => clamp(22 + 4 * r.normal(), 14, 36), sd: (r) => uniform(r, 2, 3.5), min: 5, max: 60, decimals: 1 },
};

/** 2026-01-05, a Monday: the first day of every generated series. */
const START_DAY = Math.round(Date.UTC(2026, 0, 5) / DAY_MS);
const dayOf = (i: number): string => dayString(START_DAY + i);
const WARM_UP_DAYS = 42;

/** Day-to-day structure of the generated series. */
export interface GeneratorOptions {
  /** AR(1) coefficient of the drift (lag-1 autocorrelation of the drift). */
  driftPhi: number;
  /** Share of the day-to-day variance carried by the drift; the rest is independent noise. */
  driftShare: number;
  /** Probability that a day is missing. */
  missing: number;
}
export const DEFAULT_GENERATOR: Readonly<GeneratorOptions> = { driftPhi: 0.5, driftShare: 0.2, missing: 0.05 };

export interface SyntheticPerson {
  /** Daily values without anomalies; NaN for a missing day. Index 0 is 2026-01-05. */
  values: number[];
  /** The expected (median) value of each day: level with its weekday offset or factor, in the metric's unit. */
  expected: number[];
  /** Day-to-day SD: in the metric's unit, or in natural-log units for relative metrics. */
  sd: number;
}

/** One person's daily series of `metric` over `days` days, deterministic for the rng's seed. */
export function generatePerson(metric: AnomalyMetric, days: number, r: Rng, g: GeneratorOptions = DEFAULT_GENERATOR): SyntheticPerson {
  const spec = SPECS[metric],
    relative = ANOMALY_CONFIG[metric].relative;
  const level = spec.level(r),
    sd = spec.sd(r, level);
  const weekly = spec.weekly?.(r, level) ?? Array<number>(7).fill(relative ? 1 : 0);
  const driftSd = sd * Math.sqrt(g.driftShare),
    noiseSd = sd * Math.sqrt(1 - g.driftShare);
  const p = 10 ** spec.decimals;
  let drift = driftSd * r.normal();
  const values: number[] = [],
    expected: number[] = [];
  for (let i = 0; i < days; i++) {
    drift = g.driftPhi * drift + driftSd * Math.sqrt(1 - g.driftPhi ** 2) * r.normal();
    const w = weekly[weekday(START_DAY + i)]!,
      noise = drift + noiseSd * r.normal();
    // Relative metrics vary multiplicatively (log-normal day to day), the others additively.
    const e = relative ? level * w : level + w;
    const v = clamp(relative ? e * Math.exp(noise) : e + noise, spec.min, spec.max);
    expected.push(e);
    values.push(r.next() < g.missing ? NaN : Math.round(v * p) / p);
  }
  return { values, expected, sd };
}

export interface InjectedAnomaly {
  direction: Direction;
  /** Day indices (0 = the series' first day), inclusive. */
  from: number;
  to: number;
  /** Added to each day in the metric's unit, or for relative metrics the fraction each day is raised or lowered by. */
  magnitude: number;
}

/** Sustained anomalies at random non-overlapping positions after the warm-up, 14-54 days apart. */
export function injectAnomalies(
  metric: AnomalyMetric,
  person: SyntheticPerson,
  r: Rng,
): { values: number[]; anomalies: InjectedAnomaly[] } {
  const cfg = ANOMALY_CONFIG[metric],
    spec = SPECS[metric];
  const values = [...person.values],
    anomalies: InjectedAnomaly[] = [];
  let from = WARM_UP_DAYS + Math.floor(uniform(r, 0, 20));
  for (;;) {
    const length = 3 + Math.floor(r.next() * 5);
    const to = from + length - 1;
    if (to >= values.length) break;
    const direction = cfg.directions.length === 2 ? (r.next() < 0.5 ? 'high' : 'low') : cfg.directions[0]!;
    const k = uniform(r, 1.5, 3);
    const magnitude = Math.max(k * person.sd, 1.25 * cfg.minEffect),
      sign = direction === 'high' ? 1 : -1;
    const p = 10 ** spec.decimals;
    for (let i = from; i <= to; i++) {
      if (Number.isNaN(values[i]!)) continue;
      const v = cfg.relative ? values[i]! * (1 + sign * magnitude) : values[i]! + sign * magnitude;
      values[i] = Math.round(clamp(v, spec.min, spec.max) * p) / p;
    }
    anomalies.push({ direction, from, to, magnitude });
    from = to + 1 + 14 + Math.floor(r.next() * 41);
  }
  return { values, anomalies };
}

const toSeries = (values: readonly number[]): DailyValue[] =>
  values.flatMap((value, i) => (Number.isNaN(value) ? [] : [{ day: dayOf(i), value }]));

export interface AnomalyEvaluation {
  metric: AnomalyMetric;
  persons: number;
  days: number;
  seed: number;
  /** Injected anomalies, and those overlapped by a flagged episode. */
  injected: number;
  detected: number;
  recall: number;
  /** Flagged episodes on the injected series, and those overlapping an injected anomaly. */
  flagged: number;
  truePositives: number;
  precision: number;
  /** Episodes flagged on the same series without injections, per 100 person-days after the first minHistoryDays. */
  falseAlarms: number;
  falseAlarmsPer100PersonDays: number;
}

/**
 * Event-level precision and recall on `persons` synthetic persons of `days` days each. `overrides`
 * change the detector only (injections follow the default settings); `generator` the series.
 */
export function evaluateAnomalyDetection(o: {
  metric: AnomalyMetric;
  persons: number;
  days: number;
  seed: number;
  overrides?: Partial<AnomalyConfig>;
  generator?: Partial<GeneratorOptions>;
}): AnomalyEvaluation {
  const { metric, persons, days, seed, overrides = {} } = o,
    g = { ...DEFAULT_GENERATOR, ...o.generator };
  let injected = 0,
    detected = 0,
    flagged = 0,
    truePositives = 0,
    falseAlarms = 0;
  for (let k = 0; k < persons; k++) {
    const person = generatePerson(metric, days, createRng((seed * 7919 + 2 * k) >>> 0), g);
    const { values, anomalies } = injectAnomalies(metric, person, createRng((seed * 7919 + 2 * k + 1) >>> 0));
    const spans = anomalies.map((a) => ({ from: dayOf(a.from), to: dayOf(a.to) }));
    const episodes = detectAnomalies(metric, toSeries(values), overrides);
    const overlaps = (a: { from: string; to: string }, e: { fromDay: string; toDay: string }): boolean =>
      a.from <= e.toDay && e.fromDay <= a.to;
    injected += spans.length;
    detected += spans.filter((a) => episodes.some((e) => overlaps(a, e))).length;
    flagged += episodes.length;
    truePositives += episodes.filter((e) => spans.some((a) => overlaps(a, e))).length;
    falseAlarms += detectAnomalies(metric, toSeries(person.values), overrides).length;
  }
  const monitored = persons * Math.max(0, days - ANOMALY_CONFIG[metric].minHistoryDays);
  return {
    metric,
    persons,
    days,
    seed,
    injected,
    detected,
    recall: injected ? detected / injected : NaN,
    flagged,
    truePositives,
    precision: flagged ? truePositives / flagged : NaN,
    falseAlarms,
    falseAlarmsPer100PersonDays: monitored ? (100 * falseAlarms) / monitored : NaN,
  };
}
