import type { ProfileRow } from '../../data/rows.ts';
import type { Settings } from '../../data/settings.ts';
import { sharpeners } from '../../twin/sharpen.ts';
import { sharpenText } from '../twin/sharpen-text.ts';
import { restsText } from '../twin/rests-text.ts';
import type { SnapshotState } from '../../twin/snapshot.ts';
import { ageWords, displayDelta, formatDay } from '../format.ts';
import { t, tn, type MessageKey } from '../i18n/index.ts';
import { strong, tx, txn } from '../i18n/rich.ts';

const KIND: Record<string, [MessageKey, 'body_weight' | 'blood_glucose' | 'hba1c' | 'ogtt_2h_glucose']> = {
  weightKg: ['twin.health.kind.weight', 'body_weight'],
  fastingGlucoseMgDl: ['twin.health.kind.fastingGlucose', 'blood_glucose'],
  hba1cPercent: ['twin.health.kind.hba1c', 'hba1c'],
  ogtt2hGlucoseMgDl: ['twin.health.kind.ogtt2h', 'ogtt_2h_glucose'],
};

/** Calibration status, what would sharpen the forecast, and the twin's track record. */
export function TwinHealth({
  state,
  profile,
  settings,
  nowMs,
}: {
  state: SnapshotState;
  profile: ProfileRow | null;
  settings: Settings;
  nowMs: number;
}) {
  const cal = state.calibration;
  const tips = sharpeners(state, profile, nowMs);
  const record = state.trackRecord;
  const freshDays = state.dataTo ? Math.max(0, Math.round((nowMs - Date.parse(`${state.dataTo}T12:00:00Z`)) / 86_400_000)) : undefined;
  /** A quantity's name and a difference in its display unit. */
  const fit = (k: string, v: number): { name: string; value: string; unit: string } => {
    const [name, metric] = KIND[k] ?? [undefined, 'body_weight'];
    const d = displayDelta(metric, v, settings);
    return { name: name ? t(name) : k, value: d.text, unit: d.unit };
  };
  return (
    <div className="grid twin-health">
      <article className="card" aria-labelledby="cal-title" data-testid="calibration-status">
        <h3 id="cal-title">{t('twin.health.calibration')}</h3>
        {cal ? (
          <>
            <p>
              {txn('twin.health.fitted', cal.observationsUsed, {
                b: strong,
                months: tn('twin.health.months', Math.max(1, Math.round(cal.historyDays / 30.4))),
              })}
            </p>
            {cal.restsOn && <p data-testid="rests-on">{restsText(cal.restsOn)}</p>}
            {Object.keys(cal.rmse).length > 0 && (
              <p className="small muted">
                {t('twin.health.fitList', {
                  list: Object.entries(cal.rmse)
                    .filter(([k]) => k in KIND)
                    .map(([k, v]) => t('twin.health.fit', fit(k, v!)))
                    .join(' · '),
                })}
              </p>
            )}
          </>
        ) : (
          <p>{t('twin.health.notCalibrated')}</p>
        )}
        {freshDays !== undefined && (
          <p className="small muted">
            {freshDays > 30
              ? t('twin.health.newestOld', { day: formatDay(state.dataTo!), ago: ageWords(freshDays, 'ago') })
              : t('twin.health.newest', { day: formatDay(state.dataTo!) })}
          </p>
        )}
      </article>
      <article className="card" aria-labelledby="sharpen-title" data-testid="sharpen">
        <h3 id="sharpen-title">{t('twin.health.sharpen')}</h3>
        {tips.length === 0 ? (
          <p>{t('twin.health.sharpenNone')}</p>
        ) : (
          <ul className="small">
            {tips.slice(0, 4).map((tip) => {
              const { what, why } = sharpenText(tip);
              return (
                <li key={tip.id}>
                  {tx('twin.health.sharpenItem', { b: strong, what: tip.id === 'profile' ? <a href="#/profile">{what}</a> : what, why })}
                </li>
              );
            })}
          </ul>
        )}
      </article>
      <article className="card" aria-labelledby="record-title" data-testid="track-record">
        <h3 id="record-title">{t('twin.health.record')}</h3>
        {record && record.forecasts > 0 ? (
          <>
            <p>{tn('twin.health.checked', record.forecasts)}</p>
            <ul className="small">
              {Object.entries(record.scores).map(([k, s]) => (
                <li key={k}>{tn('twin.health.score', s!.n, { ...fit(k, s!.meanAbsError), coverage: Math.round(100 * s!.coverage90) })}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="small">{t('twin.health.recordNone')}</p>
        )}
      </article>
    </div>
  );
}
