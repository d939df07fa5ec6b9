/**
 * The timeline's chart: Chart.js on a time axis with pan and pinch (chartjs-plugin-zoom) and zoom by
 * Ctrl/⌘ + wheel (the page's buttons do the same from the keyboard); the wheel alone scrolls the
 * page. Long raw series are thinned by min-max decimation; longer windows are drawn from daily
 * min-max aggregates by the page. Lines are straight segments between the points (no smoothing).
 */
import { useEffect, useRef } from 'react';
import { useDarkMode } from '../hooks/useDarkMode.ts';
import { axisColours, STATIC_CHART_OPTIONS, targetRangePlugin } from './common.ts';
import { dateTicks, dateTooltipFormat, valueAxisFromZero } from './axes.ts';
import { wheelZoomFactor } from './window.ts';
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
  /** Decimals of the values: no step between value ticks is finer, so no two ticks read the same. */
  digits: number;
  window: { min: number; max: number };
  bounds: { min: number; max: number };
  onWindow: (w: { min: number; max: number }) => void;
  /** Ctrl/⌘ + wheel over the chart: zoom by this factor (below 1 = in); the page chooses the centre. */
  onZoom: (factor: number) => void;
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
        pointRadius: s.kind === 'points' ? 3 : 0,
        showLine: s.kind !== 'points',
        tension: 0,
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
  digits,
  window: win,
  bounds,
  onWindow,
  onZoom,
  target,
  height = 280,
}: TimelineChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dark = useDarkMode();
  const chart = useRef<Chart<'line' | 'bar', P[]>>(null);
  const onWindowRef = useRef(onWindow);
  const onZoomRef = useRef(onZoom);
  const targetRef = useRef(target);
  useEffect(() => {
    onWindowRef.current = onWindow;
    onZoomRef.current = onZoom;
    targetRef.current = target;
  }, [onWindow, onZoom, target]);

  useEffect(() => {
    const el = canvas.current!;
    const wheel = (e: WheelEvent): void => {
      const factor = wheelZoomFactor(e);
      if (factor === undefined) return; // the page scrolls
      e.preventDefault();
      onZoomRef.current(factor);
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => el.removeEventListener('wheel', wheel);
  }, []);

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
          x: {
            type: 'time',
            time: { minUnit: 'day' },
            grid: { color: grid },
            ticks: { color: text, maxTicksLimit: 7, maxRotation: 0, autoSkip: true },
          },
          y: { grid: { color: grid }, ticks: { color: text, maxTicksLimit: 6 }, title: { display: true, color: text } },
        },
        plugins: {
          decimation: { enabled: true, algorithm: 'min-max' },
          tooltip: { filter: (item) => !bandEdges.has(item.dataset) },
          zoom: {
            zoom: { wheel: { enabled: false }, pinch: { enabled: true }, mode: 'x', onZoomComplete: report },
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
    const ticks = dateTicks(win.min, win.max);
    const fmt = new Intl.DateTimeFormat(undefined, ticks.format);
    const tipFmt = new Intl.DateTimeFormat(undefined, dateTooltipFormat(win.min, win.max));
    c.data.datasets = toDatasets(series);
    const x = c.options.scales!.x!,
      y = c.options.scales!.y!;
    x.min = win.min;
    x.max = win.max;
    x.ticks!.callback = (v) => fmt.format(Number(v));
    (x as { time: { minUnit: string } }).time.minUnit = ticks.unit;
    (y as { beginAtZero?: boolean }).beginAtZero = valueAxisFromZero(series.map((s) => s.kind));
    y.title!.text = unit;
    y.ticks!.callback = (v) => format(Number(v));
    (y.ticks as { precision?: number }).precision = digits;
    c.options.plugins!.tooltip!.callbacks = {
      title: (items) => (items[0] ? tipFmt.format(items[0].parsed.x ?? 0) : ''),
      label: (item) => t('common.chart.tooltip', { series: String(item.dataset.label), value: format(item.parsed.y ?? 0), unit }),
    };
    c.options.plugins!.zoom!.limits = { x: { min: bounds.min, max: bounds.max, minRange: 6 * 3_600_000 } };
    c.update('none');
  }, [series, unit, format, digits, win.min, win.max, bounds.min, bounds.max, dark]);

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
