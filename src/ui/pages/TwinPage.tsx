import { QuickAdd } from '../components/QuickAdd.tsx';
import { BackupReminder, LastBackupLine } from '../components/LastBackup.tsx';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { workspaceDb } from '../../data/workspace.ts';
import type { MetricId } from '../../../models/metrics.ts';
import { DAY_MS } from '../../../models/util/time.ts';
import { useDaily, useLatestSnapshot, useProfile, useSettings } from '../../data/hooks.ts';
import type { Workspace } from '../../data/workspace.ts';
import type { SnapshotState } from '../../twin/snapshot.ts';
import { readWorker } from '../../workers/index.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { removeDemo } from '../actions/demo.ts';
import { MetricCard } from '../components/MetricCard.tsx';
import { RegionCard } from '../components/RegionCard.tsx';
import { BodyFigure } from '../components/BodyFigure.tsx';
import { TwinHealth } from '../components/TwinHealth.tsx';
import { latestLabel } from '../twin/latest-label.ts';
import { DiabetesHeadline } from '../components/DiabetesHeadline.tsx';
import { useHeadline } from '../hooks/useHeadline.ts';
import { ageOn, display, formatDate, formatDay, toDisplay, unitFor } from '../format.ts';
import type { Series } from '../charts/TimeChart.tsx';
import { lastDays } from '../charts/window.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { strong, tx } from '../i18n/rich.ts';

const TimeChart = lazy(() => import('../charts/TimeChart.tsx'));
const CGM_DAYS = 14;
const STEP_DAYS = 120;

const CARDS: [MetricId, MessageKey?][] = [
  ['body_weight'],
  ['hba1c'],
  ['blood_glucose'],
  ['systolic_bp', 'twin.card.systolic'],
  ['resting_heart_rate'],
  ['ldl_cholesterol'],
];

