import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { METRICS, type MetricId } from '../../../models/metrics.ts';
import type { Scenario } from '../../../models/twin/scenario.ts';
import { useImports, useLatestSnapshot, useProfile, useSavedScenarios, useSettings } from '../../data/hooks.ts';
import { workspaceDb, type Workspace } from '../../data/workspace.ts';
import { SNAPSHOT_ENGINE, type SnapshotState } from '../../twin/snapshot.ts';
import { AgpReport } from '../components/AgpReport.tsx';
import { useSummaryData } from '../hooks/useSummaryData.ts';
import { ageOn, display, displayDelta, formatDate, formatDay } from '../format.ts';
import { formatName } from '../import-words.ts';
import { t, tn, type MessageKey } from '../i18n/index.ts';
import { scoreCards } from '../risk/scores.ts';
import { inputRows } from '../risk/inputs.ts';
import { driverLabel } from '../risk/drivers.ts';

const METRIC_ROWS: MetricId[] = [
  'body_weight',
  'hba1c',
  'blood_glucose',
  'cgm_glucose',
  'systolic_bp',
  'diastolic_bp',
  'resting_heart_rate',
  'ldl_cholesterol',
  'hdl_cholesterol',
  'triglycerides',
];
/** The quantities the track record scores, by their names in the snapshot. */
const RECORD_NAMES: Record<string, MessageKey> = {
  weightKg: 'twin.health.kind.weight',
  fastingGlucoseMgDl: 'twin.health.kind.fastingGlucose',
  hba1cPercent: 'twin.health.kind.hba1c',
};
const MODELS =
  'QDiabetes-2018, FINDRISC, ADA, Framingham Offspring, PREVENT, Pooled Cohort Equations, Hall adult body weight, WHIG glycaemia, AGP consensus 2019';

