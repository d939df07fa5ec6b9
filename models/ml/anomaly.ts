/**
 * Personal baselines and sustained-deviation flags on daily summaries (issue 8): resting heart rate
 * (bpm, day mean), HRV SDNN (ms, day mean), sleep (min asleep per night), steps (day total) and the
 * daily CGM coefficient of variation (%). Each day is compared with a baseline learned from the
 * person's own PRIOR days only: location = median of a trailing window (+ the median residual of
 * that weekday where a weekly pattern is modelled), scale = MAD × 1.4826 over a longer window,
 * floored per metric; robust z = (value − location) / scale. HRV and steps, whose day-to-day spread
 * grows with their level, are modelled on the log scale. An episode is ≥ 3 consecutive observed days
 * (one missing day inside is bridged) with z beyond a per-day threshold in the same direction, whose
 * combined z (Σz / √n, allowing for the baseline error the days share) and whose mean deviation in
 * the metric's unit both reach a minimum. Days of a (pending or flagged) episode stay out of later
 * baselines, so an episode does not become its own baseline; from an episode's 15th observed day on,
 * days re-enter, so a lasting change becomes the new usual.
 * Sources: Rousseeuw PJ, Croux C. "Alternatives to the median absolute deviation." J Am Stat Assoc
 * 1993;88(424):1273-1283 (MAD; × 1.4826 estimates the SD of normal data).
 * Mishra T, Wang M, Metwally AA, et al. "Pre-symptomatic detection of COVID-19 from smartwatch
 * data." Nat Biomed Eng 2020;4:1208-1220 (alerts on resting heart rate staying above the person's
 * own baseline). Thresholds and minimum effects here are product choices, not validated cut-offs.
 */
import { DAY_MS, localDay } from '../util/time.ts';
import type { CgmSeries } from './windows.ts';
import {
  ANOMALY_CONFIG,
  ANOMALY_METRICS,
  type AnomalyConfig,
  type AnomalyEpisode,
  type AnomalyMetric,
  type DailyValue,
  type Direction,
} from './anomaly-config.ts';

export * from './anomaly-config.ts';

// ---- days and robust statistics ----

/** Day number (days since 1970-01-01) of a YYYY-MM-DD. */
function dayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`anomaly: "${day}" is not a YYYY-MM-DD day`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}
/** YYYY-MM-DD of a day number (days since 1970-01-01). */
export const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday (1970-01-01 was a Thursday) of a day number. */
export const weekday = (n: number): number => (((n + 4) % 7) + 7) % 7;

function quantileSorted(s: ArrayLike<number>, q: number): number {
  const pos = (s.length - 1) * q,
    lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
}
const quantile = (xs: ArrayLike<number>, q: number): number => quantileSorted(Float64Array.from(xs).sort(), q);
const median = (xs: ArrayLike<number>): number => quantile(xs, 0.5);
function lowerBound(s: ArrayLike<number>, x: number): number {
  let lo = 0,
    hi = s.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (s[m]! < x) lo = m + 1;
    else hi = m;
  }
  return lo;
}
/** Median of sorted `s` without its element at rank r. */
function medianWithout(s: ArrayLike<number>, r: number): number {
  const m = s.length - 1,
    hi = m >> 1,
    lo = m % 2 ? hi : hi - 1; // ranks among the m others
  return (s[lo < r ? lo : lo + 1]! + s[hi < r ? hi : hi + 1]!) / 2;
}

/** A baseline, in the modelled scale (the metric's unit, or natural log of it when `relative`). */
interface Baseline {
  /** Median of the location window. */
  usual: number;
  /** Median of the location window's values less their weekday offsets. */
  centre: number;
  /** Weekday offsets (0 = Sunday); zeros where not modelled. */
  offsets: number[];
  /** Robust SD (MAD × 1.4826, inflated for the median's own error, floored). */
  scale: number;
  /** Variance of the location's error relative to the day-to-day variance (π / 2n for a median). */
  shared: number;
  /** The location window's values. */
  values: number[];
}

/**
 * Baseline for day i of a dense series from its observed, non-excluded days before i. Weekday
 * offsets (median residual of each weekday with ≥ 3 days) come from the longer scale window, as a
 * weekly habit is stable and 6 days per weekday make noisy offsets; for the scale, each day's residual
 * uses its weekday's offset fitted WITHOUT that day (in-sample offsets would fit each weekday's middle
 * day exactly and shrink the spread).
 */
