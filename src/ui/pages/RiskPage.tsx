import { useEffect, useState } from 'react';
import type { RiskResult } from '../../twin/risk.ts';
import { useLatestSnapshot, useSettings } from '../../data/hooks.ts';
import { inputLabel, inputRows } from '../risk/inputs.ts';
import { driverLabel } from '../risk/drivers.ts';
import type { Workspace } from '../../data/workspace.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { twinWorker } from '../../workers/index.ts';
import { t, tn } from '../i18n/index.ts';
import { modelCard } from '../model-cards.ts';
import { scoreCards } from '../risk/scores.ts';
import { scoreNoteTexts } from '../risk/notes.ts';
import { errorText } from '../error-text.ts';
import { DiabetesHeadline } from '../components/DiabetesHeadline.tsx';
import { useHeadline } from '../hooks/useHeadline.ts';

/** Scores of diabetes risk: they do not apply to a person who already has diabetes. */
const DIABETES_SCORES = /^(qdiabetes2018|findrisc|ada|framinghamOffspring)/;

/** Each validated score with its drivers, its inputs with provenance, its population and its limits. */
export function RiskPage({ ws }: { ws: Workspace }) {
  const snapshot = useLatestSnapshot(ws);
  const settings = useSettings(ws);
  const [risk, setRisk] = useState<RiskResult>();
  const [error, setError] = useState<string>();
  const head = useHeadline(ws, snapshot?.id);
  useEffect(() => {
    let live = true;
    // Not aborted: an abort stops the twin worker and drops the what-if explorer's cached ensemble.
    twinWorker
      .run((a) => a.risk(ws))
      .then(
        (r) => live && setRisk(r),
        (e: unknown) => {
          if (live && !isAbortError(e)) setError(errorText(e));
        },
      );
    return () => {
      live = false;
    };
  }, [ws, snapshot?.id]);

  if (error)
    return (
      <p className="error" role="alert">
        {t('risk.error', { error })}
      </p>
    );
  if (!risk || !settings)
    return (
      <p className="muted" aria-busy="true">
        {t('risk.computing')}
      </p>
    );
  const hasDiabetes = head.result?.kind === 'hasDiabetes';
  const cards = scoreCards(risk.report, risk.drivers).filter((c) => !(hasDiabetes && DIABETES_SCORES.test(c.key)));
  const inputs = inputRows(risk, settings);
  return (
    <div className="risk">
      <h1>{t('risk.title')}</h1>
      <DiabetesHeadline result={head.result} error={head.error} settings={settings} compact />
      <p className="muted small">{t('risk.intro')}</p>
      {risk.suggestion && (
        <p className="card tip" data-testid="risk-suggestion">
          {tn('risk.suggestion', risk.suggestion.gain, { inputs: risk.suggestion.inputs.map(inputLabel).join(t('common.listSeparator')) })}
        </p>
      )}
      {cards.length === 0 && <p>{t('risk.none')}</p>}
      <div className="grid scores">
        {cards.map((c) => {
          const model = c.card ? modelCard(c.card) : undefined;
          const notes = scoreNoteTexts(c.key, risk.report.notes, settings);
          return (
            <article key={c.key} className="card score" data-score={c.key}>
              <h2>{c.title}</h2>
              <p className="value">{c.value}</p>
              <p>{c.meaning}</p>
              {c.drivers.length > 0 && (
                <>
                  <h3>{t('risk.drivers')}</h3>
                  <ul className="drivers">
                    {c.drivers.slice(0, 5).map((d) => (
                      <li key={d.input}>
                        <span>{driverLabel(c.key, d, risk.profile, settings)}</span>
                        <span className="bar" aria-hidden="true">
                          <span style={{ width: `${Math.round(100 * d.share)}%` }} className={d.value > 0 ? 'up' : 'down'} />
                        </span>
                        <span className="small muted">
                          {t(d.value > 0 ? 'risk.raises' : 'risk.lowers', { share: Math.round(100 * d.share) })}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {model && (
                <p className="small muted">
                  {t('risk.model', { population: model.population, limits: model.limits, source: model.source })}
                </p>
              )}
              {notes.length > 0 && (
                <ul className="small warn">
                  {notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
            </article>
          );
        })}
      </div>
      <h2>{t('risk.inputs')}</h2>
      <table className="cross inputs">
        <thead>
          <tr>
            <th scope="col">{t('risk.inputs.input')}</th>
            <th scope="col">{t('risk.inputs.value')}</th>
            <th scope="col">{t('risk.inputs.from')}</th>
          </tr>
        </thead>
        <tbody>
          {inputs.map((r) => (
            <tr key={r.key} data-input={r.key}>
              <th scope="row">{r.name}</th>
              <td>{r.value}</td>
              <td>{r.from}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
