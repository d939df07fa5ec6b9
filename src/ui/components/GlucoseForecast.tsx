import { useEffect, useState } from 'react';
import type { ForecastAccuracy } from '../../../models/ml/metrics.ts';
import { MIN_TEST_WINDOWS, type HorizonEvaluation } from '../../../models/ml/verdict.ts';
import type { BackendName } from '../../ml/backend.ts';
import type { ForecastOutcome, GlucoseModelRecord, TrainOutcome } from '../../ml/glucose-service.ts';
import { MIN_DAYS } from '../../../models/ml/forecast-data.ts';
import type { Settings } from '../../data/settings.ts';
import type { Workspace } from '../../data/workspace.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { mlWorker } from '../../workers/index.ts';
import { display, formatDate, toDisplay, unitFor } from '../format.ts';
import { t } from '../i18n/index.ts';
import { errorText } from '../error-text.ts';

type State =
  { phase: 'training' } | { phase: 'failed'; error: string } | { phase: 'done'; trained: TrainOutcome; forecast?: ForecastOutcome };

const backendName = (b: BackendName): string => t(`ml.backend.${b}`);
const dateTime = (ms: number): string => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

/**
 * The glucose forecaster: trained in the ml worker on this person's CGM when the readings changed
 * (mount it with a key that changes after imports), shown per horizon only where it beat both
 * baselines on held-out later days, with the evaluation that decided it.
 */
export function GlucoseForecast({ ws, settings }: { ws: Workspace; settings: Settings }) {
  const [state, setState] = useState<State>({ phase: 'training' });
  useEffect(() => {
    let live = true;
    (async () => {
      const trained = await mlWorker.run((a) => a.ensureGlucoseModel(ws));
      const forecast = trained.record ? await mlWorker.run((a) => a.forecastGlucose(ws)) : undefined;
      if (live) setState({ phase: 'done', trained, ...(forecast ? { forecast } : {}) });
    })().catch((e: unknown) => {
      if (live && !isAbortError(e)) setState({ phase: 'failed', error: errorText(e) });
    });
    return () => {
      live = false;
    };
  }, [ws]);

  if (state.phase === 'training') {
    return (
      <section className="card gf" data-testid="glucose-forecast" aria-busy="true">
        <h2>{t('gf.title')}</h2>
        <p className="muted">{t('gf.training')}</p>
      </section>
    );
  }
  if (state.phase === 'failed') {
    return (
      <section className="card gf" data-testid="glucose-forecast">
        <h2>{t('gf.title')}</h2>
        <p className="error" role="alert">
          {t('gf.error', { error: state.error })}
        </p>
      </section>
    );
  }
  const { trained, forecast } = state;
  if (trained.status === 'none') return null;
  const rec = trained.record;
  return (
    <section className="card gf" data-testid="glucose-forecast" aria-labelledby="gf-title">
      <h2 id="gf-title">{t('gf.title')}</h2>
      {!rec ? (
        <p data-testid="gf-insufficient">
          {(trained.coveredDays ?? 0) < MIN_DAYS
            ? t('gf.insufficient', { days: trained.coveredDays ?? 0 })
            : t('gf.insufficientWindows', { days: trained.coveredDays ?? 0 })}
        </p>
      ) : (
        <>
          <Forecast rec={rec} outcome={forecast} settings={settings} />
          <Evaluation rec={rec} settings={settings} />
          <p
            className="muted small"
            data-testid="gf-about"
            data-backend={(forecast?.ok && forecast.value.backend) || rec.backend}
            data-trained-on={rec.backend}
            data-carbs={rec.usesCarbs}
            data-insulin={rec.usesInsulin}
          >
            {t('gf.about', {
              when: dateTime(rec.trainedAt),
              trainedOn: backendName(rec.backend),
              epochs: rec.horizons.map((h) => h.epochs).join(' / '),
              seconds: new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(
                rec.horizons.reduce((s, h) => s + h.trainMs, 0) / 1000,
              ),
              backend: backendName((forecast?.ok && forecast.value.backend) || rec.backend),
              inputs: t(
                rec.usesCarbs && rec.usesInsulin
                  ? 'gf.inputs.both'
                  : rec.usesCarbs
                    ? 'gf.inputs.carbs'
                    : rec.usesInsulin
                      ? 'gf.inputs.insulin'
                      : 'gf.inputs.readings',
              ),
            })}
          </p>
        </>
      )}
    </section>
  );
}