/** One printable page for a visit: key metrics, AGP, risk with inputs, plans explored, track record, sources, model versions. */
export function SummaryPage({ ws }: { ws: Workspace }) {
  const snapshot = useLatestSnapshot(ws);
  const profile = useProfile(ws);
  const settings = useSettings(ws);
  const saved = useSavedScenarios(ws);
  const imports = useImports(ws);
  const share = useLiveQuery(
    async () =>
      (await workspaceDb(ws).settings.get('share'))?.value as
        { label: string; sharedAt: string; scope: { fromDay: string | null; toDay: string | null } } | undefined,
    [ws],
  );
  const [nowMs] = useState(() => Date.now());
  const planScenarios = useMemo(() => saved?.map((s) => s.scenario as Scenario), [saved]);
  const data = useSummaryData(ws, snapshot?.id, planScenarios);
  const risk = data.risk.state === 'done' ? data.risk.value : undefined;
  const plans = data.plans?.state === 'done' ? data.plans.value : undefined;
  // The AGP reports when it is complete (chart drawn); a newer snapshot makes it start again.
  const [agpSettledFor, setAgpSettledFor] = useState<unknown>();
  const snapshotId = snapshot?.id;
  const onAgpSettled = useCallback(() => setAgpSettledFor(snapshotId), [snapshotId]);

  if (!snapshot || !settings || profile === undefined || !imports || !saved)
    return (
      <p className="muted" aria-busy="true">
        {t('summary.loading')}
      </p>
    );
  const state = snapshot.state as SnapshotState;
  // Printing is offered once every section has its final content (an answer or its failure).
  const ready =
    data.risk.state !== 'computing' &&
    (saved.length === 0 || (data.plans !== null && data.plans.state !== 'computing')) &&
    (!state.latest.cgm_glucose || agpSettledFor === snapshot.id);
  const computing = t('summary.computing');
  const name = ws === 'review' ? (share?.label ?? '') : ws === 'demo' ? t('twin.demoName') : t('twin.yourTwin');
  const pctFmt = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
  const cards = risk ? scoreCards(risk.report, risk.drivers) : [];
  return (
    <article className="summary" aria-labelledby="summary-title" data-ready={ready}>
      <header>
        <h1 id="summary-title">{t('summary.title')}</h1>
        <p>
          {t('summary.of', {
            name,
            age: profile?.birthDate ? String(ageOn(profile.birthDate, nowMs)) : '–',
            sex: profile?.sex ? t(profile.sex === 'female' ? 'profile.sex.female' : 'profile.sex.male') : '–',
            date: formatDate(nowMs),
          })}
        </p>
        <button type="button" className="btn no-print" onClick={() => window.print()} disabled={!ready} aria-describedby="summary-state">
          {t('summary.print')}
        </button>
        <p id="summary-state" className="small muted no-print" role="status">
          {ready ? t('summary.ready') : t('summary.notReady')}
        </p>
      </header>
      <section aria-labelledby="s-metrics">
        <h2 id="s-metrics">{t('summary.metrics')}</h2>
        <table className="cross" data-testid="summary-metrics">
          <thead>
            <tr>
              <th scope="col">{t('summary.metric')}</th>
              <th scope="col">{t('summary.latest')}</th>
              <th scope="col">{t('summary.date')}</th>
              <th scope="col">{t('summary.change')}</th>
            </tr>
          </thead>
          <tbody>
            {METRIC_ROWS.filter((m) => state.latest[m]).map((m) => {
              const lv = state.latest[m]!;
              const v = display(m, lv.value, settings);
              const d = lv.delta !== undefined ? displayDelta(m, Math.abs(lv.delta), settings) : undefined;
              return (
                <tr key={m} data-metric={m}>
                  <th scope="row">{METRICS[m].label}</th>
                  <td>
                    {v.text} {v.unit}
                  </td>
                  <td>{formatDate(lv.atMs)}</td>
                  <td>
                    {d && lv.delta !== undefined
                      ? `${lv.delta > 0 ? '▲' : lv.delta < 0 ? '▼' : '●'} ${d.text} ${d.unit} / ${Math.round((lv.deltaDays ?? 0) / 30.4)} mo`
                      : '–'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {state.latest.cgm_glucose && <AgpReport ws={ws} settings={settings} version={snapshot.id} onSettled={onAgpSettled} />}
      <section aria-labelledby="s-risk">
        <h2 id="s-risk">{t('summary.risk')}</h2>
        <table className="cross" data-testid="summary-risk">
          <thead>
            <tr>
              <th scope="col">{t('summary.score')}</th>
              <th scope="col">{t('summary.value')}</th>
              <th scope="col">{t('summary.drivers')}</th>
            </tr>
          </thead>
          <tbody>
            {data.risk.state !== 'done' && (
              <tr>
                <td colSpan={3}>{data.risk.state === 'computing' ? computing : t('summary.failed', { error: data.risk.error })}</td>
              </tr>
            )}
            {cards.map((c) => (
              <tr key={c.key} data-score={c.key}>
                <th scope="row">{c.title}</th>
                <td>{c.value}</td>
                <td className="small">
                  {c.drivers
                    .slice(0, 3)
                    .map((d) => driverLabel(c.key, d, risk!.profile, settings))
                    .join(t('summary.driverSeparator'))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {risk && (
          <p className="small" data-testid="summary-inputs">
            <strong>{t('summary.inputs')}:</strong>{' '}
            {inputRows(risk, settings)
              .map((r) => t('summary.input', { name: r.name, value: r.value, from: r.from }))
              .join(' · ')}
          </p>
        )}
      </section>
      <section aria-labelledby="s-plans">
        <h2 id="s-plans">{t('summary.plans')}</h2>
        {saved.length === 0 ? (
          <p className="small">{t('summary.noPlans')}</p>
        ) : (
          <table className="cross" data-testid="summary-plans">
            <thead>
              <tr>
                <th scope="col">{t('summary.plan')}</th>
                <th scope="col">{t('summary.t2d10')}</th>
                <th scope="col">{t('summary.weight10')}</th>
              </tr>
            </thead>
            <tbody>
              {[{ name: t('whatif.noChange') }, ...saved].map((s, i) => {
                const r = plans?.ok ? plans.value.results[i] : undefined;
                const w = (kg: number): string => `${display('body_weight', kg, settings).text}`;
                const none = planGap(data.plans, computing);
                return (
                  <tr key={i}>
                    <th scope="row">{s.name}</th>
                    <td>{r ? pctFmt.format(r.t2dCumulativeProbability[10] ?? 0) : none}</td>
                    <td>
                      {r
                        ? t('summary.weightRange', {
                            lo: w(r.weightKg.p05[10]!),
                            hi: w(r.weightKg.p95[10]!),
                            unit: display('body_weight', 0, settings).unit,
                          })
                        : none}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="s-record">
        <h2 id="s-record">{t('summary.record')}</h2>
        {state.trackRecord?.forecasts ? (
          <p className="small">
            {Object.entries(state.trackRecord.scores)
              .map(([k, s]) =>
                tn('summary.recordItem', s!.n, {
                  name: k in RECORD_NAMES ? t(RECORD_NAMES[k]!) : k,
                  coverage: Math.round(100 * s!.coverage90),
                }),
              )
              .join(' · ')}
          </p>
        ) : (
          <p className="small">{t('summary.noRecord')}</p>
        )}
      </section>
      <section aria-labelledby="s-sources">
        <h2 id="s-sources">{t('summary.sources')}</h2>
        {share && (
          <p className="small">
            {t('summary.shared', {
              label: share.label,
              date: formatDate(Date.parse(share.sharedAt)),
              from: share.scope.fromDay ? formatDay(share.scope.fromDay) : '–',
              to: share.scope.toDay ? formatDay(share.scope.toDay) : '–',
            })}
          </p>
        )}
        <p className="small">
          {imports
            .filter((i) => i.status === 'committed')
            .map((i) => t('summary.source', { file: i.fileName, format: formatName(i.format), date: formatDate(i.startedAt) }))
            .join(' · ')}
          {state.dataFrom && state.dataTo ? ` · ${formatDay(state.dataFrom)} – ${formatDay(state.dataTo)}` : ''}
        </p>
        <p className="small muted">{t('summary.models', { list: MODELS, version: __APP_VERSION__, engine: SNAPSHOT_ENGINE })}</p>
        <p className="small muted">{t('summary.notDevice')}</p>
      </section>
    </article>
  );
}

/** What a plan's cell says without a number: still computing, the forecast's failure, or why the twin cannot forecast. */
function planGap(p: ReturnType<typeof useSummaryData>['plans'], computing: string): string {
  if (!p || p.state === 'computing') return computing;
  if (p.state === 'failed') return t('summary.failed', { error: p.error });
  return p.value.ok ? '–' : t('summary.noForecast');
}