function baselineAt(cfg: AnomalyConfig, vals: Float64Array, excluded: Uint8Array, i: number, first: number): Baseline | null {
  const values: number[] = [],
    wd: number[] = [],
    byDay: number[][] = [[], [], [], [], [], [], []];
  let recentFrom = -1; // index in `values` of the location window's first day
  for (let j = Math.max(0, i - Math.max(cfg.windowDays, cfg.scaleWindowDays)); j < i; j++) {
    if (Number.isNaN(vals[j]!) || excluded[j]) continue;
    if (recentFrom < 0 && j >= i - cfg.windowDays) recentFrom = values.length;
    const d = weekday(first + j);
    byDay[d]!.push(values.length);
    values.push(vals[j]!);
    wd.push(d);
  }
  const n = recentFrom < 0 ? 0 : values.length - recentFrom;
  if (n < cfg.minHistoryDays) return null;
  const offsets = [0, 0, 0, 0, 0, 0, 0],
    held = Float64Array.from(values);
  if (cfg.weekly) {
    const all = median(values);
    for (let d = 0; d < 7; d++) {
      const idx = byDay[d]!;
      if (idx.length < 3) continue;
      const r = new Float64Array(idx.length);
      for (let m = 0; m < idx.length; m++) r[m] = values[idx[m]!]! - all;
      r.sort();
      offsets[d] = quantileSorted(r, 0.5);
      for (const k of idx) held[k] = values[k]! - medianWithout(r, lowerBound(r, values[k]! - all));
    }
  }
  const recent = values.slice(recentFrom),
    adjusted = new Float64Array(n);
  for (let k = 0; k < n; k++) adjusted[k] = recent[k]! - offsets[wd[recentFrom + k]!]!;
  const mid = median(held),
    shared = Math.PI / (2 * n);
  for (let k = 0; k < held.length; k++) held[k] = Math.abs(held[k]! - mid);
  const spread = 1.4826 * median(held) * Math.sqrt(1 + shared);
  return { usual: median(recent), centre: median(adjusted), offsets, scale: Math.max(spread, cfg.minScale), shared, values: recent };
}

/** Per-day mean of a series (duplicates averaged; non-finite values, and values ≤ 0 when `positive`, dropped), dense from its first day. */
function densify(series: readonly DailyValue[], positive: boolean): { vals: Float64Array; first: number } {
  const sums = new Map<number, [number, number]>();
  for (const { day, value } of series) {
    if (!Number.isFinite(value) || (positive && value <= 0)) continue;
    const n = dayNumber(day),
      s = sums.get(n) ?? [0, 0];
    sums.set(n, [s[0] + value, s[1] + 1]);
  }
  if (sums.size === 0) return { vals: new Float64Array(0), first: 0 };
  const keys = [...sums.keys()],
    first = Math.min(...keys);
  const vals = new Float64Array(Math.max(...keys) - first + 1).fill(NaN);
  for (const [n, [s, c]] of sums) vals[n - first] = s / c;
  return { vals, first };
}

interface RunDay {
  i: number;
  deviation: number;
  expected: number;
  z: number;
  shared: number;
}

function scan(metric: AnomalyMetric, series: readonly DailyValue[], overrides: Partial<AnomalyConfig>) {
  const cfg: AnomalyConfig = { ...ANOMALY_CONFIG[metric], ...overrides };
  const { vals: raw, first } = densify(series, cfg.relative);
  // The modelled scale and back: natural log for relative metrics.
  const back = cfg.relative ? Math.exp : (x: number): number => x;
  const vals = cfg.relative ? raw.map(Math.log) : raw;
  const excluded = new Uint8Array(vals.length);
  const episodes: AnomalyEpisode[] = [];
  let run: { direction: Direction; days: RunDay[] } | null = null;

  const close = (): void => {
    if (!run) return;
    const { direction, days } = run,
      n = days.length;
    run = null;
    const mean = (f: (d: RunDay) => number): number => days.reduce((s, d) => s + f(d), 0) / n;
    const meanDeviation = mean((d) => d.deviation),
      usual = mean((d) => d.expected);
    // Days of a run share the baseline's error: corr(z_i, z_j) = v / (1 + v).
    const v = mean((d) => d.shared),
      runZ = (mean((d) => d.z) * n) / Math.sqrt(n + (n * (n - 1) * v) / (1 + v));
    const effect = cfg.relative ? cfg.minEffect * usual : cfg.minEffect;
    if (n < cfg.minRunDays || Math.abs(meanDeviation) < effect || Math.abs(runZ) < cfg.minRunZ) {
      for (const d of days) excluded[d.i] = 0; // a passing blip: back into the baseline
      return;
    }
    const from = days[0]!.i,
      to = days[n - 1]!.i,
      span = to - from + 1;
    episodes.push({
      metric,
      direction,
      fromDay: dayString(first + from),
      toDay: dayString(first + to),
      days: span,
      observedDays: n,
      meanDeviation,
      usual,
      explanation: cfg.describe(direction, Math.abs(meanDeviation), usual, span),
    });
  };

  for (let i = 0; i < vals.length; i++) {
    if (Number.isNaN(vals[i]!)) continue;
    const b = baselineAt(cfg, vals, excluded, i, first);
    if (!b) {
      close();
      continue;
    }
    const location = b.centre + b.offsets[weekday(first + i)]!;
    const z = (vals[i]! - location) / b.scale;
    const direction: Direction | null =
      z >= cfg.zThreshold && cfg.directions.includes('high')
        ? 'high'
        : z <= -cfg.zThreshold && cfg.directions.includes('low')
          ? 'low'
          : null;
    // A different direction, a day within the usual range, or two missing days in a row end a run.
    if (run && (direction !== run.direction || i - run.days[run.days.length - 1]!.i > 2)) close();
    if (!direction) continue;
    run ??= { direction, days: [] };
    const expected = back(location);
    run.days.push({ i, deviation: raw[i]! - expected, expected, z, shared: b.shared });
    if (run.days.length <= cfg.maxExcludedDays) excluded[i] = 1;
  }
  close();
  return { cfg, vals, back, first, excluded, episodes };
}

