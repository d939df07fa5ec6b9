/**
 * A chart's window of time, as pure decisions: how its title names it, where a zoom centres, and
 * when the mouse wheel zooms rather than scrolls the page.
 */
import { tn } from '../i18n/index.ts';

const DAY_MS = 86_400_000;

/**
 * The words for a window of the `days` days up to the newest data (ending at `endMs`): "last 14
 * days" while that data is at most a day old, else "last 14 days of data, to 1 Nov 2016", so a
 * title never claims recent days for data from years ago.
 */
export function lastDays(days: number, endMs: number, nowMs: number, formatDate: (ms: number) => string): string {
  return nowMs - endMs <= DAY_MS ? tn('common.chart.lastDays', days) : tn('common.chart.lastDaysTo', days, { to: formatDate(endMs) });
}

/**
 * Where a zoom centres: on the data in the window (the middle of its points in time, so a zoom in
 * keeps half the points in view), or on the point nearest the window's middle where the window
 * holds none; the window's middle when there is no data at all. `xs` is sorted.
 */
export function dataCentre(win: { min: number; max: number }, xs: ArrayLike<number>): number {
  const mid = (win.min + win.max) / 2;
  if (!xs.length) return mid;
  const lo = firstAtOrAfter(xs, win.min),
    hi = firstAtOrAfter(xs, win.max + 1e-9);
  if (hi > lo) return xs[(lo + hi - 1) >> 1]!;
  const after = xs[Math.min(lo, xs.length - 1)]!,
    before = xs[Math.max(lo - 1, 0)]!;
  return Math.abs(after - mid) < Math.abs(mid - before) ? after : before;
}

function firstAtOrAfter(xs: ArrayLike<number>, v: number): number {
  let lo = 0,
    hi = xs.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (xs[m]! < v) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** The parts of a wheel event the decision reads (a DOM WheelEvent has them). */
export interface WheelLike {
  ctrlKey: boolean;
  metaKey: boolean;
  deltaY: number;
  /** 0 pixels, 1 lines, 2 pages (WheelEvent.deltaMode). */
  deltaMode: number;
}

/**
 * The zoom factor of a wheel event over a chart (below 1 zooms in), or undefined: without Ctrl or
 * ⌘ the wheel scrolls the page. A trackpad pinch arrives as a wheel with Ctrl held and small
 * deltas, so the factor follows the delta: one notch of a mouse wheel (100 px) is about 1.26×.
 */
export function wheelZoomFactor(e: WheelLike): number | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.deltaY === 0) return undefined;
  const px = e.deltaY * (e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 400 : 1);
  return 2 ** (Math.max(-400, Math.min(400, px)) / 300);
}
