import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { AgpResult } from '../../../models/cgm/agp.ts';
import type { AgpReport as AgpWindow } from '../../twin/timeline.ts';
import type { Settings } from '../../data/settings.ts';
import type { Workspace } from '../../data/workspace.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { readWorker } from '../../workers/index.ts';
import { display, formatDate, toDisplay, unitFor } from '../format.ts';
import type { FanSeries } from '../charts/FanChart.tsx';
import { t, tn, type MessageKey } from '../i18n/index.ts';
import { errorText } from '../error-text.ts';

const FanChart = lazy(() => import('../charts/FanChart.tsx'));

/** Consensus targets for most adults with diabetes (Battelino 2019), shown beside each figure. */
const TILES: [keyof AgpResult['time'] | 'below70' | 'above180', (g: (mgDl: number) => string) => string, MessageKey][] = [
  ['inRange', (g) => t('agp.tile.inRange', { lo: g(70), hi: g(180) }), 'agp.aim.inRange'],
  ['below70', (g) => t('agp.tile.below', { value: g(70) }), 'agp.aim.below70'],
  ['veryLow', (g) => t('agp.tile.below', { value: g(54) }), 'agp.aim.veryLow'],
  ['above180', (g) => t('agp.tile.above', { value: g(180) }), 'agp.aim.above180'],
  ['veryHigh', (g) => t('agp.tile.above', { value: g(250) }), 'agp.aim.veryHigh'],
];
const SEGMENTS: (keyof AgpResult['time'])[] = ['veryLow', 'low', 'inRange', 'high', 'veryHigh'];

/** A time of day (minutes from midnight) as the user's locale writes it (e.g. 15:00 or 3:00 PM). */
const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
const hhmm = (m: number): string => timeOfDay.format(Date.UTC(2000, 0, 1, 0, Math.round(m) % 1440));

/**
 * The chart on paper: the width of an A4 page inside the print margins (styles.css, `@page`: 210 mm
 * − 2 × 12 mm = 186 mm, 703 CSS px at 96 px per inch) and the height the print style gives it.
 */
const PRINT_SIZE = { width: 703, height: 110 };

/**
 * The CGM report in the style of the international consensus AGP (Battelino 2019). `onSettled` is
 * called once the report is complete: shown with its chart drawn, or known to be absent or failed.
 */