const heldOutDays = (rec: GlucoseModelRecord): number => rec.testDays;
/** Readings older than this are not "now": the forecast is worded as after that reading. */
const STALE_MS = 15 * 60_000;

function reasonText(e: HorizonEvaluation): string {
  return t(e.nTest < MIN_TEST_WINDOWS ? 'gf.reason.few' : 'gf.reason.noBetter');
}

function Forecast({ rec, outcome, settings }: { rec: GlucoseModelRecord; outcome?: ForecastOutcome; settings: Settings }) {
  const [now] = useState(() => Date.now());
  if (!outcome?.ok) {
    const reason = outcome?.error.code === 'GAP' ? t('gf.reason.gap') : t('gf.reason.missing');
    return <p data-testid="gf-none">{t('gf.noNow', { reason })}</p>;
  }
  const f = outcome.value;
  const u = unitFor('cgm_glucose', settings);
  const g = (v: number): string => display('cgm_glucose', v, settings).text;
  const stale = now - f.fromMs > STALE_MS;
  return (
    <>
      <p>{t(stale ? 'gf.fromOld' : 'gf.from', { value: g(f.lastMgDl), unit: u.label, time: dateTime(f.fromMs) })}</p>
      <ul className="gf-points">
        {f.points.map((p) => {
          const e = rec.horizons.find((h) => h.horizonMin === p.horizonMin)!.evaluation;
          return p.shown ? (
            <li key={p.horizonMin} data-testid={`gf-point-${p.horizonMin}`} data-shown="true">
              <strong>{t(stale ? 'gf.pointAfter' : 'gf.point', { minutes: p.horizonMin, value: g(p.mgdl), unit: u.label })}</strong>
              <span className="muted small"> · {t('gf.range', { low: g(p.lowMgDl), high: g(p.highMgDl), unit: u.label })}</span>
            </li>
          ) : (
            <li key={p.horizonMin} data-testid={`gf-point-${p.horizonMin}`} data-shown="false" className="muted">
              {t('gf.notShown', { minutes: p.horizonMin, days: heldOutDays(rec), reason: reasonText(e) })}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Evaluation({ rec, settings }: { rec: GlucoseModelRecord; settings: Settings }) {
  const u = unitFor('cgm_glucose', settings);
  const nf = (d: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: d, minimumFractionDigits: d });
  // RMSE is a difference of glucose: shown in the user's unit (mmol/L differences scale the same way).
  const rmse = (a: ForecastAccuracy): string => nf(u.digits === 0 ? 1 : 2).format(toDisplay('cgm_glucose', a.rmseMgDl, settings));
  const pct = (v: number): string => `${nf(1).format(v)} %`;
  const row = (label: string, a: ForecastAccuracy, best: boolean) => (
    <tr className={best ? 'best' : undefined} data-rmse={a.rmseMgDl} data-mard={a.mardPercent}>
      <th scope="row">{label}</th>
      <td>{rmse(a)}</td>
      <td>{pct(a.mardPercent)}</td>
      <td>{pct(a.clarke.A)}</td>
      <td>{pct(a.clarke.A + a.clarke.B)}</td>
    </tr>
  );
  return (
    <details className="gf-eval" data-testid="gf-evaluation">
      <summary>{t('gf.evaluation')}</summary>
      <p className="small">{t('gf.evaluation.lead', { date: formatDate(rec.testFromMs), days: heldOutDays(rec) })}</p>
      {rec.horizons.map((h) => {
        const e = h.evaluation;
        return (
          <div className="table-scroll" key={h.horizonMin}>
            <table className="gf-table" data-testid={`gf-table-${h.horizonMin}`}>
              <caption>{t('gf.table.caption', { minutes: h.horizonMin, n: e.nTest })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gf.col.forecast')}</th>
                  <th scope="col">{t('gf.col.rmse', { unit: u.label })}</th>
                  <th scope="col">{t('gf.col.mard')}</th>
                  <th scope="col">{t('gf.col.clarkeA')}</th>
                  <th scope="col">{t('gf.col.clarkeAB')}</th>
                </tr>
              </thead>
              <tbody>
                {row(t('gf.row.model'), e.model, e.beatsBaselines)}
                {row(t('gf.row.persistence'), e.persistence, false)}
                {row(t('gf.row.linear'), e.linear, false)}
              </tbody>
            </table>
            <p className="small" data-testid={`gf-verdict-${h.horizonMin}`}>
              {e.beatsBaselines ? t('gf.verdict.shown') : t('gf.verdict.hidden', { reason: reasonText(e) })}
            </p>
          </div>
        );
      })}
    </details>
  );
}
