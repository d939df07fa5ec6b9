/**
 * Settings of the personal-baseline anomaly flags (models/ml/anomaly.ts), per metric: the directions
 * that are flagged, the minimum effect in the metric's unit, the scale floor, whether a weekly pattern
 * is modelled, the windows and thresholds, and the plain-English sentence of an episode. The values
 * are product choices (see docs/models.md, "Personal baselines"), not validated clinical cut-offs.
 */
export type AnomalyMetric = 'resting_heart_rate' | 'hrv_sdnn' | 'sleep' | 'steps' | 'glucose_cv';
export const ANOMALY_METRICS: readonly AnomalyMetric[] = ['resting_heart_rate', 'hrv_sdnn', 'sleep', 'steps', 'glucose_cv'];
export type Direction = 'high' | 'low';

export interface DailyValue {
  /** Local calendar day, YYYY-MM-DD. Days may be missing. */
  day: string;
  /** In the metric's unit (AnomalyConfig.unit). */
  value: number;
}

export interface AnomalyConfig {
  label: string;
  /** Unit of the daily value and of every deviation. */
  unit: string;
  /** Directions that are flagged. */
  directions: readonly Direction[];
  /** Modelled on the log scale (values ≤ 0 are dropped); minEffect and minScale are then fractions. */
  relative: boolean;
  /** Minimum |mean deviation| of an episode: in `unit`, or as a fraction of the usual value when `relative`. */
  minEffect: number;
  /** Floor of the scale: in `unit`, or in natural-log units (≈ a fraction) when `relative`. */
  minScale: number;
  /** Model a day-of-week pattern (weekday offsets). */
  weekly: boolean;
  /** Trailing window for the location, calendar days before the scored day. */
  windowDays: number;
  /** Longer trailing window for the scale and the weekday offsets, calendar days. */
  scaleWindowDays: number;
  /** Observed, non-excluded days the location window needs for a baseline. */
  minHistoryDays: number;
  /** |robust z| a day must reach to count toward an episode. */
  zThreshold: number;
  /** |combined z| an episode must reach over its observed days. */
  minRunZ: number;
  /** Observed days an episode needs. */
  minRunDays: number;
  /** Observed days of one episode kept out of the baseline. */
  maxExcludedDays: number;
  /** Plain-English sentence; `deviation` is |mean deviation| in `unit`, `usual` in `unit`, `days` calendar days. */
  describe(direction: Direction, deviation: number, usual: number, days: number): string;
}

export interface AnomalyEpisode {
  metric: AnomalyMetric;
  direction: Direction;
  fromDay: string;
  toDay: string;
  /** Calendar days from fromDay to toDay inclusive. */
  days: number;
  /** Days with a value inside the episode. */
  observedDays: number;
  /** Mean of value − baseline over the observed days, in the metric's unit (signed). */
  meanDeviation: number;
  /** The baseline (median, with weekday offsets where modelled) averaged over the observed days, in the metric's unit. */
  usual: number;
  explanation: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const side = (d: Direction): string => (d === 'high' ? 'above' : 'below');
const pct = (dev: number, usual: number): number => Math.round((100 * dev) / Math.abs(usual));
function hoursMinutes(min: number): string {
  const m = Math.round(min / 5) * 5,
    h = Math.floor(m / 60),
    r = m % 60;
  return h === 0 ? `${r} min` : r === 0 ? `${h} h` : `${h} h ${r} min`;
}

const COMMON = {
  windowDays: 42,
  scaleWindowDays: 126,
  minHistoryDays: 14,
  zThreshold: 0.5,
  minRunZ: 2.8,
  minRunDays: 3,
  maxExcludedDays: 14,
};

export const ANOMALY_CONFIG: Readonly<Record<AnomalyMetric, AnomalyConfig>> = {
  resting_heart_rate: {
    ...COMMON,
    label: 'Resting heart rate',
    unit: 'bpm',
    directions: ['high'],
    relative: false,
    minEffect: 4,
    minScale: 1,
    weekly: false,
    describe: (d, dev, usual, n) =>
      `Resting heart rate ${Math.round(dev)} bpm ${side(d)} your usual (${Math.round(usual)} bpm) for ${plural(n, 'day')}`,
  },
  hrv_sdnn: {
    ...COMMON,
    label: 'Heart rate variability (SDNN)',
    unit: 'ms',
    directions: ['low'],
    relative: true,
    minEffect: 0.15,
    minScale: 0.04,
    weekly: false,
    describe: (d, dev, usual, n) =>
      `Heart rate variability (SDNN) ${pct(dev, usual)} % ${side(d)} your usual (${Math.round(usual)} ms) for ${plural(n, 'day')}`,
  },
  sleep: {
    ...COMMON,
    label: 'Sleep',
    unit: 'min',
    directions: ['high', 'low'],
    relative: false,
    minEffect: 45,
    minScale: 15,
    weekly: true,
    minHistoryDays: 21,
    // Both directions share the false-alarm budget: z for a one-sided 0.13 % instead of 0.26 %.
    minRunZ: 3,
    describe: (d, dev, _usual, n) =>
      `Sleep ${hoursMinutes(dev)} ${d === 'high' ? 'longer' : 'shorter'} than usual for ${plural(n, 'night')}`,
  },
  steps: {
    // Combined z 3.5: step counts drift for days at a time (a busy week, a trip); at 2.8 a typical
    // person would be told of a "drop" every few weeks.
    ...COMMON,
    label: 'Steps',
    unit: 'steps',
    directions: ['low'],
    relative: true,
    minEffect: 0.25,
    minScale: 0.05,
    weekly: true,
    minHistoryDays: 21,
    minRunZ: 3.5,
    describe: (d, dev, usual, n) => `Steps ${pct(dev, usual)} % ${side(d)} your usual for ${plural(n, 'day')}`,
  },
  glucose_cv: {
    ...COMMON,
    label: 'Glucose variability (CV)',
    unit: '%',
    directions: ['high'],
    relative: false,
    minEffect: 4,
    minScale: 1,
    weekly: false,
    describe: (d, dev, usual, n) =>
      `Glucose variability (CV) ${plural(Math.round(dev), 'percentage point')} ${side(d)} your usual (${Math.round(usual)} %) for ${plural(n, 'day')}`,
  },
};