export function AgpReport({
  ws,
  settings,
  version,
  onSettled,
}: {
  ws: Workspace;
  settings: Settings;
  version: unknown;
  onSettled?: () => void;
}) {
  const [r, setR] = useState<AgpWindow | null>();
  const [error, setError] = useState<string>();
  // The report whose chart is drawn (a newer report is busy until its own chart is).
  const [drawnFor, setDrawnFor] = useState<AgpWindow | null>();
  const onDrawn = useCallback(() => {
    setDrawnFor(r);
    onSettled?.();
  }, [r, onSettled]);
  useEffect(() => {
    let live = true;
    // Not aborted: an abort would stop the read worker for every chart; a stale answer is dropped.
    readWorker
      .run((a) => a.agp(ws, 14))
      .then(
        (x) => live && setR(x.ok ? x.value : null),
        (e: unknown) => {
          if (live && !isAbortError(e)) setError(errorText(e));
        },
      );
    return () => {
      live = false;
    };
  }, [ws, version]);

  const g = (v: number): number => toDisplay('cgm_glucose', v, settings);
  const u = unitFor('cgm_glucose', settings);
  const nf = useMemo(
    () => new Intl.NumberFormat(undefined, { maximumFractionDigits: u.digits, minimumFractionDigits: u.digits }),
    [u.digits],
  );
  const series = useMemo<FanSeries[]>(
    () =>
      r
        ? [
            {
              label: t('agp.series'),
              rgb: '15, 118, 110',
              bands: {
                p05: r.profile.p05.map(g),
                p25: r.profile.p25.map(g),
                p50: r.profile.p50.map(g),
                p75: r.profile.p75.map(g),
                p95: r.profile.p95.map(g),
              },
            },
          ]
        : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [r, settings.glucoseUnit],
  );
  const xAxis = useMemo(() => ({ format: hhmm, step: 180, min: 0, max: 1440 }), []);
  const target = useMemo(() => ({ lo: g(70), hi: g(180) }), [settings.glucoseUnit]); // eslint-disable-line react-hooks/exhaustive-deps
  // Settled without a chart to wait for: an error, no CGM, or no profile by time of day.
  const noChart = error !== undefined || r === null || (r !== undefined && r.profile.minute.length === 0);
  useEffect(() => {
    if (noChart) onSettled?.();
  }, [noChart, onSettled]);

  if (error)
    return (
      <p className="error" role="alert">
        {t('agp.error', { error })}
      </p>
    );
  if (r === undefined)
    return (
      <p className="muted" aria-busy="true">
        {t('agp.computing')}
      </p>
    );
  if (r === null) return null;
  const pct = (v: number): string => `${new Intl.NumberFormat(undefined, { maximumFractionDigits: v < 10 ? 1 : 0 }).format(v)} %`;
  const value = (k: (typeof TILES)[number][0]): number =>
    k === 'below70' ? r.time.low + r.time.veryLow : k === 'above180' ? r.time.high + r.time.veryHigh : r.time[k];
  return (
    <section className="card agp" aria-labelledby="agp-title" data-testid="agp" aria-busy={r.profile.minute.length > 0 && drawnFor !== r}>
      <h2 id="agp-title">{t('agp.title')}</h2>
      <p className="muted small">
        {tn('agp.period', r.days, { from: formatDate(r.fromMs), to: formatDate(r.toMs), active: pct(r.activePercent) })}
        {r.activePercent < 70 ? ` ${t('agp.lowActive')}` : ''}
      </p>
      <div
        className="tir"
        role="img"
        aria-label={t('agp.tir', {
          ranges: SEGMENTS.map((k) => t('agp.tirPart', { range: t(`agp.segment.${k}`), percent: pct(r.time[k]) })).join(
            t('common.listSeparator'),
          ),
        })}
      >
        {SEGMENTS.map((k) => (
          <span key={k} className={`seg ${k}`} style={{ flexGrow: r.time[k] }} />
        ))}
      </div>
      <dl className="agp-tiles">
        {TILES.map(([k, label, aim]) => (
          <div key={k} data-tile={k}>
            <dt>
              {label((v) => nf.format(g(v)))} {u.label}
            </dt>
            <dd>{pct(value(k))}</dd>
            <dd className="small muted">{t(aim)}</dd>
          </div>
        ))}
        <div data-tile="mean">
          <dt>{t('agp.mean')}</dt>
          <dd>
            {nf.format(g(r.meanMgDl))} {u.label}
          </dd>
        </div>
        <div data-tile="gmi">
          <dt>{t('agp.gmi')}</dt>
          <dd>
            {display('hba1c', r.gmiPercent, settings).text} {display('hba1c', r.gmiPercent, settings).unit}
          </dd>
        </div>
        <div data-tile="cv">
          <dt>{t('agp.cv')}</dt>
          <dd>{pct(r.cvPercent)}</dd>
          <dd className="small muted">{t('agp.aim.cv')}</dd>
        </div>
      </dl>
      {r.profile.minute.length > 0 && (
        <figure className="agp-figure">
          <figcaption>{tn('agp.figure', r.days)}</figcaption>
          <Suspense
            fallback={
              <p className="muted" aria-busy="true">
                {t('agp.chartLoading')}
              </p>
            }
          >
            <FanChart
              label={t('agp.chartLabel', {
                lo: nf.format(Math.min(...series[0]!.bands!.p50)),
                hi: nf.format(Math.max(...series[0]!.bands!.p50)),
                unit: u.label,
              })}
              years={r.profile.minute}
              series={series}
              unit={u.label}
              format={(v) => nf.format(v)}
              xAxis={xAxis}
              target={target}
              height={240}
              onDrawn={onDrawn}
              printSize={PRINT_SIZE}
            />
          </Suspense>
        </figure>
      )}
    </section>
  );
}
