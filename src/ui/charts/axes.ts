/**
 * What the charts' axes say, as pure decisions (no Chart.js here, so they are unit-tested alone):
 * where the value axis starts, how the dates of a window are written, and how a year from now reads.
 */
import { tn, t } from '../i18n/index.ts';

const DAY_MS = 86_400_000;

/**
 * A bar is read by its length, so a chart with bars (a day's total: steps, sleep) starts its value
 * axis at zero; lines of measurements (weight, glucose) keep a range fitted to the data.
 */
export function valueAxisFromZero(kinds: readonly string[]): boolean {
  return kinds.includes('bar');
}

/** Whether the window's first and last instants fall in different calendar years (the user's zone). */
export function spansYears(minMs: number, maxMs: number): boolean {
  return new Date(minMs).getFullYear() !== new Date(maxMs).getFullYear();
}

/**
 * The date ticks of a window: the weekday and time over a few days, the day over a few months, the
 * month beyond; `unit` is the smallest step between ticks, so that no two ticks read the same. The
 * year is written in full (`numeric`, never `2-digit`) on every tick of a window that spans years
 * and on month ticks, so "Jan 1, 11" cannot appear.
 */
export function dateTicks(minMs: number, maxMs: number): { format: Intl.DateTimeFormatOptions; unit: 'hour' | 'day' | 'month' } {
  const span = maxMs - minMs;
  const years = spansYears(minMs, maxMs);
  if (span <= 3 * DAY_MS)
    return {
      unit: 'hour',
      format: years
        ? { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }
        : { weekday: 'short', hour: '2-digit', minute: '2-digit' },
    };
  if (span <= 120 * DAY_MS)
    return { unit: 'day', format: years ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' } };
  return { unit: 'month', format: { month: 'short', year: 'numeric' } };
}

/** Intl options for the date a tooltip names: the full date, and the time of day over a month or less. */
export function dateTooltipFormat(minMs: number, maxMs: number): Intl.DateTimeFormatOptions {
  return maxMs - minMs <= 31 * DAY_MS ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
}

/** A tick of a forecast's axis of whole years from now: "Now", "1 year", "5 years". */
export function yearTick(years: number): string {
  return years === 0 ? t('common.chart.now') : tn('common.chart.yearTick', years);
}

/** A tooltip's title on that axis: "Now", "In 1 year", "In 5 years". */
export function yearTitle(years: number): string {
  return years === 0 ? t('common.chart.now') : tn('common.chart.yearTitle', years);
}