export function TwinPage({ ws }: { ws: Workspace }) {
  const snapshot = useLatestSnapshot(ws);
  const profile = useProfile(ws);
  const settings = useSettings(ws);
  const weight = useDaily(ws, 'body_weight');
  const steps = useDaily(ws, 'steps');
  const [cgm, setCgm] = useState<{ x: Float64Array; y: Float64Array }>();
  const [nowMs] = useState(() => Date.now());
  const shareLabel = useLiveQuery(
    async () =>
      ws === 'review' ? ((await workspaceDb(ws).settings.get('share'))?.value as { label: string } | undefined)?.label : undefined,
    [ws],
  );
  const [removing, setRemoving] = useState(false);
  const head = useHeadline(ws, snapshot?.id);

  const state = snapshot?.state as SnapshotState | undefined;
  const cgmLast = state?.latest.cgm_glucose?.atMs;
  useEffect(() => {
    if (cgmLast === undefined) return;
    let live = true;
    // Not aborted: an abort would stop the read worker for every chart; a stale answer is dropped.
    readWorker
      .run((api) => api.samples(ws, 'cgm_glucose', cgmLast - CGM_DAYS * DAY_MS, cgmLast))
      .then((c) => {
        if (live) setCgm({ x: c.start, y: c.value });
      })
      .catch((e: unknown) => {
        if (live && !isAbortError(e)) console.error(e);
      });
    return () => {
      live = false;
    };
  }, [ws, cgmLast]);
  const cgmSeries = useMemo<Series[] | undefined>(
    () =>
      cgm &&
      settings && [
        {
          label: t('twin.series.cgm'),
          x: cgm.x,
          y: Float64Array.from(cgm.y, (v) => toDisplay('cgm_glucose', v, settings)),
          color: '#0f766e',
        },
      ],
    [cgm, settings],
  );

  const weightSeries = useMemo<Series[] | undefined>(
    () =>
      weight &&
      settings && [
        {
          label: t('twin.series.weight'),
          x: weight.map((r) => r.lastT),
          y: weight.map((r) => toDisplay('body_weight', r.last, settings)),
          color: '#2563eb',
        },
      ],
    [weight, settings],
  );
  const stepSeries = useMemo<{ series: Series[]; window: { min: number; max: number } } | undefined>(() => {
    if (!steps?.length) return undefined;
    // The last STEP_DAYS calendar days up to the newest day with steps (days without data stay empty).
    const noon = (day: string): number => Date.parse(`${day}T12:00:00`);
    const end = noon(steps[steps.length - 1]!.day);
    const window = { min: end - (STEP_DAYS - 0.5) * DAY_MS, max: end + DAY_MS / 2 };
    const pool = steps.filter((r) => noon(r.day) > end - (STEP_DAYS + 7) * DAY_MS);
    const last = pool.filter((r) => noon(r.day) > end - STEP_DAYS * DAY_MS);
    // The mean of the days with data among the 7 calendar days up to each day.
    const mean7 = last.map((r) => {
      const w = pool.filter((q) => q.day <= r.day && noon(q.day) > noon(r.day) - 7 * DAY_MS);
      return w.reduce((s, q) => s + q.sum, 0) / w.length;
    });
    const series: Series[] = [
      { label: t('twin.series.mean7'), x: last.map((r) => noon(r.day)), y: mean7, color: '#f59e0b' },
      {
        label: t('twin.series.steps'),
        x: last.map((r) => noon(r.day)),
        y: last.map((r) => r.sum),
        color: 'rgba(100,116,139,0.45)',
        type: 'bar',
      },
    ];
    return { series, window };
  }, [steps]);

  if (snapshot === undefined || profile === undefined || !settings)
    return (
      <p className="muted" aria-busy="true">
        {t('twin.opening')}
      </p>
    );
  if (!state) return <p className="muted">{t('twin.noSnapshot')}</p>;

  // A window of the newest data says to which day when that day is not today.
  const cgmWindow = cgmLast === undefined ? '' : lastDays(CGM_DAYS, cgmLast, nowMs, formatDate);
  const lastSteps = steps?.[steps.length - 1];
  const stepWindow = lastSteps ? lastDays(STEP_DAYS, lastSteps.lastT, nowMs, formatDate) : '';
  const onRemove = async (): Promise<void> => {
    setRemoving(true);
    await removeDemo();
  };
  return (
    <div className="twin">
      {ws === 'demo' && (
        <aside className="demo-banner" aria-label={t('twin.demoLabel')}>
          <p>{tx('twin.demoBanner', { b: strong, name: t('twin.demoName') })}</p>
          <button type="button" className="btn" onClick={() => void onRemove()} disabled={removing}>
            {t('twin.removeDemo')}
          </button>
        </aside>
      )}
      <section aria-labelledby="twin-title">
        <h1 id="twin-title">
          {ws === 'demo' ? t('twin.demoName') : ws === 'review' ? (shareLabel ?? '') : t('twin.yourTwin')}
          {profile?.birthDate && <span className="muted">, {ageOn(profile.birthDate, snapshot!.createdAt)}</span>}
        </h1>
        <p className="muted small">
          {t('twin.updated', { date: formatDate(snapshot!.createdAt) })}
          {state.dataFrom && state.dataTo && (
            <>
              {' · '}
              <span data-testid="data-range">{t('twin.dataRange', { from: formatDay(state.dataFrom), to: formatDay(state.dataTo) })}</span>
            </>
          )}
          {ws === 'main' && (
            <>
              {' · '}
              <a href="#/backup">
                <LastBackupLine className="" />
              </a>
            </>
          )}
        </p>
        {ws === 'main' && <BackupReminder />}
        {ws === 'main' && <QuickAdd />}
        <DiabetesHeadline result={head.result} error={head.error} settings={settings} />
        <div className="twin-top">
          <BodyFigure regions={state.regions} />
          <div className="grid regions">
            {state.regions.map((r) => (
              <RegionCard key={r.region} status={r} inputs={state.inputs} settings={settings} />
            ))}
          </div>
        </div>
        {state.pending ? (
          <p className="card muted" role="status" aria-busy="true" data-testid="twin-pending">
            {t('twin.pending')}
          </p>
        ) : (
          <TwinHealth state={state} profile={profile ?? null} settings={settings} nowMs={nowMs} />
        )}
        <p className="actions">
          <a className="btn primary" href="#/whatif">
            {t('twin.askWhatIf')}
          </a>{' '}
          {ws !== 'review' && (
            <a className="btn" href="#/profile">
              {t('twin.editProfile')}
            </a>
          )}{' '}
          {ws !== 'review' && (
            <a className="btn" href="#/share">
              {t('twin.share')}
            </a>
          )}{' '}
          <a className="btn" href="#/summary">
            {t('twin.summary')}
          </a>
        </p>
      </section>
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">{t('twin.latest')}</h2>
        <div className="grid metrics">
          {CARDS.map(([m, label]) => {
            const lv = state.latest[m];
            const name = label ? t(label) : latestLabel(m, lv);
            return lv ? <MetricCard key={m} metric={m} latest={lv} settings={settings} label={name} /> : null;
          })}
        </div>
      </section>
      <section aria-labelledby="charts-title">
        <h2 id="charts-title">{t('twin.trends')}</h2>
        <Suspense fallback={<p className="muted">{t('common.loadingCharts')}</p>}>
          <div className="grid charts">
            {cgmSeries && (
              <figure className="card">
                <figcaption>
                  {t('twin.chart.cgmCaption', {
                    window: cgmWindow,
                    lo: display('cgm_glucose', 70, settings).text,
                    hi: display('cgm_glucose', 180, settings).text,
                    unit: unitFor('cgm_glucose', settings).label,
                  })}
                </figcaption>
                <TimeChart
                  label={t('twin.chart.cgmLabel', { window: cgmWindow })}
                  series={cgmSeries}
                  unit={unitFor('cgm_glucose', settings).label}
                  band={{ lo: toDisplay('cgm_glucose', 70, settings), hi: toDisplay('cgm_glucose', 180, settings) }}
                  window={{ min: cgmLast! - CGM_DAYS * DAY_MS, max: cgmLast! }}
                />
              </figure>
            )}
            {weightSeries && (
              <figure className="card">
                <figcaption>{t('twin.chart.weightCaption')}</figcaption>
                <TimeChart label={t('twin.chart.weightLabel')} series={weightSeries} unit={unitFor('body_weight', settings).label} />
              </figure>
            )}
            {stepSeries && (
              <figure className="card">
                <figcaption>{t('twin.chart.stepsCaption', { window: stepWindow })}</figcaption>
                <TimeChart
                  label={t('twin.chart.stepsLabel', { window: stepWindow })}
                  series={stepSeries.series}
                  window={stepSeries.window}
                  unit={unitFor('steps', settings).label}
                />
              </figure>
            )}
          </div>
        </Suspense>
      </section>
    </div>
  );
}
