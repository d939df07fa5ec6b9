import { useLiveQuery } from 'dexie-react-hooks';
import { newDiagnosisProbability } from '../../../models/twin/simulate.ts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Scenario } from '../../../models/twin/scenario.ts';
import { useImports, useLatestSnapshot, useProfile, useSavedScenarios, useSettings } from '../../data/hooks.ts';
import { workspaceDb, type Workspace } from '../../data/workspace.ts';
import { SNAPSHOT_ENGINE, type SnapshotState } from '../../twin/snapshot.ts';
import { AgpReport } from '../components/AgpReport.tsx';
import { useSummaryData } from '../hooks/useSummaryData.ts';
import { ageOn, forecastWeight, formatDate, formatDay, formatProbability } from '../format.ts';
import { formatName, historyName } from '../import-words.ts';
import { listItems, otherInputs, planSettings } from '../summary/parts.ts';
import { t, tn, type MessageKey } from '../i18n/index.ts';
import { scoreCards } from '../risk/scores.ts';
import { inputRows } from '../risk/inputs.ts';
import { driverLabel } from '../risk/drivers.ts';
import { useHeadline } from '../hooks/useHeadline.ts';
import { metricRows } from '../summary/metric-rows.ts';
import { ItemList } from '../summary/ItemList.tsx';

/** The quantities the track record scores, by their names in the snapshot. */
const RECORD_NAMES: Record<string, MessageKey> = {
  weightKg: 'twin.health.kind.weight',
  fastingGlucoseMgDl: 'twin.health.kind.fastingGlucose',
  hba1cPercent: 'twin.health.kind.hba1c',
};
const MODELS =
  'QDiabetes-2018, FINDRISC, ADA, Framingham Offspring, PREVENT, Pooled Cohort Equations, Hall adult body weight, WHIG glycaemia, AGP consensus 2019';

