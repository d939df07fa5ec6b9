import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { METRICS, type MetricId } from '../../../models/metrics.ts';
import { useDaily } from '../../data/hooks.ts';
import type { Settings } from '../../data/settings.ts';
import type { MetricSummary } from '../../data/timeline.ts';
import type { Workspace } from '../../data/workspace.ts';
import { readWorker } from '../../workers/index.ts';
import { unitFor } from '../format.ts';
import type { TimelineSeries } from '../charts/TimelineChart.tsx';
import { t, type MessageKey } from '../i18n/index.ts';
import { dataCentre } from '../charts/window.ts';
import { DAY_MS, RAW_MAX_MS, dailySeries, isLabResult, moveWindow, rangeWindow, rawSeries, type Range } from '../timeline/series.ts';

const TimelineChart = lazy(() => import('../charts/TimelineChart.tsx'));
const RANGES: [Range, MessageKey][] = [
  ['week', 'timeline.range.week'],
  ['month', 'timeline.range.month'],
  ['year', 'timeline.range.year'],
  ['all', 'timeline.range.all'],
];
const COLOR = '#2563eb';

/** How the chart draws the data, said beside its dates: what it shows is what it says. */
function modeKey(metric: MetricId, raw: boolean, series: TimelineSeries[] | undefined): MessageKey {
  if (isLabResult(metric)) return 'timeline.mode.results';
  if (raw) return 'timeline.mode.raw';
  if (METRICS[metric].kind !== 'instant') return 'timeline.mode.totals';
  return !series || series.some((s) => s.kind === 'band') ? 'timeline.mode.daily' : 'timeline.mode.lastOfDay';
}

/** One metric over time: week, month, year or all; zoom and pan by gesture or button. */
/**
 * One metric over time. `reveal`: the person just chose it (a card here or on the twin screen), so the
 * chart is scrolled into view when it is not (on a phone it sits below every card) and focus moves to
 * its heading; `onRevealed` is called once done.
 */
