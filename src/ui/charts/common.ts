/** What the app's charts share: the shaded target range and the axis colours of light and dark mode. */
import type { Chart, Plugin } from 'chart.js';

export type Range = { lo: number; hi: number };

/** Shades a target range (e.g. 70-180 mg/dL) behind the data; `get` is read at each draw, so the range can change without a new chart. */
export function targetRangePlugin(get: () => Range | undefined): Plugin {
  return {
    id: 'targetRange',
    beforeDatasetsDraw(chart: Chart) {
      const r = get();
      if (!r) return;
      const { ctx, chartArea, scales } = chart;
      ctx.save();
      ctx.fillStyle = 'rgba(16, 185, 129, 0.12)';
      const top = scales.y!.getPixelForValue(r.hi),
        bottom = scales.y!.getPixelForValue(r.lo);
      ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
      ctx.restore();
    },
  };
}

/** Grid and tick colours readable in the current colour scheme. */
export function axisColours(dark: boolean): { grid: string; text: string } {
  return dark ? { grid: 'rgba(255,255,255,0.08)', text: '#cbd5e1' } : { grid: 'rgba(0,0,0,0.07)', text: '#475569' };
}

/**
 * What every chart here sets the same: no animation (a redraw is one synchronous draw), data given
 * as {x, y} points already sorted (no parsing), and sized by its container.
 */
export const STATIC_CHART_OPTIONS = {
  animation: false,
  parsing: false,
  normalized: true,
  responsive: true,
  maintainAspectRatio: false,
} as const;
