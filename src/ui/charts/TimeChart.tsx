/** Time-series chart on Chart.js, loaded lazily (React.lazy) so the first screen stays small. */
import { useEffect, useRef } from 'react';
import { useDarkMode } from '../hooks/useDarkMode.ts';
import { axisColours, STATIC_CHART_OPTIONS, targetRangePlugin } from './common.ts';
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
  /** Tick labels: dates, or date and time of day. */
  ticks?: 'day' | 'time';
  height?: number;
}

export default function TimeChart({ label, series, unit, band, ticks = 'day', height = 220 }: TimeChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dark = useDarkMode();
  useEffect(() => {
    const fmt = new Intl.DateTimeFormat(
      undefined,
      ticks === 'time' ? { weekday: 'short', hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric', year: '2-digit' },
    );
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
            tension: 0.2,
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
    const chart = new Chart(canvas.current!, {
      type: 'line',
      data: { datasets },
      options: {
        ...STATIC_CHART_OPTIONS,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: {
            type: 'time',
            min: xMin,
            max: xMax,
            grid: { color: grid },
            ticks: { color: text, maxTicksLimit: 6, maxRotation: 0, callback: (v) => fmt.format(Number(v)) },
          },
          y: { grid: { color: grid }, ticks: { color: text }, title: { display: true, text: unit, color: text } },
        },
        plugins: {
          decimation: { enabled: true, algorithm: 'min-max' },
          tooltip: { callbacks: { title: (items) => (items[0] ? fmt.format(items[0].parsed.x ?? 0) : '') } },
        },
      },
      plugins: [targetRangePlugin(() => band) as Plugin<'line' | 'bar'>],
    });
    return () => chart.destroy();
  }, [series, unit, band, ticks, dark]);
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
