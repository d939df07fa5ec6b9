/**
 * Fan chart on Chart.js, loaded lazily: per scenario a 90 % band (p05–p95), a 50 % band (p25–p75)
 * and the median, or one line where the quantity is a probability. The chart is built once and
 * updated in place (no animation), so a what-if repaints in one synchronous draw.
 */
import { useEffect, useRef } from 'react';
import { useDarkMode } from '../hooks/useDarkMode.ts';
import { axisColours, STATIC_CHART_OPTIONS, targetRangePlugin } from './common.ts';
import { yearTick, yearTitle } from './axes.ts';
import { Chart, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset, type Plugin } from 'chart.js';
import { t } from '../i18n/index.ts';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Filler);

export interface FanSeries {
  label: string;
  /** CSS colour as `r, g, b` so that bands can be drawn in the same colour with less opacity. */
  rgb: string;
  /** Quantile bands (in display units) or, for a probability, `line` alone. */
  bands?: { p05: number[]; p25: number[]; p50: number[]; p75: number[]; p95: number[] };
  line?: number[];
  dashed?: boolean;
}

export interface FanChartProps {
  /** Accessible description, with the key numbers (a canvas is not read by screen readers). */
  label: string;
  years: number[];
  series: FanSeries[];
  unit: string;
  /** Format of a y value in ticks and tooltips. */
  format: (v: number) => string;
  yMin?: number;
  yMax?: number;
  height?: number;
  /** The x axis when it is not years (e.g. the AGP's time of day in minutes). */
  xAxis?: { format: (v: number) => string; step: number; min: number; max: number };
  /** A shaded target range, e.g. 70-180 mg/dL. */
  target?: { lo: number; hi: number };
  /** Called after each draw with data (a page that prints waits for it). */
  onDrawn?: () => void;
  /**
   * The chart's size on paper, CSS px. A browser lays a page out for print without resizing charts
   * (Chart.js sizes its canvas from its container on screen), so the canvas is redrawn at this size
   * before printing and back at its screen size after; the print style sheet gives it the same box.
   */
  printSize?: { width: number; height: number };
}

type Points = { x: number; y: number }[];

/** The datasets that only draw a band's edge: the tooltip leaves them out (in any language). */
const bandEdges = new WeakSet<object>();
const edge = <T extends object>(d: T): T => {
  bandEdges.add(d);
  return d;
};

function datasets(years: number[], series: FanSeries[]): ChartDataset<'line', Points>[] {
  const pts = (ys: number[]): Points => ys.map((y, i) => ({ x: years[i]!, y }));
  const out: ChartDataset<'line', Points>[] = [];
  const plain = { pointRadius: 0, pointHitRadius: 6, tension: 0.25 };
  for (const s of series) {
    const dash = s.dashed ? [6, 4] : [];
    if (s.bands) {
      const base = out.length;
      const series = s.label;
      out.push(
        edge({
          ...plain,
          label: t('common.chart.p05', { series }),
          data: pts(s.bands.p05),
          borderWidth: 0,
          borderColor: 'transparent',
          fill: false,
        }),
      );
      out.push(
        edge({
          ...plain,
          label: t('common.chart.p95', { series }),
          data: pts(s.bands.p95),
          borderWidth: 0,
          borderColor: 'transparent',
          backgroundColor: `rgba(${s.rgb}, 0.13)`,
          fill: { target: base },
        }),
      );
      out.push(
        edge({
          ...plain,
          label: t('common.chart.p25', { series }),
          data: pts(s.bands.p25),
          borderWidth: 0,
          borderColor: 'transparent',
          fill: false,
        }),
      );
      out.push(
        edge({
          ...plain,
          label: t('common.chart.p75', { series }),
          data: pts(s.bands.p75),
          borderWidth: 0,
          borderColor: 'transparent',
          backgroundColor: `rgba(${s.rgb}, 0.22)`,
          fill: { target: base + 2 },
        }),
      );
      out.push({
        ...plain,
        label: t('common.chart.median', { series }),
        data: pts(s.bands.p50),
        borderColor: `rgb(${s.rgb})`,
        borderWidth: 2.5,
        borderDash: dash,
        fill: false,
      });
    } else if (s.line) {
      out.push({
        ...plain,
        label: s.label,
        data: pts(s.line),
        borderColor: `rgb(${s.rgb})`,
        backgroundColor: `rgb(${s.rgb})`,
        borderWidth: 2.5,
        borderDash: dash,
        fill: false,
      });
    }
  }
  return out;
}

export default function FanChart({
  label,
  years,
  series,
  unit,
  format,
  yMin,
  yMax,
  height = 200,
  xAxis,
  target,
  onDrawn,
  printSize,
}: FanChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dark = useDarkMode();
  const chart = useRef<Chart<'line', Points>>(null);
  const targetRef = useRef(target);
  useEffect(() => {
    targetRef.current = target;
  }, [target]);

  useEffect(() => {
    const { grid, text } = axisColours(dark);
    const c = new Chart<'line', Points>(canvas.current!, {
      type: 'line',
      data: { datasets: [] },
      options: {
        ...STATIC_CHART_OPTIONS,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: {
            type: 'linear',
            min: 0,
            grid: { color: grid },
            ticks: {
              color: text,
              stepSize: 1,
              maxRotation: 0,
              autoSkipPadding: 8,
              callback: (v) => yearTick(Number(v)),
            },
          },
          y: { grid: { color: grid }, ticks: { color: text, maxTicksLimit: 6 }, title: { display: true, color: text } },
        },
        plugins: {
          tooltip: { filter: (item) => !bandEdges.has(item.dataset) },
        },
      },
      plugins: [targetRangePlugin(() => targetRef.current) as Plugin<'line'>],
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
    c.data.datasets = datasets(years, series);
    const x = c.options.scales!.x!,
      y = c.options.scales!.y!;
    x.min = xAxis?.min ?? 0;
    x.max = xAxis?.max ?? years[years.length - 1];
    (x.ticks as { stepSize?: number }).stepSize = xAxis?.step ?? 1;
    x.ticks!.callback = (v) => (xAxis ? xAxis.format(Number(v)) : yearTick(Number(v)));
    c.options.plugins!.tooltip!.callbacks!.title = (items) => (xAxis ? xAxis.format : yearTitle)(items[0]?.parsed.x ?? 0);
    y.min = yMin;
    y.max = yMax;
    y.title!.text = unit;
    y.ticks!.callback = (v) => format(Number(v));
    c.options.plugins!.tooltip!.callbacks!.label = (item) =>
      t('common.chart.tooltip', { series: String(item.dataset.label), value: format(item.parsed.y ?? 0), unit });
    c.update('none');
    if (series.length) onDrawn?.();
  }, [years, series, unit, format, yMin, yMax, xAxis, dark, onDrawn]);

  const printW = printSize?.width,
    printH = printSize?.height;
  useEffect(() => {
    if (printW === undefined || printH === undefined) return;
    const before = (): void => chart.current?.resize(printW, printH);
    const after = (): void => chart.current?.resize();
    addEventListener('beforeprint', before);
    addEventListener('afterprint', after);
    return () => {
      removeEventListener('beforeprint', before);
      removeEventListener('afterprint', after);
    };
  }, [printW, printH]);

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
