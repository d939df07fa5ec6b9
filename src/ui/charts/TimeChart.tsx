/**
 * Time-series chart on Chart.js, loaded lazily (React.lazy) so the first screen stays small. Bars
 * start at zero, dates carry the full year where the data spans years, and lines are straight
 * segments between the points (no smoothing).
 */
import { useEffect, useRef } from 'react';
import { useDarkMode } from '../hooks/useDarkMode.ts';
import { axisColours, STATIC_CHART_OPTIONS, targetRangePlugin } from './common.ts';
import { dateTicks, dateTooltipFormat, valueAxisFromZero } from './axes.ts';
import {
  BarController,
  BarElement,
  Chart,
  Decimation,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  TimeScale,
  Tooltip,
  type ChartDataset,
  type Plugin,
} from 'chart.js';
import 'chartjs-adapter-date-fns';

// A time axis (ticks on day and month boundaries, chartjs-adapter-date-fns); labels by Intl in the user's locale.
Chart.register(LineController, BarController, LineElement, BarElement, PointElement, LinearScale, TimeScale, Tooltip, Filler, Decimation);

export interface Series {
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  type?: 'line' | 'bar';
}

export interface TimeChartProps {
  /** Accessible description of what the chart shows. */
  label: string;
  series: Series[];
  unit: string;
  /** A shaded target band, e.g. 70-180 mg/dL. */
  band?: { lo: number; hi: number };
  /** The time the x axis shows, when it is a window (e.g. the last 14 days of data) rather than all the data. */
  window?: { min: number; max: number };
  height?: number;
}

const HALF_DAY_MS = 43_200_000;

export default function TimeChart({ label, series, unit, band, window: win, height = 220 }: TimeChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dark = useDarkMode();
  useEffect(() => {
    const { grid, text } = axisColours(dark);
    const datasets = series.map((s): ChartDataset<'line' | 'bar', { x: number; y: number }[]> => {
      const data = Array.from({ length: s.x.length }, (_, i) => ({ x: s.x[i]!, y: s.y[i]! }));
      return s.type === 'bar'
        ? { type: 'bar', label: s.label, data, backgroundColor: s.color, borderWidth: 0, barPercentage: 1, categoryPercentage: 1 }
        : {
            type: 'line',
            label: s.label,
            data,
            borderColor: s.color,
            backgroundColor: s.color,
            borderWidth: 2,
            pointRadius: 0,
            tension: 0,
          };
    });
    let xMin = Infinity,
      xMax = -Infinity;
    for (const s of series) {
      if (s.x.length) {
        xMin = Math.min(xMin, s.x[0]!);
        xMax = Math.max(xMax, s.x[s.x.length - 1]!);
      }
    }
    // A day's bar is centred on its noon: the axis holds the whole first and last day.
    const kinds = series.map((s) => s.type ?? 'line');
    if (valueAxisFromZero(kinds)) [xMin, xMax] = [xMin - HALF_DAY_MS, xMax + HALF_DAY_MS];
    if (win) [xMin, xMax] = [win.min, win.max];
    const ticks = dateTicks(xMin, xMax);
    const fmt = new Intl.DateTimeFormat(undefined, ticks.format);
    const tipFmt = new Intl.DateTimeFormat(undefined, dateTooltipFormat(xMin, xMax));
    const chart = new Chart(canvas.current!, {
      type: 'line',
      data: { datasets },
      options: {
        ...STATIC_CHART_OPTIONS,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: {
            type: 'time',
            time: { minUnit: ticks.unit },
            min: xMin,
            max: xMax,
            grid: { color: grid },
            ticks: { color: text, maxTicksLimit: 6, maxRotation: 0, callback: (v) => fmt.format(Number(v)) },
          },
          y: {
            beginAtZero: valueAxisFromZero(kinds),
            grid: { color: grid },
            ticks: { color: text },
            title: { display: true, text: unit, color: text },
          },
        },
        plugins: {
          decimation: { enabled: true, algorithm: 'min-max' },
          tooltip: { callbacks: { title: (items) => (items[0] ? tipFmt.format(items[0].parsed.x ?? 0) : '') } },
        },
      },
      plugins: [targetRangePlugin(() => band) as Plugin<'line' | 'bar'>],
    });
    return () => chart.destroy();
    // The window by its edges: a caller may pass a new object of the same window each render.
  }, [series, unit, band, win?.min, win?.max, dark]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
