import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { MetricId } from '../../../models/metrics.ts';
import { DAY_MS } from '../../../models/util/time.ts';
import { useDaily, useLatestSnapshot, useProfile, useSettings } from '../../data/hooks.ts';
import type { Workspace } from '../../data/workspace.ts';
import type { SnapshotState } from '../../twin/snapshot.ts';
import { twinWorker } from '../../workers/index.ts';
import { isAbortError } from '../../workers/errors.ts';
import { removeDemo } from '../actions/demo.ts';
import { MetricCard } from '../components/MetricCard.tsx';
import { RegionCard } from '../components/RegionCard.tsx';
import { BodyFigure } from '../components/BodyFigure.tsx';
import { TwinHealth } from '../components/TwinHealth.tsx';
import { ageOn, formatDate, formatDay } from '../format.ts';
import type { Series } from '../charts/TimeChart.tsx';

const TimeChart = lazy(() => import('../charts/TimeChart.tsx'));

const CARDS: [MetricId, string?][] = [
  ['body_weight'], ['hba1c'], ['blood_glucose'], ['systolic_bp', 'Blood pressure (systolic)'],
  ['resting_heart_rate'], ['ldl_cholesterol'],
];

export function TwinPage({ ws }: { ws: Workspace }) {
  const snapshot = useLatestSnapshot(ws);
  const profile = useProfile(ws);
  const settings = useSettings(ws);
  const weight = useDaily(ws, 'body_weight');
  const steps = useDaily(ws, 'steps');
  const [cgm, setCgm] = useState<Series[]>();
  const [removing, setRemoving] = useState(false);

  const state = snapshot?.state as SnapshotState | undefined;
  const cgmLast = state?.latest.cgm_glucose?.atMs;
  useEffect(() => {
    if (cgmLast === undefined) return;
    const ac = new AbortController();
    twinWorker
      .run((api) => api.samples(ws, 'cgm_glucose', cgmLast - 14 * DAY_MS, cgmLast), ac.signal)
      .then((c) => setCgm([{ label: 'CGM glucose', x: c.start, y: c.value, color: '#0f766e' }]))
      .catch((e: unknown) => {
        if (!isAbortError(e)) console.error(e);
      });
    return () => ac.abort();
  }, [ws, cgmLast]);

  const weightSeries = useMemo<Series[] | undefined>(() => weight && [{
    label: 'Weight', x: weight.map((r) => r.lastT), y: weight.map((r) => r.last), color: '#2563eb',
  }], [weight]);
  const stepSeries = useMemo<Series[] | undefined>(() => {
    if (!steps?.length) return undefined;
    const last = steps.slice(-120);
    const mean7 = last.map((_, i) => {
      const w = last.slice(Math.max(0, i - 6), i + 1);
      return w.reduce((s, r) => s + r.sum, 0) / w.length;
    });
    const noon = (day: string): number => Date.parse(`${day}T12:00:00`);
    return [
      { label: '7-day mean', x: last.map((r) => noon(r.day)), y: mean7, color: '#f59e0b' },
      { label: 'Steps', x: last.map((r) => noon(r.day)), y: last.map((r) => r.sum), color: 'rgba(100,116,139,0.45)', type: 'bar' },
    ];
  }, [steps]);

  if (snapshot === undefined || profile === undefined || !settings) return <p className="muted" aria-busy="true">Opening your twin…</p>;
  if (!state) return <p className="muted">Your twin has no snapshot yet.</p>;

  const onRemove = async (): Promise<void> => {
    setRemoving(true);
    await removeDemo();
  };
  return (
    <div className="twin">
      {ws === 'demo' && (
        <aside className="demo-banner" aria-label="Demo">
          <p><strong>Demo twin.</strong> Alex is a synthetic person generated on this device: not real data.</p>
          <button type="button" className="btn" onClick={() => void onRemove()} disabled={removing}>Remove demo</button>
        </aside>
      )}
      <section aria-labelledby="twin-title">
        <h1 id="twin-title">
          {ws === 'demo' ? 'Alex' : 'Your twin'}
          {profile?.birthDate && <span className="muted">, {ageOn(profile.birthDate, snapshot!.createdAt)}</span>}
        </h1>
        <p className="muted small">
          Twin updated {formatDate(snapshot!.createdAt)}
          {state.dataFrom && state.dataTo ? ` · data from ${formatDay(state.dataFrom)} to ${formatDay(state.dataTo)}` : ''}
        </p>
        <div className="twin-top">
          <BodyFigure regions={state.regions} />
          <div className="grid regions">
            {state.regions.map((r) => <RegionCard key={r.region} status={r} />)}
          </div>
        </div>
        <TwinHealth state={state} profile={profile ?? null} settings={settings} nowMs={snapshot!.createdAt} />
        <p className="actions"><a className="btn primary" href="#/whatif">Ask your twin “what if…”</a> <a className="btn" href="#/profile">Edit profile</a></p>
      </section>
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">Latest measurements</h2>
        <div className="grid metrics">
          {CARDS.map(([m, label]) => {
            const lv = state.latest[m];
            const name = m === 'blood_glucose' && lv?.fasting ? 'Fasting glucose' : label;
            return lv ? <MetricCard key={m} metric={m} latest={lv} settings={settings} label={name} /> : null;
          })}
        </div>
      </section>
      <section aria-labelledby="charts-title">
        <h2 id="charts-title">Trends</h2>
        <Suspense fallback={<p className="muted">Loading charts…</p>}>
          <div className="grid charts">
            {cgm && (
              <figure className="card">
                <figcaption>Glucose, last 14 days (CGM) · target range 70–180 mg/dL shaded</figcaption>
                <TimeChart label="Continuous glucose over the last 14 days" series={cgm} unit="mg/dL" band={{ lo: 70, hi: 180 }} ticks="time" />
              </figure>
            )}
            {weightSeries && (
              <figure className="card">
                <figcaption>Weight</figcaption>
                <TimeChart label="Body weight over time" series={weightSeries} unit="kg" />
              </figure>
            )}
            {stepSeries && (
              <figure className="card">
                <figcaption>Daily steps, last 120 days</figcaption>
                <TimeChart label="Daily steps with a 7-day mean" series={stepSeries} unit="steps" />
              </figure>
            )}
          </div>
        </Suspense>
      </section>
    </div>
  );
}
