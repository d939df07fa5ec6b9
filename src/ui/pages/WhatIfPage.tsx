import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { CrossCheck } from '../../../models/twin/cross-check.ts';
import { useLatestSnapshot, useSettings } from '../../data/hooks.ts';
import type { Settings } from '../../data/settings.ts';
import type { Workspace } from '../../data/workspace.ts';
import { PlanEditor } from '../components/PlanEditor.tsx';
import { SavedScenarios } from '../components/SavedScenarios.tsx';
import { TwinNotes } from '../components/TwinNotes.tsx';
import { DiabetesHeadline } from '../components/DiabetesHeadline.tsx';
import { formatProbability } from '../format.ts';
import { ValidationTable } from '../components/ValidationTable.tsx';
import { VALIDATION_SUMMARY } from '../../twin/validation-summary.ts';
import { cannotSimulateText } from '../model-notes.ts';
import { useForecast } from '../hooks/useForecast.ts';
import { t, tn, type MessageKey } from '../i18n/index.ts';
import { tx } from '../i18n/rich.ts';
import { MAX_PLANS, NO_CHANGE, toScenario, type Plan } from '../whatif/plans.ts';
import { beyondCheckedSentence, planSentence } from '../whatif/sentence.ts';
import { COLOURS, describeSeries, fanSeries, unitOf, type Quantity } from '../whatif/series.ts';

const FanChart = lazy(() => import('../charts/FanChart.tsx'));

/** A plan's default name: "Plan A", "Plan B", … */
const planName = (i: number): string => t('whatif.planName', { letter: String.fromCharCode(65 + i) });
const firstPlan = (): Plan => ({ ...NO_CHANGE, name: planName(0), weightChangeKg: -5, activityMinutesPerWeek: 150 });
const CHARTS: [Quantity, MessageKey][] = [
  ['t2d', 'whatif.chart.t2d'],
  ['weight', 'whatif.chart.weight'],
  ['hba1c', 'whatif.chart.hba1c'],
  ['glucose', 'whatif.chart.glucose'],
];

function formatter(q: Quantity, s: Settings): (v: number) => string {
  const digits = q === 'weight' || q === 't2d' ? 0 : q === 'hba1c' ? (s.hba1cUnit === '%' ? 1 : 0) : s.glucoseUnit === 'mmol/L' ? 1 : 0;
  const nf = new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return (v) => nf.format(v);
}

