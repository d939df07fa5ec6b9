import type { Settings } from '../../data/settings.ts';
import { displayDelta, formatPercent, formatProbability } from '../format.ts';
import type { Forecast } from '../../twin/forecast.ts';
import { t, tn } from '../i18n/index.ts';
import { scoreName, twinNoteText } from '../model-notes.ts';
import { restsText } from '../twin/rests-text.ts';
import { beyondCheckedSentence } from '../whatif/sentence.ts';
import { VALIDATION_SUMMARY } from '../../twin/validation-summary.ts';

/** A published score in % (QDiabetes-2018, PREVENT), written as the risk page and the visit summary write it. */
const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : formatPercent(v));
/** The twin's own diabetes risk in %, formatted as the headline formats it (the same number reads the same everywhere). */
const risk = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : formatProbability(v / 100));

/**
 * What stands behind the forecast: the published scores beside the twin, how the twin was
 * calibrated and anchored, and every warning. Shown under the fan charts.
 */
export function TwinNotes({
  result,
  names,
  ms,
  settings,
  pageHorizonYears,
}: {
  result: Forecast;
  names: string[];
  ms?: number;
  settings: Settings;
  /** The horizon the page shows: at 10 years the page already says once that 10 years is beyond the trials. */
  pageHorizonYears?: number;
}) {
  const c = result.calibration;
  // The table's figures are 10-year ones, whatever horizon the charts show.
  const beyond10 = pageHorizonYears === 10 ? null : beyondCheckedSentence(10, VALIDATION_SUMMARY.validatedHorizonYears);
  // For a person who already has diabetes, no diabetes risk: the heart scores alone.
  const diabetesColumns = !result.hasDiabetes;
  // PREVENT needs cholesterol and blood pressure: no column of dashes where the profile has none.
  const cvdColumn = result.cvd.some((c) => c?.prevent10yCvdPercent.scenario != null);
  const caption = diabetesColumns ? (cvdColumn ? 'whatif.notes.caption' : 'whatif.notes.captionDiabetes') : 'whatif.notes.captionCvd';
  return (
    <details className="card notes" open>
      <summary>{t('whatif.notes.title')}</summary>
      {(diabetesColumns || cvdColumn) && (
        <table className="cross">
          <caption className="small muted">{t(caption)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('whatif.notes.scenario')}</th>
              {diabetesColumns && <th scope="col">{t('whatif.notes.twin')}</th>}
              {diabetesColumns && <th scope="col">{t('whatif.notes.qdiabetes')}</th>}
              {cvdColumn && <th scope="col">{t('whatif.notes.cvd')}</th>}
            </tr>
          </thead>
          <tbody>
            {names.map((n, i) => {
              const x = result.crossChecks[i];
              const cvd = result.cvd[i];
              return (
                <tr key={i}>
                  <th scope="row">{n}</th>
                  {diabetesColumns && <td data-testid="notes-twin">{x && 'model' in x ? risk(x.twin10yPercent) : '–'}</td>}
                  {diabetesColumns && (
                    <td data-testid="notes-qdiabetes">
                      {x && 'model' in x ? (
                        x.agree === false ? (
                          t('whatif.notes.disagrees', { value: pct(x.scenario10yPercent) })
                        ) : (
                          pct(x.scenario10yPercent)
                        )
                      ) : (
                        <span className="small">{x && 'unavailable' in x ? t('whatif.notes.unavailable') : '–'}</span>
                      )}
                    </td>
                  )}
                  {cvdColumn && <td>{pct(cvd?.prevent10yCvdPercent.scenario)}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ul className="small">
        {c && (
          <li data-testid="calibration">
            {tn('whatif.notes.calibrated', c.observationsUsed, {
              months: Math.round(c.historyDays / 30.4),
              fit:
                c.rmse.weightKg !== undefined
                  ? t('whatif.notes.weightFit', {
                      fit: `${displayDelta('body_weight', c.rmse.weightKg, settings).text} ${displayDelta('body_weight', c.rmse.weightKg, settings).unit}`,
                    })
                  : '',
              reused: c.reused ? t('whatif.notes.reused') : '',
            })}
          </li>
        )}
        {c?.restsOn && <li data-testid="rests-on">{restsText(c.restsOn)}</li>}
        {result.progression && diabetesColumns && (
          <li>
            {t('whatif.notes.progression', {
              source: scoreName(result.progression.source),
              target: pct(result.progression.target10yPercent),
            })}
          </li>
        )}
        {result.notes.map((n, i) => (
          <li key={i} className="warn">
            {twinNoteText(n, settings)}
          </li>
        ))}
        {ms !== undefined && <li className="muted">{t('whatif.notes.computed', { ms: Math.round(ms) })}</li>}
        {beyond10 && <li>{beyond10}</li>}
        <li>{t('whatif.notes.bands')}</li>
        <li className="muted">{t('whatif.notes.disclaimer')}</li>
      </ul>
    </details>
  );
}
