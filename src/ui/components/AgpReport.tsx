import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { AgpResult } from '../../../models/cgm/agp.ts';
import type { Settings } from '../../data/settings.ts';
import type { Workspace } from '../../data/workspace.ts';
import { isAbortError } from '../../workers/errors.ts';
import { twinWorker } from '../../workers/index.ts';
import { formatDate, toDisplay, unitFor } from '../format.ts';
import type { FanSeries } from '../charts/FanChart.tsx';

const FanChart = lazy(() => import('../charts/FanChart.tsx'));

/** Consensus targets for most adults with diabetes (Battelino 2019), shown beside each figure. */
const TILES: [keyof AgpResult['time'] | 'below70' | 'above180', (g: (mgDl: number) => string) => string, string][] = [
  ['inRange', (g) => `In range ${g(70)}–${g(180)}`, 'target > 70 %'],
  ['below70', (g) => `Below ${g(70)}`, 'target < 4 %'],
  ['veryLow', (g) => `Below ${g(54)}`, 'target < 1 %'],
  ['above180', (g) => `Above ${g(180)}`, 'target < 25 %'],
  ['veryHigh', (g) => `Above ${g(250)}`, 'target < 5 %'],
];
const SEGMENTS: [keyof AgpResult['time'], string][] = [['veryLow', 'very low'], ['low', 'low'], ['inRange', 'in range'], ['high', 'high'], ['veryHigh', 'very high']];

const hhmm = (m: number): string => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(Math.round(m % 60)).padStart(2, '0')}`;

/** The CGM report in the style of the international consensus AGP (Battelino 2019). */
export function AgpReport({ ws, settings, version }: { ws: Workspace; settings: Settings; version: unknown }) {
  const [r, setR] = useState<(AgpResult & { fromMs: number; toMs: number }) | null>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    // Not aborted: an abort stops the twin worker, and with it the what-if explorer's cached ensemble.
    twinWorker.run((a) => a.agp(ws, 14)).then((x) => live && setR(x ?? null), (e: unknown) => {
      if (live && !isAbortError(e)) setError(e instanceof Error ? e.message : String(e));
    });
    return () => {
      live = false;
    };
  }, [ws, version]);

  const g = (v: number): number => toDisplay('cgm_glucose', v, settings);
  const u = unitFor('cgm_glucose', settings);
  const nf = useMemo(() => new Intl.NumberFormat(undefined, { maximumFractionDigits: u.digits, minimumFractionDigits: u.digits }), [u.digits]);
  const series = useMemo<FanSeries[]>(() => (r ? [{
    label: 'Glucose', rgb: '15, 118, 110',
    bands: { p05: r.profile.p05.map(g), p25: r.profile.p25.map(g), p50: r.profile.p50.map(g), p75: r.profile.p75.map(g), p95: r.profile.p95.map(g) },
  }] : []), [r, settings.glucoseUnit]); // eslint-disable-line react-hooks/exhaustive-deps
  const xAxis = useMemo(() => ({ format: hhmm, step: 180, min: 0, max: 1440 }), []);
  const target = useMemo(() => ({ lo: g(70), hi: g(180) }), [settings.glucoseUnit]); // eslint-disable-line react-hooks/exhaustive-deps

  if (error) return <p className="error" role="alert">The glucose report failed: {error}</p>;
  if (r === undefined) return <p className="muted" aria-busy="true">Computing the glucose report…</p>;
  if (r === null) return null;
  const pct = (v: number): string => `${new Intl.NumberFormat(undefined, { maximumFractionDigits: v < 10 ? 1 : 0 }).format(v)} %`;
  const value = (k: (typeof TILES)[number][0]): number => (k === 'below70' ? r.time.low + r.time.veryLow : k === 'above180' ? r.time.high + r.time.veryHigh : r.time[k]);
  return (
    <section className="card agp" aria-labelledby="agp-title" data-testid="agp">
      <h2 id="agp-title">Glucose report (AGP)</h2>
      <p className="muted small">
        {formatDate(r.fromMs)} – {formatDate(r.toMs)} · {r.days} days · sensor active {pct(r.activePercent)}
        {r.activePercent < 70 ? ' (the consensus asks for at least 70 % for a reliable report)' : ''}
      </p>
      <div className="tir" role="img" aria-label={`Time in ranges: ${SEGMENTS.map(([k, n]) => `${n} ${pct(r.time[k])}`).join(', ')}`}>
        {SEGMENTS.map(([k]) => <span key={k} className={`seg ${k}`} style={{ flexGrow: r.time[k] }} />)}
      </div>
      <dl className="agp-tiles">
        {TILES.map(([k, label, aim]) => (
          <div key={k} data-tile={k}><dt>{label((v) => nf.format(g(v)))} {u.label}</dt><dd>{pct(value(k))}</dd><dd className="small muted">{aim}</dd></div>
        ))}
        <div data-tile="mean"><dt>Mean glucose</dt><dd>{nf.format(g(r.meanMgDl))} {u.label}</dd></div>
        <div data-tile="gmi"><dt>GMI</dt><dd>{new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(r.gmiPercent)} %</dd></div>
        <div data-tile="cv"><dt>Variability (CV)</dt><dd>{pct(r.cvPercent)}</dd><dd className="small muted">target ≤ 36 %</dd></div>
      </dl>
      <figure className="agp-figure">
        <figcaption>Glucose by time of day: median, middle 50 % and 90 % of the {r.days} days</figcaption>
        <Suspense fallback={<p className="muted">Loading chart…</p>}>
          <FanChart label={`Ambulatory glucose profile: median from ${nf.format(Math.min(...series[0]!.bands!.p50))} to ${nf.format(Math.max(...series[0]!.bands!.p50))} ${u.label} over the day`}
            years={r.profile.minute} series={series} unit={u.label} format={(v) => nf.format(v)} xAxis={xAxis} target={target} height={240} />
        </Suspense>
      </figure>
    </section>
  );
}