export function WhatIfPage({ ws }: { ws: Workspace }) {
  const settings = useSettings(ws);
  const snapshot = useLatestSnapshot(ws);
  const [plans, setPlans] = useState<Plan[]>(() => [firstPlan()]);
  const [focus, setFocus] = useState(0);
  const [horizon, setHorizon] = useState(10);
  const scenarios = useMemo(() => [{}, ...plans.map(toScenario)], [plans]);
  const forecast = useForecast(ws, scenarios, snapshot?.id, plans);
  const inputAt = useRef<number | undefined>(undefined);

  const edit = (i: number, p: Plan): void => {
    inputAt.current = performance.now();
    setPlans((ps) => ps.map((q, j) => (j === i ? p : q)));
  };
  const addPlan = (p?: Plan): void => {
    if (plans.length >= MAX_PLANS) return;
    const name = p?.name ?? planName(plans.length);
    setPlans((ps) => [...ps, { ...(p ?? plans[focus] ?? firstPlan()), name }]);
    setFocus(plans.length);
  };
  const removePlan = (i: number): void => {
    setPlans((ps) => ps.filter((_, j) => j !== i));
    setFocus((f) => Math.max(0, f >= i ? f - 1 : f));
  };

  const result = forecast.result;
  // What is drawn is what the result answers: the plans as they were asked for (a plan removed or
  // renamed since shows only once its own forecast is back).
  const shownPlans = useMemo(() => forecast.forMeta ?? [], [forecast.forMeta]);
  const names = useMemo(() => [NO_CHANGE.name, ...shownPlans.map((p) => p.name)], [shownPlans]);
  const current = result?.ok && JSON.stringify(forecast.forScenarios) === JSON.stringify(scenarios);

  // A slider change is done when its forecast is drawn: the charts update in their own effects,
  // which run before this one, so the measure spans input → worker → repaint (docs/benchmarks.md).
  useEffect(() => {
    if (current && inputAt.current !== undefined) {
      performance.measure('doppel:whatif-repaint', { start: inputAt.current, end: performance.now() });
      inputAt.current = undefined;
    }
  }, [current, result]);

  if (!settings || snapshot === undefined)
    return (
      <p className="muted" aria-busy="true">
        {t('whatif.opening')}
      </p>
    );
  if (result && !result.ok) {
    return (
      <section aria-labelledby="whatif-title">
        <h1 id="whatif-title">{t('whatif.title')}</h1>
        <p role="alert">
          {t('whatif.cannotForecast', {
            reason: result.error.detail ? cannotSimulateText(result.error.detail, settings) : t('whatif.cannot.unknown'),
          })}
        </p>
        <p>{tx('whatif.missing', { a: (c) => <a href="#/import">{c}</a> })}</p>
      </section>
    );
  }

  const planResults = result?.ok ? result.value.results : [];
  // A person who already has diabetes gets the weight alone: the twin's glucose model is for prevention.
  const hasDiabetes = result?.ok ? result.value.hasDiabetes : null;
  const charts = hasDiabetes ? CHARTS.filter(([q]) => q === 'weight') : CHARTS;
  const beyond = beyondCheckedSentence(horizon, VALIDATION_SUMMARY.validatedHorizonYears);
  return (
    <div className="whatif">
      <h1 id="whatif-title">{t('whatif.title')}</h1>
      <p className="muted small">{t('whatif.intro')}</p>
      <div className="whatif-layout">
        <section className="card plans" aria-labelledby="plans-title">
          <h2 id="plans-title" className="visually-hidden">
            {t('whatif.plans')}
          </h2>
          <div className="tabs">
            <div role="tablist" aria-label={t('whatif.plans')} className="tablist">
              {plans.map((p, i) => (
                <button
                  key={i}
                  type="button"
                  role="tab"
                  id={`plan-tab-${i}`}
                  aria-selected={i === focus}
                  aria-controls="plan-panel"
                  className="tab"
                  style={{ borderColor: `rgb(${COLOURS[i + 1]})` }}
                  onClick={() => setFocus(i)}
                >
                  {p.name}
                </button>
              ))}
            </div>
            {plans.length < MAX_PLANS && (
              <button type="button" className="tab add" onClick={() => addPlan()}>
                {t('whatif.addPlan')}
              </button>
            )}
          </div>
          {plans[focus] && (
            <div id="plan-panel" role="tabpanel" aria-labelledby={`plan-tab-${focus}`}>
              <label className="name">
                {t('whatif.name')}{' '}
                <input value={plans[focus].name} maxLength={80} onChange={(e) => edit(focus, { ...plans[focus]!, name: e.target.value })} />
              </label>
              <PlanEditor plan={plans[focus]} settings={settings} onChange={(p) => edit(focus, p)} />
              <div className="actions">
                {plans.length > 1 && (
                  <button type="button" className="btn" onClick={() => removePlan(focus)}>
                    {t('whatif.remove', { name: plans[focus].name })}
                  </button>
                )}
                <SavedScenarios ws={ws} plan={plans[focus]} onOpen={(p) => (plans.length < MAX_PLANS ? addPlan(p) : edit(focus, p))} />
              </div>
            </div>
          )}
          <label className="horizon">
            {t('whatif.show')}{' '}
            <select value={horizon} onChange={(e) => setHorizon(Number(e.target.value))}>
              {[1, 2, 3, 5, 10].map((y) => (
                <option key={y} value={y}>
                  {tn('whatif.years', y)}
                </option>
              ))}
            </select>
          </label>
        </section>
        <section className="outcomes" aria-labelledby="outcome-title" aria-busy={forecast.busy}>
          <h2 id="outcome-title" className="visually-hidden">
            {t('whatif.forecast')}
          </h2>
          {hasDiabetes && <DiabetesHeadline result={{ kind: 'hasDiabetes', why: hasDiabetes }} settings={settings} />}
          <div aria-live="polite" className="sentences" data-testid="sentences">
            {result?.ok &&
              shownPlans.map(
                (p, i) =>
                  planResults[i + 1] && (
                    <p key={i}>
                      <span className="swatch" style={{ background: `rgb(${COLOURS[i + 1]})` }} aria-hidden="true" />{' '}
                      {planSentence(
                        p,
                        planResults[0]!,
                        planResults[i + 1]!,
                        horizon,
                        {
                          weight: (kg) =>
                            `${formatter('weight', settings)(settings.weightUnit === 'lb' ? kg * 2.2046226218 : kg)} ${settings.weightUnit}`,
                          weightChange: (kg) =>
                            `${new Intl.NumberFormat(undefined, { maximumFractionDigits: settings.weightUnit === 'lb' ? 0 : 1 }).format(settings.weightUnit === 'lb' ? kg * 2.2046226218 : kg)} ${settings.weightUnit}`,
                          percent: formatProbability,
                        },
                        'model' in (result.value.crossChecks[i + 1] ?? {}) ? (result.value.crossChecks[i + 1] as CrossCheck) : undefined,
                        !!hasDiabetes,
                      )}
                    </p>
                  ),
              )}
            {!result && !forecast.error && <p className="muted">{t('whatif.calibrating')}</p>}
            {forecast.error && (
              <p className="error" role="alert">
                {t('whatif.failed', { error: forecast.error })}
              </p>
            )}
          </div>
          {/* Beside the plans' sentences, not among them: one note for every figure at this horizon. */}
          {result?.ok && !hasDiabetes && shownPlans.length > 0 && beyond && (
            <p className="small" data-testid="beyond-checked">
              {beyond}
            </p>
          )}
          <Suspense fallback={<p className="muted">{t('common.loadingCharts')}</p>}>
            <div className="grid fans">
              {result?.ok &&
                charts.map(([q, key]) => {
                  const title = t(key);
                  const series = fanSeries(q, planResults, names, focus + 1, settings, horizon);
                  const unit = unitOf(q, settings);
                  const fmt = formatter(q, settings);
                  return (
                    <figure key={q} className="card" data-chart={q}>
                      <figcaption>{title}</figcaption>
                      <FanChart
                        label={tn('whatif.chartLabel', horizon, { title, description: describeSeries(q, series, fmt, unit) })}
                        years={planResults[0]!.years.slice(0, horizon + 1)}
                        series={series}
                        unit={unit}
                        format={fmt}
                        {...(q === 't2d' ? { yMin: 0 } : {})}
                      />
                    </figure>
                  );
                })}
            </div>
          </Suspense>
          <ul className="legend" aria-label={t('whatif.legend')}>
            {names.map((n, i) => (
              <li key={i}>
                <span className={`swatch${i === 0 ? ' dashed' : ''}`} style={{ background: `rgb(${COLOURS[i]})` }} aria-hidden="true" />
                {n}
              </li>
            ))}
            <li className="muted small">{t('whatif.shaded')}</li>
          </ul>
          {result?.ok && <TwinNotes result={result.value} names={names} ms={forecast.ms} settings={settings} pageHorizonYears={horizon} />}
          {result?.ok && <ValidationTable collapsed glucoseUnit={settings.glucoseUnit} />}
        </section>
      </div>
    </div>
  );
}
