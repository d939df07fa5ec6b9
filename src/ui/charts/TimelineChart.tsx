/**
 * The timeline's chart: Chart.js on a time axis with zoom and pan (chartjs-plugin-zoom: wheel,
 * pinch and drag; the page's buttons do the same from the keyboard). Long raw series are thinned
 * by min-max decimation; longer windows are drawn from daily min-max aggregates by the page.
 */
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
import zoomPlugin from 'chartjs-plugin-zoom';
import { t } from '../i18n/index.ts';

// A time axis (chartjs-adapter-date-fns places ticks on day, month and year boundaries); the labels
// themselves are written by Intl in the user's locale.
Chart.register(
  LineController,
  BarController,
  LineElement,
  BarElement,
  PointElement,
  LinearScale,
  TimeScale,
  Tooltip,
  Filler,
  Decimation,
  zoomPlugin,
);

export interface TimelineSeries {
  kind: 'line' | 'bar' | 'band' | 'points';
  label: string;
  x: ArrayLike<number>;
  /** line, bar, points: the values; band: the lower edge in `y` and the upper in `hi`. */
  y: ArrayLike<number>;
  hi?: ArrayLike<number>;
  color: string;
}

export interface TimelineChartProps {
  label: string;
  series: TimelineSeries[];
  unit: string;
  format: (v: number) => string;
  window: { min: number; max: number };
  bounds: { min: number; max: number };
  onWindow: (w: { min: number; max: number }) => void;
  target?: { lo: number; hi: number };
  height?: number;
}

type P = { x: number; y: number };
const pts = (x: ArrayLike<number>, y: ArrayLike<number>): P[] => Array.from({ length: x.length }, (_, i) => ({ x: x[i]!, y: y[i]! }));

/** The two edges of every band: the tooltip leaves them out (in any language). */
const bandEdges = new WeakSet<object>();

function toDatasets(series: TimelineSeries[]): ChartDataset<'line' | 'bar', P[]>[] {
  const out: ChartDataset<'line' | 'bar', P[]>[] = [];
  for (const s of series) {
    if (s.kind === 'band') {
      const base = out.length;
      const lo: ChartDataset<'line', P[]> = {
        type: 'line',
        label: t('timeline.chart.lowest', { series: s.label }),
        data: pts(s.x, s.y),
        borderWidth: 0,
        pointRadius: 0,
        fill: false,
        borderColor: 'transparent',
      };
      const hi: ChartDataset<'line', P[]> = {
        type: 'line',
        label: t('timeline.chart.highest', { series: s.label }),
        data: pts(s.x, s.hi!),
        borderWidth: 0,
        pointRadius: 0,
        borderColor: 'transparent',
        backgroundColor: s.color,
        fill: { target: base },
      };
      bandEdges.add(lo).add(hi);
      out.push(lo, hi);
    } else if (s.kind === 'bar') {
      out.push({
        type: 'bar',
        label: s.label,
        data: pts(s.x, s.y),
        backgroundColor: s.color,
        borderWidth: 0,
        barPercentage: 0.9,
        categoryPercentage: 1,
      });
    } else {
      out.push({
        type: 'line',
        label: s.label,
        data: pts(s.x, s.y),
        borderColor: s.color,
        backgroundColor: s.color,
        borderWidth: s.kind === 'points' ? 0 : 2,
        pointRadius: s.kind === 'points' ? 2 : 0,
        showLine: s.kind !== 'points',
        tension: 0.15,
      });
    }
  }
  return out;
}

export default function TimelineChart({
  label,
  series,
  unit,
  format,
  window: win,
  bounds,
  onWindow,
  target,
  height = 280,
}: TimelineChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dark = useDarkMode();
  const chart = useRef<Chart<'line' | 'bar', P[]>>(null);
  const onWindowRef = useRef(onWindow);
  const targetRef = useRef(target);
  useEffect(() => {
    onWindowRef.current = onWindow;
    targetRef.current = target;
  }, [onWindow, target]);

  useEffect(() => {
    const { grid, text } = axisColours(dark);
    const report = ({ chart: c }: { chart: Chart }): void => {
      const x = c.scales.x!;
      onWindowRef.current({ min: x.min, max: x.max });
    };
    const c = new Chart<'line' | 'bar', P[]>(canvas.current!, {
      type: 'line',
      data: { datasets: [] },
      options: {
        ...STATIC_CHART_OPTIONS,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'time', grid: { color: grid }, ticks: { color: text, maxTicksLimit: 7, maxRotation: 0, autoSkip: true } },
          y: { grid: { color: grid }, ticks: { color: text, maxTicksLimit: 6 }, title: { display: true, color: text } },
        },
        plugins: {
          decimation: { enabled: true, algorithm: 'min-max' },
          tooltip: { filter: (item) => !bandEdges.has(item.dataset) },
          zoom: {
            zoom: { wheel: { enabled: true }, pinch: { enabled: true }, mode: 'x', onZoomComplete: report },
            pan: { enabled: true, mode: 'x', onPanComplete: report },
          },
        },
      },
      plugins: [targetRangePlugin(() => targetRef.current) as Plugin<'line' | 'bar'>],
    });
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const span = win.max - win.min;
    const fmt = new Intl.DateTimeFormat(
      undefined,
      span <= 3 * 86_400_000
        ? { weekday: 'short', hour: '2-digit', minute: '2-digit' }
        : span <= 120 * 86_400_000
          ? { month: 'short', day: 'numeric' }
          : { month: 'short', year: 'numeric' },
    );
    c.data.datasets = toDatasets(series);
    const x = c.options.scales!.x!,
      y = c.options.scales!.y!;
    x.min = win.min;
    x.max = win.max;
    x.ticks!.callback = (v) => fmt.format(Number(v));
    y.title!.text = unit;
    y.ticks!.callback = (v) => format(Number(v));
    c.options.plugins!.tooltip!.callbacks = {
      title: (items) =>
        items[0]
          ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: span <= 14 * 86_400_000 ? 'short' : undefined }).format(
              items[0].parsed.x ?? 0,
            )
          : '',
      label: (item) => t('common.chart.tooltip', { series: String(item.dataset.label), value: format(item.parsed.y ?? 0), unit }),
    };
    c.options.plugins!.zoom!.limits = { x: { min: bounds.min, max: bounds.max, minRange: 6 * 3_600_000 } };
    c.update('none');
  }, [series, unit, format, win.min, win.max, bounds.min, bounds.max, dark]);

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
