import type { ProfileRow } from '../../data/rows.ts';
import type { Settings } from '../../data/settings.ts';
import { sharpeners } from '../../twin/sharpen.ts';
import type { SnapshotState } from '../../twin/snapshot.ts';
import { displayDelta, formatDay } from '../format.ts';

const KIND: Record<string, [string, 'body_weight' | 'blood_glucose' | 'hba1c']> = {
  weightKg: ['Weight', 'body_weight'], fastingGlucoseMgDl: ['Fasting glucose', 'blood_glucose'], hba1cPercent: ['HbA1c', 'hba1c'],
};

/** Calibration status, what would sharpen the forecast, and the twin's track record. */
export function TwinHealth({ state, profile, settings, nowMs }: { state: SnapshotState; profile: ProfileRow | null; settings: Settings; nowMs: number }) {
  const cal = state.calibration;
  const tips = sharpeners(state, profile, nowMs);
  const record = state.trackRecord;
  const freshDays = state.dataTo ? Math.max(0, Math.round((nowMs - Date.parse(`${state.dataTo}T12:00:00Z`)) / 86_400_000)) : undefined;
  const fit = (k: string, v: number): string => {
    const [name, metric] = KIND[k] ?? [k, 'body_weight'];
    const d = displayDelta(metric, v, settings);
    return `${name} ±${d.text} ${d.unit}`;
  };
  return (
    <div className="grid twin-health">
      <article className="card" aria-labelledby="cal-title" data-testid="calibration-status">
        <h3 id="cal-title">Calibration</h3>
        {cal ? (
          <>
            <p>Fitted to <strong>{cal.observationsUsed}</strong> of your measurements over {Math.max(1, Math.round(cal.historyDays / 30.4))} months.</p>
            {Object.keys(cal.rmse).length > 0 && <p className="small muted">Fit (typical miss): {Object.entries(cal.rmse).filter(([k]) => k in KIND).map(([k, v]) => fit(k, v!)).join(' · ')}</p>}
          </>
        ) : <p>Not calibrated yet: the twin needs your birth date, sex, height and a weight.</p>}
        {freshDays !== undefined && <p className="small muted">Newest data: {formatDay(state.dataTo!)}{freshDays > 30 ? ` (${freshDays} days ago)` : ''}.</p>}
      </article>
      <article className="card" aria-labelledby="sharpen-title" data-testid="sharpen">
        <h3 id="sharpen-title">What would sharpen your forecast</h3>
        {tips.length === 0 ? <p>Your twin has fresh data of every kind it uses.</p> : (
          <ul className="small">{tips.slice(0, 4).map((t) => <li key={t.id}><strong>{t.id === 'profile' ? <a href="#/profile">{t.what}</a> : t.what}</strong>: {t.why}.</li>)}</ul>
        )}
      </article>
      <article className="card" aria-labelledby="record-title" data-testid="track-record">
        <h3 id="record-title">Track record</h3>
        {record && record.forecasts > 0 ? (
          <>
            <p>{record.forecasts} past forecast{record.forecasts > 1 ? 's' : ''} checked against what you measured later:</p>
            <ul className="small">
              {Object.entries(record.scores).map(([k, s]) => (
                <li key={k}>{fit(k, s!.meanAbsError).replace('±', 'off by ')} on average; {Math.round(100 * s!.coverage90)} % of {s!.n} measurements inside the 90 % range (90 % is the aim).</li>
              ))}
            </ul>
          </>
        ) : <p className="small">None yet. Each import stores the twin's forecast; measurements that arrive later score it here.</p>}
      </article>
    </div>
  );
}
