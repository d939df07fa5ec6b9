import { lazy, memo, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { CrossCheck } from '../../../models/twin/cross-check.ts';
import { useLatestSnapshot, useSettings } from '../../data/hooks.ts';
import type { Settings } from '../../data/settings.ts';
import type { Workspace } from '../../data/workspace.ts';
import { PlanEditor } from '../components/PlanEditor.tsx';
import { SavedScenarios } from '../components/SavedScenarios.tsx';
import { TwinNotes } from '../components/TwinNotes.tsx';
import { DiabetesHeadline } from '../components/DiabetesHeadline.tsx';
import { forecastWeight, formatProbability, weightChange } from '../format.ts';
import { ValidationTable } from '../components/ValidationTable.tsx';
import { VALIDATION_SUMMARY } from '../../twin/validation-summary.ts';
import { cannotSimulateText } from '../model-notes.ts';
import { useForecast } from '../hooks/useForecast.ts';
import { t, tn, type MessageKey } from '../i18n/index.ts';
import { tx } from '../i18n/rich.ts';
import { MAX_PLANS, NO_CHANGE, toScenario, type Plan } from '../whatif/plans.ts';
import { beyondCheckedSentence, compactSentence, planSentence, type SentenceUnits } from '../whatif/sentence.ts';
import { useMediaQuery } from '../hooks/useMediaQuery.ts';
import type { Forecast } from '../../twin/forecast.ts';
import type { SimulateResult } from '../../../models/twin/simulate.ts';
import { COLOURS, describeSeries, fanSeries, unitOf, type Quantity } from '../whatif/series.ts';
import { usePinned } from '../hooks/usePinned.ts';

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

/** Members of the quick answer a phone gets while a slider moves (the full 1000 follow when it rests). */
const PREVIEW_MEMBERS = 200;
/** A slider rests when it has not moved for this long, ms. */
const REST_MS = 400;

export function WhatIfPage({ ws }: { ws: Workspace }) {
  const settings = useSettings(ws);
  const snapshot = useLatestSnapshot(ws);
  const [plans, setPlans] = useState<Plan[]>(() => [firstPlan()]);
  const [focus, setFocus] = useState(0);
  const [horizon, setHorizon] = useState(10);
  // A phone keeps the result in view above the controls and, while a slider moves, asks for quick
  // answers from part of the ensemble (docs/benchmarks.md: a step within 100 ms on a mid-range phone).
  const phone = useMediaQuery('(max-width: 899px)');
  const [moving, setMoving] = useState(false);
  const rest = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(rest.current), []);
  const scenarios = useMemo(() => [{}, ...plans.map(toScenario)], [plans]);
  const forecast = useForecast(ws, scenarios, snapshot?.id, plans, phone && moving ? PREVIEW_MEMBERS : undefined);
  const inputAt = useRef<number | undefined>(undefined);
  const { attach: pinResult, pinned, top: pinTop } = usePinned(phone);

  const edit = (i: number, p: Plan, slider = false): void => {
    inputAt.current = performance.now();
    setPlans((ps) => ps.map((q, j) => (j === i ? p : q)));
    clearTimeout(rest.current);
    setMoving(slider);
    if (slider) rest.current = setTimeout(() => setMoving(false), REST_MS);
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
  // The charts below the result: on a phone they follow the full answers only.
  const full = phone ? forecast.full : forecast;
  const fullPlans = useMemo(() => full?.forMeta ?? [], [full?.forMeta]);
  const fullNames = useMemo(() => [NO_CHANGE.name, ...fullPlans.map((p) => p.name)], [fullPlans]);
  const settled = !forecast.busy && !forecast.preview && !moving;

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
  const fullValue = full?.result?.ok ? full.result.value : undefined;
  const fullResults = fullValue?.results ?? [];
  // A person who already has diabetes gets the weight alone: the twin's glucose model is for prevention.
  const hasDiabetes = result?.ok ? result.value.hasDiabetes : null;
  const charts = hasDiabetes ? CHARTS.filter(([q]) => q === 'weight') : CHARTS;
  // The chart kept in view with the result on a phone: the diabetes risk (or the weight).
  const [lead] = charts[0]!;
  const beyond = beyondCheckedSentence(horizon, VALIDATION_SUMMARY.validatedHorizonYears);
  const units: SentenceUnits = {
    weight: (kg) => {
      const w = forecastWeight(kg, settings);
      return `${w.text} ${w.unit}`;
    },
    weightChange: (kg) => {
      const w = weightChange(kg, settings, false);
      return `${w.text} ${w.unit}`;
    },
    percent: formatProbability,
  };
  const fanFigure = (q: Quantity, key: MessageKey, from: SimulateResult[], seriesNames: string[], height?: number) => (
    <FanFigure
      key={q}
      q={q}
      titleKey={key}
      results={from}
      names={seriesNames}
      focus={focus}
      settings={settings}
      horizon={horizon}
      {...(height ? { height } : {})}
    />
  );
  const sentences = (from: SimulateResult[], fromPlans: Plan[], crossChecks: Forecast['crossChecks'] | undefined, compact: boolean) =>
    fromPlans.map(
      (p, i) =>
        from[i + 1] && (
          <p key={i}>
            <span className="swatch" style={{ background: `rgb(${COLOURS[i + 1]})` }} aria-hidden="true" />{' '}
            {compact
              ? compactSentence(p.name, from[0]!, from[i + 1]!, horizon, units, !!hasDiabetes)
              : planSentence(
                  p,
                  from[0]!,
                  from[i + 1]!,
                  horizon,
                  units,
                  'model' in (crossChecks?.[i + 1] ?? {}) ? (crossChecks![i + 1] as CrossCheck) : undefined,
                  !!hasDiabetes,
                )}
          </p>
        ),
    );

  return (
    <div className="whatif">
      <h1 id="whatif-title">{t('whatif.title')}</h1>
      <p className="muted small">{t('whatif.intro')}</p>
      <div className="whatif-layout">
        <section
          ref={pinResult}
          className={pinned ? 'whatif-result pinned' : 'whatif-result'}
          aria-labelledby="outcome-title"
          aria-busy={!settled}
          style={pinned ? { top: pinTop } : undefined}
          data-testid="whatif-result"
        >
          <h2 id="outcome-title" className="visually-hidden">
            {t('whatif.forecast')}
          </h2>
          {hasDiabetes && !phone && <DiabetesHeadline result={{ kind: 'hasDiabetes', why: hasDiabetes }} settings={settings} />}
          <div aria-live="polite" className="sentences" data-testid="sentences">
            {result?.ok && sentences(planResults, shownPlans, result.value.crossChecks, phone)}
            {!result && !forecast.error && <p className="muted">{t('whatif.calibrating')}</p>}
            {forecast.error && (
              <p className="error" role="alert">
                {t('whatif.failed', { error: forecast.error })}
              </p>
            )}
          </div>
          {phone && result?.ok && (
            <Suspense fallback={<p className="muted">{t('common.loadingCharts')}</p>}>
              {fanFigure(lead, charts[0]![1], planResults, names, 130)}
            </Suspense>
          )}
          {phone && !settled && result?.ok && <p className="small muted refining">{t('whatif.refining')}</p>}
        </section>
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
              <PlanEditor plan={plans[focus]} settings={settings} onChange={(p, slider) => edit(focus, p, slider)} />
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
        <section className="outcomes" aria-label={t('whatif.details')} aria-busy={!settled}>
          {hasDiabetes && phone && <DiabetesHeadline result={{ kind: 'hasDiabetes', why: hasDiabetes }} settings={settings} />}
          {phone && fullValue && <div className="sentences">{sentences(fullResults, fullPlans, fullValue.crossChecks, false)}</div>}
          {/* Beside the plans' sentences, not among them: one note for every figure at this horizon. */}
          {fullValue && !hasDiabetes && fullPlans.length > 0 && beyond && (
            <p className="small" data-testid="beyond-checked">
              {beyond}
            </p>
          )}
          <Suspense fallback={<p className="muted">{t('common.loadingCharts')}</p>}>
            <div className="grid fans">
              {fullValue && charts.filter(([q]) => !(phone && q === lead)).map(([q, key]) => fanFigure(q, key, fullResults, fullNames))}
            </div>
          </Suspense>
          <ul className="legend" aria-label={t('whatif.legend')}>
            {(phone ? fullNames : names).map((n, i) => (
              <li key={i}>
                <span className={`swatch${i === 0 ? ' dashed' : ''}`} style={{ background: `rgb(${COLOURS[i]})` }} aria-hidden="true" />
                {n}
              </li>
            ))}
            <li className="muted small">{t('whatif.shaded')}</li>
          </ul>
          {fullValue && <TwinNotes result={fullValue} names={fullNames} ms={forecast.ms} settings={settings} pageHorizonYears={horizon} />}
          {fullValue && <ValidationTable collapsed glucoseUnit={settings.glucoseUnit} />}
        </section>
      </div>
    </div>
  );
}

/**
 * One fan chart of the explorer. Memoized on its inputs, so that a render that does not change them
 * (a keypress before its forecast is back, a preview that updates only the chart in view) does not
 * redraw it: on a phone every redraw costs tens of milliseconds.
 */
const FanFigure = memo(function FanFigure({
  q,
  titleKey,
  results,
  names,
  focus,
  settings,
  horizon,
  height,
}: {
  q: Quantity;
  titleKey: MessageKey;
  results: SimulateResult[];
  names: string[];
  focus: number;
  settings: Settings;
  horizon: number;
  height?: number;
}) {
  const title = t(titleKey);
  const fmt = useMemo(() => formatter(q, settings), [q, settings]);
  const series = useMemo(() => fanSeries(q, results, names, focus + 1, settings, horizon), [q, results, names, focus, settings, horizon]);
  const years = useMemo(() => results[0]!.years.slice(0, horizon + 1), [results, horizon]);
  const unit = unitOf(q, settings);
  return (
    <figure className="card" data-chart={q}>
      <figcaption>{title}</figcaption>
      <FanChart
        label={tn('whatif.chartLabel', horizon, { title, description: describeSeries(q, series, fmt, unit) })}
        years={years}
        series={series}
        unit={unit}
        format={fmt}
        {...(q === 't2d' ? { yMin: 0 } : {})}
        {...(height ? { height } : {})}
      />
    </figure>
  );
});