export function MetricTimeline({
  ws,
  summary,
  settings,
  reveal = false,
  onRevealed,
}: {
  ws: Workspace;
  summary: MetricSummary;
  settings: Settings;
  reveal?: boolean;
  onRevealed?: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const h = heading.current;
    if (!reveal || !h) return;
    const top = h.getBoundingClientRect().top;
    // Below the app's top bar, which stays on screen.
    const bar = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
    if (top < bar || top > window.innerHeight * 0.6) {
      window.scrollBy(0, top - bar - 8);
      h.focus({ preventScroll: true });
    }
    onRevealed?.();
  }, [reveal, onRevealed]);
  const { metric } = summary;
  const bounds = useMemo(
    () => ({
      min: Date.parse(`${summary.first.day}T00:00:00`),
      max: Math.max(summary.last.lastT, Date.parse(`${summary.last.day}T23:59:59`)),
    }),
    [summary.first.day, summary.last.day, summary.last.lastT],
  );
  // The window belongs to the data's bounds it was chosen in: new data (an import) starts over from the range.
  const bkey = `${bounds.min}|${bounds.max}`;
  const [view, setView] = useState<{ bkey: string; range: Range | 'custom'; win: { min: number; max: number } }>(() => ({
    bkey,
    range: 'month',
    win: rangeWindow('month', bounds),
  }));
  const range = view.range;
  const win = view.bkey === bkey ? view.win : rangeWindow(range === 'custom' ? 'month' : range, bounds);
  const rows = useDaily(ws, metric);
  const [raw, setRaw] = useState<{ key: string; series: TimelineSeries[] }>();
  const instant = METRICS[metric].kind === 'instant';
  const useRaw = instant && win.max - win.min <= RAW_MAX_MS;
  const rawKey = `${metric}|${Math.floor(win.min / DAY_MS)}|${Math.ceil(win.max / DAY_MS)}`;

  useEffect(() => {
    if (!useRaw) return;
    let live = true;
    const from = Math.floor(win.min / DAY_MS) * DAY_MS - DAY_MS,
      to = Math.ceil(win.max / DAY_MS) * DAY_MS + DAY_MS;
    // Not aborted (an abort would stop the read worker for every chart): a stale answer is dropped.
    void readWorker
      .run((a) => a.samples(ws, metric, from, to))
      .then((c) => {
        if (live) setRaw({ key: rawKey, series: rawSeries(metric, c.start, c.value, settings, COLOR) });
      });
    return () => {
      live = false;
    };
  }, [useRaw, rawKey, ws, metric, settings]); // eslint-disable-line react-hooks/exhaustive-deps

  const daily = useMemo(() => (rows ? dailySeries(metric, rows, settings, COLOR) : undefined), [rows, metric, settings]);
  const series = useRaw ? (raw?.key === rawKey ? raw.series : undefined) : daily;
  const u = metric === 'sleep' ? { label: 'h', digits: 1 } : unitFor(metric, settings);
  const format = useCallback((v: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: u.digits }).format(v), [u.digits]);
  const onWindow = useCallback((w: { min: number; max: number }) => setView({ bkey, range: 'custom', win: w }), [bkey]);
  // A zoom (button or Ctrl/⌘ + wheel) centres on the data in view, every day with data counted once.
  const days = daily?.[0]?.x;
  // From the latest window (wheel events can come faster than renders).
  const zoom = useCallback(
    (factor: number) =>
      setView((v) => {
        const w = v.bkey === bkey ? v.win : rangeWindow(v.range === 'custom' ? 'month' : v.range, bounds);
        return { bkey, range: 'custom', win: moveWindow(w, bounds, { zoom: factor, centre: dataCentre(w, days ?? []) }) };
      }),
    [bkey, bounds, days],
  );
  const target = useMemo(
    () =>
      metric === 'cgm_glucose'
        ? {
            lo: unitFor(metric, settings).unit === 'mmol/L' ? 70 / 18.016 : 70,
            hi: unitFor(metric, settings).unit === 'mmol/L' ? 180 / 18.016 : 180,
          }
        : undefined,
    [metric, settings],
  );
  const fmtDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

  return (
    <section className="card metric-timeline" aria-labelledby="mt-title">
      <h2 id="mt-title" ref={heading} tabIndex={-1}>
        {METRICS[metric].label}
      </h2>
      <div className="timeline-controls">
        <div role="radiogroup" aria-label={t('timeline.range')} className="segmented">
          {RANGES.map(([r, label]) => (
            <button
              key={r}
              type="button"
              role="radio"
              aria-checked={range === r}
              onClick={() => setView({ bkey, range: r, win: rangeWindow(r, bounds) })}
            >
              {t(label)}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('timeline.moveZoom')}>
          <button
            type="button"
            onClick={() => onWindow(moveWindow(win, bounds, { pan: -0.5 }))}
            disabled={win.min <= bounds.min}
            aria-label={t('timeline.earlier')}
          >
            ←
          </button>
          <button type="button" onClick={() => zoom(0.5)} aria-label={t('timeline.zoomIn')}>
            +
          </button>
          <button
            type="button"
            onClick={() => zoom(2)}
            disabled={win.max - win.min >= bounds.max - bounds.min}
            aria-label={t('timeline.zoomOut')}
          >
            −
          </button>
          <button
            type="button"
            onClick={() => onWindow(moveWindow(win, bounds, { pan: 0.5 }))}
            disabled={win.max >= bounds.max}
            aria-label={t('timeline.later')}
          >
            →
          </button>
        </div>
      </div>
      <p className="muted small" data-testid="timeline-window">
        {t('timeline.window', {
          from: fmtDay.format(win.min),
          to: fmtDay.format(win.max),
          mode: t(modeKey(metric, useRaw, series)),
        })}
      </p>
      <Suspense fallback={<p className="muted">{t('common.loadingChart')}</p>}>
        {series ? (
          <TimelineChart
            label={t('timeline.chartLabel', { metric: METRICS[metric].label, from: fmtDay.format(win.min), to: fmtDay.format(win.max) })}
            series={series}
            unit={u.label}
            format={format}
            digits={u.digits}
            window={win}
            bounds={bounds}
            onWindow={onWindow}
            onZoom={zoom}
            {...(target ? { target } : {})}
          />
        ) : (
          <p className="muted" aria-busy="true">
            {t('timeline.reading')}
          </p>
        )}
      </Suspense>
    </section>
  );
}