/** Sustained deviations of one metric's daily series from the person's own baseline, oldest first. */
export function detectAnomalies(
  metric: AnomalyMetric,
  series: readonly DailyValue[],
  overrides: Partial<AnomalyConfig> = {},
): AnomalyEpisode[] {
  return scan(metric, series, overrides).episodes;
}

export interface MetricBaseline {
  metric: AnomalyMetric;
  unit: string;
  /** Last observed day of the series. */
  asOfDay: string;
  /** Median of the location window (its days up to and including asOfDay, episodes left out), in `unit`. */
  usual: number;
  /** Typical range: 10th and 90th percentiles of the location window's days, in `unit`. */
  typicalLow: number;
  typicalHigh: number;
  /** The expected value of each weekday (0 = Sunday), in `unit`, where a weekly pattern is modelled. */
  usualByWeekday: number[] | null;
  /** The episode that reaches the last observed day, if any. */
  ongoing: AnomalyEpisode | null;
}

/** The baseline after the last observed day and whether an episode is ongoing; null without enough history. */
export function latestBaseline(
  metric: AnomalyMetric,
  series: readonly DailyValue[],
  overrides: Partial<AnomalyConfig> = {},
): MetricBaseline | null {
  const { cfg, vals, back, first, excluded, episodes } = scan(metric, series, overrides);
  const b = vals.length ? baselineAt(cfg, vals, excluded, vals.length, first) : null;
  if (!b) return null;
  const asOfDay = dayString(first + vals.length - 1),
    last = episodes[episodes.length - 1];
  return {
    metric,
    unit: cfg.unit,
    asOfDay,
    usual: back(b.usual),
    typicalLow: back(quantile(b.values, 0.1)),
    typicalHigh: back(quantile(b.values, 0.9)),
    usualByWeekday: cfg.weekly ? b.offsets.map((o) => back(b.centre + o)) : null,
    ongoing: last?.toDay === asOfDay ? last : null,
  };
}

/**
 * The history a baseline after the last observed day has, and needs: the observed days of its
 * location window (the `windowDays` days up to and including the last one) outside episodes, the
 * days the baseline counts (latestBaseline is null exactly while `days` < `needed`).
 */
export function baselineHistory(
  metric: AnomalyMetric,
  series: readonly DailyValue[],
  overrides: Partial<AnomalyConfig> = {},
): { days: number; needed: number; windowDays: number; toDay: string } | null {
  const { cfg, vals, first, excluded } = scan(metric, series, overrides);
  if (!vals.length) return null;
  let days = 0;
  for (let j = Math.max(0, vals.length - cfg.windowDays); j < vals.length; j++) if (!Number.isNaN(vals[j]!) && !excluded[j]) days++;
  return { days, needed: cfg.minHistoryDays, windowDays: cfg.windowDays, toDay: dayString(first + vals.length - 1) };
}

/** latestBaseline for every metric given; metrics without enough history are left out. */
export function latestBaselines(
  series: Partial<Record<AnomalyMetric, readonly DailyValue[]>>,
): Partial<Record<AnomalyMetric, MetricBaseline>> {
  const out: Partial<Record<AnomalyMetric, MetricBaseline>> = {};
  for (const metric of ANOMALY_METRICS) {
    const b = series[metric] ? latestBaseline(metric, series[metric]) : null;
    if (b) out[metric] = b;
  }
  return out;
}

/**
 * Daily glucose CV (%, population SD / mean, as in the AGP report) from CGM readings (startMs ascending),
 * per local day of each reading's own offset. A day counts only when its readings cover ≥ `minCoverageH`
 * hours (count × the median interval between its readings).
 */
export function dailyGlucoseCv(cgm: CgmSeries, minCoverageH = 12): DailyValue[] {
  const byDay = new Map<string, { t: number[]; v: number[] }>();
  for (let k = 0; k < cgm.startMs.length; k++) {
    const v = cgm.valueMgDl[k]!;
    if (!Number.isFinite(v) || v <= 0) continue;
    const day = localDay(cgm.startMs[k]!, cgm.offsetMin[k]!),
      d = byDay.get(day) ?? { t: [], v: [] };
    d.t.push(cgm.startMs[k]!);
    d.v.push(v);
    byDay.set(day, d);
  }
  const out: DailyValue[] = [];
  for (const [day, { t, v }] of byDay) {
    const gaps = t
      .slice(1)
      .map((x, k) => x - t[k]!)
      .filter((g) => g > 0);
    if (gaps.length === 0 || v.length * median(gaps) < minCoverageH * 3_600_000) continue;
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const variance = v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length;
    out.push({ day, value: (100 * Math.sqrt(variance)) / mean });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
