import { useEffect, useState } from 'react';
import type { AnomalyEpisode, AnomalyMetric } from '../../../models/ml/anomaly.ts';
import type { BaselinesResult } from '../../ml/baselines-service.ts';
import type { Workspace } from '../../data/workspace.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { mlWorker } from '../../workers/index.ts';
import { DAY_MS, dayInDeviceZone } from '../../../models/util/time.ts';
import { formatDay } from '../format.ts';
import { t, tn } from '../i18n/index.ts';
import { errorText } from '../error-text.ts';

/** A daily value of a baseline metric, in words the person reads (sleep in hours and minutes). */
function valueText(metric: AnomalyMetric, v: number): string {
  const nf = (d: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: d });
  if (metric === 'sleep') {
    const m = Math.round(v / 5) * 5;
    return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}`;
  }
  if (metric === 'resting_heart_rate') return `${nf(0).format(v)} bpm`;
  if (metric === 'hrv_sdnn') return `${nf(0).format(v)} ms`;
  if (metric === 'glucose_cv') return `${nf(1).format(v)} %`;
  return nf(0).format(Math.round(v / 10) * 10);
}

/** An episode in words (the catalog's, so that a clinician reviewing reads "the patient's usual"). */
function episodeText(e: AnomalyEpisode): string {
  const nf = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  const dev = Math.abs(e.meanDeviation);
  const vars = {
    side: t(e.direction === 'high' ? 'pb.side.high' : 'pb.side.low'),
    span: e.metric === 'sleep' ? tn('pb.nights', e.days) : tn('pb.days', e.days),
    usual: nf.format(e.usual),
    percent: nf.format((100 * dev) / Math.abs(e.usual)),
  };
  switch (e.metric) {
    case 'resting_heart_rate':
      return t('pb.episode.resting_heart_rate', { ...vars, value: nf.format(dev) });
    case 'hrv_sdnn':
      return t('pb.episode.hrv_sdnn', vars);
    case 'sleep':
      return t(e.direction === 'high' ? 'pb.episode.sleep.high' : 'pb.episode.sleep.low', { ...vars, value: valueText('sleep', dev) });
    case 'steps':
      return t('pb.episode.steps', vars);
    case 'glucose_cv':
      return t('pb.episode.glucose_cv', { ...vars, value: tn('pb.points', Math.round(dev)) });
  }
}

function Episode({ e }: { e: AnomalyEpisode }) {
  return (
    <li data-testid="pb-episode" data-metric={e.metric} data-direction={e.direction}>
      <strong>{episodeText(e)}</strong>
      <span className="muted small"> · {t('pb.dates', { from: formatDay(e.fromDay), to: formatDay(e.toDay) })}</span>
    </li>
  );
}

/**
 * Personal baselines (ml worker, models/ml/anomaly.ts): sustained deviations from the person's own
 * usual, ongoing ones first, and each metric's usual range. Mount with a key that changes after imports.
 */
export function PersonalBaselines({ ws }: { ws: Workspace }) {
  const [r, setR] = useState<BaselinesResult>();
  const [error, setError] = useState<string>();
  const [yesterday] = useState(() => dayInDeviceZone(Date.now() - DAY_MS));
  useEffect(() => {
    let live = true;
    mlWorker
      .run((a) => a.personalBaselines(ws))
      .then(
        (x) => live && setR(x),
        (e: unknown) => {
          if (live && !isAbortError(e)) setError(errorText(e));
        },
      );
    return () => {
      live = false;
    };
  }, [ws]);

  if (error)
    return (
      <p className="error" role="alert">
        {t('pb.error', { error })}
      </p>
    );
  if (!r)
    return (
      <p className="muted" aria-busy="true">
        {t('pb.computing')}
      </p>
    );
  if (r.baselines.length === 0 && r.learning.length === 0) return null;
  const ongoing = new Set(r.baselines.map((b) => b.ongoing).filter((x): x is AnomalyEpisode => !!x));
  // "Now" only when the data reach yesterday or later; an old export's last days are its latest, not now.
  const latestDay = r.baselines.reduce((m, b) => (b.asOfDay > m ? b.asOfDay : m), '');
  const earlier = r.episodes.filter((e) => ![...ongoing].some((o) => o.metric === e.metric && o.fromDay === e.fromDay)).slice(0, 5);
  return (
    <section className="card baselines" aria-labelledby="pb-title" data-testid="baselines">
      <h2 id="pb-title">{t('pb.title')}</h2>
      {ongoing.size > 0 && (
        <>
          <h3>{latestDay >= yesterday ? t('pb.now') : t('pb.latest', { day: formatDay(latestDay) })}</h3>
          <ul className="pb-now" data-testid="pb-ongoing">
            {[...ongoing].map((e) => (
              <Episode key={`${e.metric}${e.fromDay}`} e={e} />
            ))}
          </ul>
        </>
      )}
      {ongoing.size === 0 && <p data-testid="pb-none">{t('pb.none')}</p>}
      {earlier.length > 0 && (
        <>
          <h3>{t('pb.recent')}</h3>
          <ul className="pb-earlier">
            {earlier.map((e) => (
              <Episode key={`${e.metric}${e.fromDay}`} e={e} />
            ))}
          </ul>
        </>
      )}
      <dl className="pb-usual">
        {r.baselines.map((b) => (
          <div key={b.metric} data-testid="pb-usual" data-metric={b.metric}>
            <dt>{t(`pb.metric.${b.metric}`)}</dt>
            <dd>
              {t('pb.usual', {
                usual: valueText(b.metric, b.usual),
                low: valueText(b.metric, b.typicalLow),
                high: valueText(b.metric, b.typicalHigh),
              })}
            </dd>
          </div>
        ))}
        {r.learning.map((l) => (
          <div key={l.metric} data-metric={l.metric}>
            <dt>{t(`pb.metric.${l.metric}`)}</dt>
            <dd className="muted">
              {t(l.metric === 'glucose_cv' ? 'pb.learningCgm' : 'pb.learning', {
                days: l.days,
                needed: l.needed,
                window: l.windowDays,
                day: formatDay(l.toDay),
              })}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('pb.method')}</p>
    </section>
  );
}
