/**
 * Physiological plausibility ranges in canonical units (docs/metrics.md "Plausibility"). A value
 * outside its range is rejected with a reason; the rest of the file still imports. Ranges named in
 * the contract: body weight 2-650 kg, glucose 10-1500 mg/dL, heart rate 20-300 /min. The others are
 * set wide enough for every living person and tight enough to catch unit mix-ups (e.g. mmol/L read
 * as mg/dL, cm as m).
 */
import { METRICS, type MetricId } from './metrics.ts';
import { DAY_MS } from './util/time.ts';

export const PLAUSIBLE: Record<MetricId, readonly [min: number, max: number]> = {
  body_weight: [2, 650],
  height: [40, 272],
  bmi: [8, 150],
  waist_circumference: [30, 300],
  body_fat_percentage: [1, 80],
  blood_glucose: [10, 1500],
  cgm_glucose: [10, 1500],
  hba1c: [2, 25],
  systolic_bp: [40, 300],
  diastolic_bp: [20, 200],
  heart_rate: [20, 300],
  resting_heart_rate: [20, 250],
  hrv_sdnn: [1, 500],
  steps: [0, 200_000],
  active_energy: [0, 20_000],
  exercise_minutes: [0, 1440],
  dietary_energy: [0, 30_000],
  sleep: [0, 1440],
  total_cholesterol: [20, 2000],
  hdl_cholesterol: [2, 400],
  ldl_cholesterol: [2, 1500],
  triglycerides: [5, 20_000],
  creatinine: [0.05, 40],
  egfr: [1, 250],
  // Two hours after 75 g of glucose no conscious person reads below 20 mg/dL (reactive lows reach
  // ~40): the floor also refuses a value in mmol/L stored as mg/dL (7.8 or 11.1 read as mg/dL).
  ogtt_2h_glucose: [20, 1500],
  hrv_rmssd: [1, 500],
  // Below 50 % no living person is measured by a wearable; a fraction stored as % would read < 1.
  spo2: [50, 100],
  respiratory_rate: [3, 80],
};

const EARLIEST_MS = Date.UTC(1900, 0, 1);
/** Longest interval one sample may span: a day's total is one day; a week is generous. */
export const MAX_INTERVAL_MS = 7 * DAY_MS;

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

/** An instant as ISO 8601 UTC, or "(out of range)" where a Date cannot hold it (a huge number in a file). */
function iso(ms: number): string {
  return Number.isFinite(new Date(ms).getTime()) ? new Date(ms).toISOString() : '(out of range)';
}

/** The UTC day of an instant, or "(out of range)". */
function isoDay(ms: number): string {
  const s = iso(ms);
  return s.startsWith('(') ? s : s.slice(0, 10);
}

/**
 * Why a record's own times are wrong: its end before its start (swapped or corrupt times), whatever
 * its metric. Importers check it on the times a record was written with, before an instant metric
 * keeps its start only (docs/import-formats.md "Plausibility").
 */
export function endBeforeStart(metric: MetricId, startMs: number, endMs: number): string | undefined {
  return endMs < startMs ? `${metric}: end ${iso(endMs)} is before start ${iso(startMs)}` : undefined;
}

/** Why a sample cannot be stored, or undefined when it can. `nowMs` is the import's clock. */
export function implausible(metric: MetricId, startMs: number, endMs: number, value: number, nowMs: number): string | undefined {
  if (!Number.isFinite(startMs)) return `${metric}: start time is not a valid date`;
  if (!Number.isFinite(endMs)) return `${metric}: end time is not a valid date`;
  if (endMs < startMs) return `${metric}: end before start`;
  if (startMs < EARLIEST_MS) return `${metric}: date ${isoDay(startMs)} is before 1900`;
  if (startMs > nowMs + DAY_MS) return `${metric}: date ${isoDay(startMs)} is more than a day in the future`;
  if (endMs > nowMs + DAY_MS) return `${metric}: end ${isoDay(endMs)} is more than a day in the future`;
  if (endMs - startMs > MAX_INTERVAL_MS)
    return `${metric}: an interval of ${Math.round((endMs - startMs) / DAY_MS)} days is longer than ${MAX_INTERVAL_MS / DAY_MS}`;
  if (!Number.isFinite(value)) return `${metric}: value is not a number`;
  const [lo, hi] = PLAUSIBLE[metric];
  if (value < lo || value > hi) return `${metric} ${fmt(value)} ${METRICS[metric].unit} outside ${fmt(lo)}-${fmt(hi)}`;
  return undefined;
}
