/**
 * The data side of the on-device glucose forecaster (issue 8): which readings are enough to learn
 * from, the split into training, early-stopping and held-out evaluation days, the optional meal and
 * insulin features, and the scaled inputs the network sees. Pure: the network itself is in
 * src/ml/glucose-forecaster.ts (TensorFlow.js lives in the ml worker only).
 */
import { readingIntervalMin } from '../cgm/agp.ts';
import { DAY_MS } from '../util/time.ts';
import { makeWindows, type CgmSeries, type Windows } from './windows.ts';

/** Forecast horizons, minutes ahead of the last reading. */
export const HORIZONS_MIN = [30, 60] as const;
export type HorizonMin = (typeof HORIZONS_MIN)[number];

/** Minutes of readings each window looks back over. */
export const HISTORY_MIN = 60;
/** A day counts towards the 7 needed when its readings cover at least this many hours. */
export const COVERED_DAY_H = 12;
export const MIN_DAYS = 7;

/** mg/dL per network unit: inputs and targets are differences from the last reading, divided by this. */
export const SCALE_MGDL = 50;
/** Centre of the last reading's level input, mg/dL. */
export const CENTRE_MGDL = 140;

/** Dated amounts (carbohydrate grams or insulin units) some CGM exports carry. */
export interface DoseEvent {
  startMs: number;
  amount: number;
}

/** Past-time bins for meal and insulin features: an event's age before the last reading, minutes, in [from, to). */
export const EVENT_BINS_MIN: readonly [number, number][] = [
  [0, 30],
  [30, 60],
  [60, 120],
  [120, 180],
];

export interface Coverage {
  intervalMin: number;
  /** Local days whose readings cover ≥ 12 h. */
  coveredDays: number;
  firstMs: number;
  lastMs: number;
}

/** How much CGM there is to learn from: the reading interval and the days well covered. */
export function cgmCoverage(s: CgmSeries): Coverage {
  const n = s.startMs.length;
  const intervalMin = readingIntervalMin(s.startMs);
  const perDay = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const day = Math.floor((s.startMs[i]! + s.offsetMin[i]! * 60_000) / DAY_MS);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const needed = (COVERED_DAY_H * 60) / intervalMin;
  let coveredDays = 0;
  for (const c of perDay.values()) if (c >= needed) coveredDays++;
  return { intervalMin, coveredDays, firstMs: n ? s.startMs[0]! : NaN, lastMs: n ? s.startMs[n - 1]! : NaN };
}

/** Readings per window for the series' interval (an hour of them, at least three). */
export function historyLength(intervalMin: number): number {
  return Math.max(3, Math.round(HISTORY_MIN / intervalMin));
}

/** Appends, per event stream, its amounts summed in each of EVENT_BINS_MIN before each window's last reading. */
export function withEvents(w: Windows, streams: readonly (readonly DoseEvent[])[]): Windows {
  if (!streams.length) return w;
  const extra = streams.length * EVENT_BINS_MIN.length;
  const features = w.features + extra;
  const x = new Float32Array(w.n * features);
  const sorted = streams.map((s) => [...s].sort((a, b) => a.startMs - b.startMs));
  for (let i = 0; i < w.n; i++) {
    x.set(w.x.subarray(i * w.features, (i + 1) * w.features), i * features);
    let col = i * features + w.features;
    for (const events of sorted) {
      for (const [from, to] of EVENT_BINS_MIN) {
        const hi = w.tMs[i]! - from * 60_000,
          lo = w.tMs[i]! - to * 60_000;
        let sum = 0;
        for (const e of events) {
          if (e.startMs > hi) break;
          if (e.startMs > lo) sum += e.amount;
        }
        x[col++] = sum;
      }
    }
  }
  return { ...w, x, features };
}

/** Windows for one horizon, with event features when the export has events. */
export function forecastWindows(s: CgmSeries, horizonMin: number, streams: readonly (readonly DoseEvent[])[] = []): Windows {
  const intervalMin = readingIntervalMin(s.startMs);
  return withEvents(makeWindows(s, historyLength(intervalMin), horizonMin, intervalMin), streams);
}

export interface DaySplit {
  /** Windows the network learns from. */
  train: Windows;
  /** The last training days, for early stopping only. */
  val: Windows;
  /** Held-out later days: the evaluation against the baselines. */
  test: Windows;
  testFromMs: number;
  valFromMs: number;
  /** Local days held out for evaluation. */
  testDays: number;
}

/**
 * Splits in time: the last quarter of the days (at least 2) are held out for evaluation, and the
 * last sixth of the remaining days (at least 1) stop training early. Boundaries are at local
 * midnight of the series' last offset. A window belongs to the part its last input falls in, and
 * to training or early stopping only if its target (due `horizonMin` after its last input, taken up
 * to half an interval later) falls before the next part: no reading of a later part reaches an
 * earlier one. (Inputs of the first windows of a part may come from the part before: that is
 * history the forecast would have, not the answer.)
 */
