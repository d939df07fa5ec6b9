/** The timeline's data as chart series: daily aggregates for long windows, raw samples for short ones. */
import { METRICS, type MetricId } from '../../../models/metrics.ts';
import type { DailyRow } from '../../data/rows.ts';
import type { Settings } from '../../data/settings.ts';
import { toDisplay } from '../format.ts';
import type { TimelineSeries } from '../charts/TimelineChart.tsx';
import { t } from '../i18n/index.ts';

export const DAY_MS = 86_400_000;
export type Range = 'week' | 'month' | 'year' | 'all';
export const RANGE_DAYS: Record<Exclude<Range, 'all'>, number> = { week: 7, month: 30, year: 365 };
/** At or below this span, instant metrics are drawn from their raw samples. */
export const RAW_MAX_MS = 14 * DAY_MS;

/** Sleep is stored in minutes and shown in hours; other metrics in the user's unit. */
export function dayValue(metric: MetricId, v: number, s: Settings): number {
  return metric === 'sleep' ? v / 60 : toDisplay(metric, v, s);
}

const noon = (day: string): number => Date.parse(`${day}T12:00:00`);

/**
 * Lab results: a few measurements months apart, each one a test. They are drawn as their points
 * joined by straight segments at every density: a curve between them, or a daily band, would show
 * values nobody measured.
 */
const LAB_RESULTS: ReadonlySet<MetricId> = new Set([
  'hba1c',
  'total_cholesterol',
  'hdl_cholesterol',
  'ldl_cholesterol',
  'triglycerides',
  'creatinine',
  'egfr',
  'ogtt_2h_glucose',
]);
export function isLabResult(metric: MetricId): boolean {
  return LAB_RESULTS.has(metric);
}

/** Points joined by straight segments (the line and its points). */
function joinedPoints(label: string, x: ArrayLike<number>, y: ArrayLike<number>, color: string): TimelineSeries[] {
  return [
    { kind: 'line', label, x, y, color },
    { kind: 'points', label: t('timeline.series.measured'), x, y, color },
  ];
}

/**
 * Daily series: a bar of the day's total (cumulative metrics); an instant metric's min-max band with
 * the daily mean, or, for lab results and sparse data, each day's last value as points joined.
 */
export function dailySeries(metric: MetricId, rows: DailyRow[], s: Settings, color: string): TimelineSeries[] {
  const x = rows.map((r) => noon(r.day));
  if (METRICS[metric].kind !== 'instant') {
    return [
      {
        kind: 'bar',
        label: t(metric === 'sleep' ? 'timeline.series.asleep' : 'timeline.series.dayTotal'),
        x,
        y: rows.map((r) => dayValue(metric, r.sum, s)),
        color,
      },
    ];
  }
  const sparse = isLabResult(metric) || rows.length < 60 || rows.every((r) => r.n === 1);
  const mean = rows.map((r) => dayValue(metric, r.sum / r.n, s));
  if (sparse)
    return joinedPoints(
      t('timeline.series.value'),
      x,
      rows.map((r) => dayValue(metric, r.last, s)),
      color,
    );
  return [
    {
      kind: 'band',
      label: t('timeline.series.dailyRange'),
      x,
      y: rows.map((r) => dayValue(metric, r.min, s)),
      hi: rows.map((r) => dayValue(metric, r.max, s)),
      color: `${color}33`,
    },
    { kind: 'line', label: t('timeline.series.dailyMean'), x, y: mean, color },
  ];
}

/** Raw samples (a short window of an instant metric). */
export function rawSeries(metric: MetricId, start: Float64Array, value: Float64Array, s: Settings, color: string): TimelineSeries[] {
  const y = Float64Array.from(value, (v) => dayValue(metric, v, s));
  if (isLabResult(metric)) return joinedPoints(METRICS[metric].label, start, y, color);
  return [{ kind: start.length > 400 ? 'line' : 'points', label: METRICS[metric].label, x: start, y, color }];
}

/** The window a range shows, ending at the newest data. */
export function rangeWindow(range: Range, bounds: { min: number; max: number }): { min: number; max: number } {
  if (range === 'all') return bounds;
  return { min: Math.max(bounds.min, bounds.max - RANGE_DAYS[range] * DAY_MS), max: bounds.max };
}

/**
 * Pans (fraction of the span, negative = earlier) or zooms (factor < 1 = in) inside the bounds; a
 * zoom centres on `centre` where given (the data's middle: charts/window.ts `dataCentre`).
 */
export function moveWindow(
  w: { min: number; max: number },
  b: { min: number; max: number },
  op: { pan?: number; zoom?: number; centre?: number },
): { min: number; max: number } {
  let span = w.max - w.min;
  let mid = op.zoom && op.centre !== undefined ? op.centre : (w.min + w.max) / 2;
  if (op.zoom) span = Math.min(b.max - b.min, Math.max(6 * 3_600_000, span * op.zoom));
  if (op.pan) mid += op.pan * span;
  let min = mid - span / 2,
    max = mid + span / 2;
  if (min < b.min) [min, max] = [b.min, b.min + span];
  if (max > b.max) [min, max] = [b.max - span, b.max];
  return { min: Math.max(b.min, min), max };
}