/**
 * One printable page for a visit: who (name, date of birth), problems and medications with where
 * each came from, key measurements with old ones flagged, AGP, risk with inputs, plans explored with
 * their settings, track record, sources, model versions. Printing from its button waits until every
 * part is computed.
 */
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
  // The headline answer, as the twin and risk screens lead with it (the same worker call).
  const head = useHeadline(ws, snapshot?.id);
  const risk = data.risk.state === 'done' ? data.risk.value : undefined;
  const plans = data.plans?.state === 'done' ? data.plans.value : undefined;
  // The AGP reports when it is complete (chart drawn); a newer snapshot makes it start again.
  const [agpSettledFor, setAgpSettledFor] = useState<unknown>();
  const snapshotId = snapshot?.id;
  const onAgpSettled = useCallback(() => setAgpSettledFor(snapshotId), [snapshotId]);
  // Each part is ready once it has its final content (an answer or its failure).
  const loaded = !!snapshot && !!settings && profile !== undefined && !!imports && !!saved;
  const riskReady = data.risk.state !== 'computing' && (head.result !== undefined || head.error !== undefined);
  const plansReady = !!saved && (saved.length === 0 || (data.plans !== null && data.plans.state !== 'computing'));
  const agpReady = !(snapshot?.state as SnapshotState | undefined)?.latest.cgm_glucose || agpSettledFor === snapshot?.id;
  const ready = loaded && riskReady && plansReady && agpReady;
  // The print button asked before every part was ready: print once they are (the page as printed is complete).
  const [printWanted, setPrintWanted] = useState(false);
  useEffect(() => {
    if (!ready || !printWanted) return;
    // The request is used up once, the moment the last part settles (one more render, no cascade).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPrintWanted(false);
    window.print();
  }, [ready, printWanted]);
  const print = (): void => {
    if (ready) window.print();
    else setPrintWanted(true);
  };

  if (!loaded)
    return (
      <p className="muted" aria-busy="true">
        {t('summary.loading')}
      </p>
    );
  const state = snapshot.state as SnapshotState;
  const computing = t('summary.computing');
  const name = ws === 'review' ? (share?.label ?? '') : (profile?.name ?? (ws === 'demo' ? t('twin.demoName') : t('summary.notGiven')));
  const cards = risk ? scoreCards(risk.report, risk.drivers) : [];
  const rows = metricRows(state, risk, settings, nowMs);
  const shownDays = Object.fromEntries(
    rows.flatMap((r) => (r.key === 'blood_pressure' ? ['systolic_bp', 'diastolic_bp'] : [r.key]).map((m) => [m, r.day])),
  );
  const shownInputs = new Set(risk ? otherInputs(risk.sources, shownDays) : []);
  const shared = ws === 'review';
  const problems = listItems(profile, 'conditions', shared);
  const medications = listItems(profile, 'medications', shared);
  return (
    <article className="summary" aria-labelledby="summary-title" data-ready={ready}>
      <header>
        <h1 id="summary-title">{t('summary.title')}</h1>
        <button type="button" className="btn no-print" onClick={print} aria-describedby="summary-state">
          {t('summary.print')}
        </button>
        <p id="summary-state" className="small muted no-print" role="status">
          {ready ? t('summary.ready') : printWanted ? t('summary.printWhenReady') : t('summary.notReady')}
        </p>
        {!ready && <p className="print-only small">{t('summary.printedEarly')}</p>}
        <dl className="who" data-testid="summary-who">
          <div data-field="name">
            <dt>{t('summary.name')}</dt>
            <dd>{name}</dd>
          </div>
          <div data-field="birthDate">
            <dt>{t('summary.birthDate')}</dt>
            <dd>
              {profile?.birthDate
                ? t('summary.born', { date: formatDay(profile.birthDate), age: ageOn(profile.birthDate, nowMs) })
                : t('summary.notGiven')}
            </dd>
          </div>
          <div data-field="sex">
            <dt>{t('summary.sex')}</dt>
            <dd>{profile?.sex ? t(profile.sex === 'female' ? 'profile.sex.female' : 'profile.sex.male') : t('summary.notGiven')}</dd>
          </div>
          <div data-field="date">
            <dt>{t('summary.madeOn')}</dt>
            <dd>{formatDate(nowMs)}</dd>
          </div>
        </dl>
      </header>
      <section className="lists run-in" aria-labelledby="s-problems s-medications">
        <ItemList id="s-problems" title={t('summary.problems')} items={problems} testId="summary-problems" />
        <ItemList id="s-medications" title={t('summary.medications')} items={medications} testId="summary-medications" />
        <p className="small muted note">{t('summary.listsNote')}</p>
      </section>
      <section aria-labelledby="s-metrics" aria-busy={!riskReady}>
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
            {rows.map((r) => (
              <tr key={r.key} data-metric={r.key}>
                <th scope="row">
                  {r.label}
                  {r.calculated && <span className="small muted"> ({r.calculated})</span>}
                </th>
                <td>
                  {r.value}
                  {r.entered && <span className="small muted"> ({t(shared ? 'summary.from.person.review' : 'summary.from.person')})</span>}
                </td>
                <td>
                  {r.date}
                  {r.stale && (
                    <>
                      {' · '}
                      <strong className="stale" data-stale>
                        {r.stale}
                      </strong>
                    </>
                  )}
                </td>
                <td>{r.change}</td>
              </tr>
            ))}
            {!riskReady && (
              <tr>
                <td colSpan={4}>{computing}</td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      {state.latest.cgm_glucose && <AgpReport ws={ws} settings={settings} version={snapshot.id} onSettled={onAgpSettled} />}
      <section aria-labelledby="s-risk" aria-busy={!riskReady}>
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
            {head.result?.kind === 'risk' && (
              <tr data-score="twin">
                <th scope="row">{t('summary.twinRisk')}</th>
                <td data-testid="summary-headline">{formatProbability(head.result.risk.newWithin)}</td>
                <td className="small">
                  {tn(head.result.anchor ? 'summary.twinRisk.basis' : 'summary.twinRisk.fitted', head.result.observationsUsed)}
                </td>
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
              .filter((r) => shownInputs.has(r.key))
              .map((r) => t('summary.input', { name: r.name, value: r.value, from: r.from }))
              .join(' · ')}
          </p>
        )}
      </section>
      <section aria-labelledby="s-plans" aria-busy={!plansReady}>
        <h2 id="s-plans">{t('summary.plans')}</h2>
        {saved.length === 0 ? (
          <p className="small">{t('summary.noPlans')}</p>
        ) : (
          <table className="cross" data-testid="summary-plans">
            <thead>
              <tr>
                <th scope="col">{t('summary.plan')}</th>
                <th scope="col">{t('summary.settings')}</th>
                <th scope="col">{t('summary.t2d10')}</th>
                <th scope="col">{t('summary.weight10')}</th>
              </tr>
            </thead>
            <tbody>
              {[{ name: t('whatif.noChange'), scenario: {} }, ...saved].map((s, i) => {
                // The headline's number and name (models/twin/headline.ts): new diabetes, none for a person who has it.
                const hasDiabetes = plans?.ok ? !!plans.value.hasDiabetes : false;
                const r = plans?.ok ? plans.value.results[i] : undefined;
                // Whole units, as the what-if writes the same band (forecastWeight).
                const w = (kg: number): string => forecastWeight(kg, settings).text;
                const none = planGap(data.plans, computing);
                return (
                  <tr key={i} data-plan={i}>
                    <th scope="row">{s.name}</th>
                    <td data-testid="plan-settings">{planSettings(s.scenario, settings)}</td>
                    <td data-testid="plan-t2d">
                      {r ? (hasDiabetes ? '–' : formatProbability(newDiagnosisProbability(r.t2dCumulativeProbability, 10))) : none}
                    </td>
                    <td>
                      {r
                        ? t('summary.weightRange', {
                            lo: w(r.weightKg.p05[10]!),
                            hi: w(r.weightKg.p95[10]!),
                            unit: forecastWeight(0, settings).unit,
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
      <section aria-labelledby="s-record" className="run-in">
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
            .map((i) =>
              t('summary.source', { file: historyName(i, settings), format: formatName(i.format), date: formatDate(i.startedAt) }),
            )
            .join(' · ')}
          {state.dataFrom && state.dataTo && (
            <>
              {' · '}
              <span data-testid="summary-data-range">{`${formatDay(state.dataFrom)} – ${formatDay(state.dataTo)}`}</span>
            </>
          )}
        </p>
        <div className="sources-notes">
          <p className="small muted">{t('summary.models', { list: MODELS, version: __APP_VERSION__, engine: SNAPSHOT_ENGINE })}</p>
          <p className="small muted">{t('summary.notDevice')}</p>
        </div>
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