export function splitDays(w: Windows, cov: Coverage, offsetMin: number, horizonMin: number): DaySplit {
  const localDay = (t: number): number => Math.floor((t + offsetMin * 60_000) / DAY_MS);
  const first = localDay(cov.firstMs),
    last = localDay(cov.lastMs);
  const days = last - first + 1;
  const testDays = Math.max(2, Math.round(days / 4));
  const valDays = Math.max(1, Math.round((days - testDays) / 6));
  const midnight = (d: number): number => d * DAY_MS - offsetMin * 60_000;
  const testFromMs = midnight(last - testDays + 1),
    valFromMs = midnight(last - testDays - valDays + 1);
  // The target is the first reading at or after the due time, up to half an interval after it.
  const h = horizonMin * 60_000 + (cov.intervalMin * 60_000) / 2;
  const pick = (keep: (t: number) => boolean): Windows => subset(w, (i) => keep(w.tMs[i]!));
  return {
    train: pick((t) => t + h < valFromMs),
    val: pick((t) => t >= valFromMs && t + h < testFromMs),
    test: pick((t) => t >= testFromMs),
    testFromMs,
    valFromMs,
    testDays,
  };
}

export function subset(w: Windows, keep: (i: number) => boolean): Windows {
  const idx: number[] = [];
  for (let i = 0; i < w.n; i++) if (keep(i)) idx.push(i);
  const x = new Float32Array(idx.length * w.features);
  idx.forEach((i, r) => x.set(w.x.subarray(i * w.features, (i + 1) * w.features), r * w.features));
  return {
    x,
    y: Float32Array.from(idx, (i) => w.y[i]!),
    tMs: Float64Array.from(idx, (i) => w.tMs[i]!),
    last: Float32Array.from(idx, (i) => w.last[i]!),
    n: idx.length,
    features: w.features,
  };
}

/**
 * The network's inputs: each history reading minus the last one, the last reading's level, in
 * SCALE_MGDL units; the clock terms as they are; event amounts per 50 g or 5 units. The network
 * predicts the change from the last reading, so zero is the persistence forecast.
 */
export function networkInputs(w: Windows, history: number, eventScales: readonly number[] = []): Float32Array {
  const out = new Float32Array(w.n * w.features);
  for (let i = 0; i < w.n; i++) {
    const row = i * w.features,
      last = w.last[i]!;
    for (let k = 0; k < history - 1; k++) out[row + k] = (w.x[row + k]! - last) / SCALE_MGDL;
    out[row + history - 1] = (last - CENTRE_MGDL) / SCALE_MGDL;
    out[row + history] = w.x[row + history]!;
    out[row + history + 1] = w.x[row + history + 1]!;
    for (let c = history + 2, e = 0; c < w.features; c++, e++) {
      out[row + c] = w.x[row + c]! / (eventScales[Math.floor(e / EVENT_BINS_MIN.length)] ?? 50);
    }
  }
  return out;
}

export function networkTargets(w: Windows): Float32Array {
  return Float32Array.from(w.y, (y, i) => (y - w.last[i]!) / SCALE_MGDL);
}

/** Network outputs back to mg/dL, kept within the CGM range (40-400). */
export function fromNetwork(w: Windows, out: ArrayLike<number>): Float32Array {
  return Float32Array.from(w.last, (last, i) => Math.min(400, Math.max(40, last + out[i]! * SCALE_MGDL)));
}

/**
 * The window ending at the series' newest reading (no target yet), or undefined when the last
 * hour of readings has a gap: a forecast needs the same evenly spaced history it learnt from.
 */
export function latestWindow(s: CgmSeries, streams: readonly (readonly DoseEvent[])[] = []): Windows | undefined {
  const n = s.startMs.length;
  const intervalMin = readingIntervalMin(s.startMs);
  const history = historyLength(intervalMin);
  if (n < history) return undefined;
  const step = intervalMin * 60_000;
  for (let k = n - history + 1; k < n; k++) {
    const gap = s.startMs[k]! - s.startMs[k - 1]!;
    if (gap <= 0 || gap > 1.5 * step) return undefined;
  }
  const x = new Float32Array(history + 2);
  for (let k = 0; k < history; k++) x[k] = s.valueMgDl[n - history + k]!;
  const minute = (((s.startMs[n - 1]! / 60_000 + s.offsetMin[n - 1]!) % 1440) + 1440) % 1440;
  x[history] = Math.sin((2 * Math.PI * minute) / 1440);
  x[history + 1] = Math.cos((2 * Math.PI * minute) / 1440);
  const w: Windows = {
    x,
    y: new Float32Array([NaN]),
    tMs: new Float64Array([s.startMs[n - 1]!]),
    last: new Float32Array([s.valueMgDl[n - 1]!]),
    n: 1,
    features: history + 2,
  };
  return withEvents(w, streams);
}
