import type { HeadlineResult } from '../../twin/forecast.ts';
import type { Settings } from '../../data/settings.ts';
import { cannotSimulateText } from '../model-notes.ts';
import { formatPercent, formatProbability, withUnit } from '../format.ts';
import { t } from '../i18n/index.ts';

/**
 * The person's headline risk of new type 2 diabetes in 10 years, named the same way on every
 * screen, with where it comes from; or, for a person who already has diabetes, that the forecast is
 * for prevention and what still applies. `compact` drops the explanation (the what-if and the
 * summary say it once elsewhere).
 */
export function DiabetesHeadline({
  result,
  error,
  settings,
  compact = false,
}: {
  result: HeadlineResult | undefined;
  error?: string | undefined;
  settings: Settings;
  compact?: boolean;
}) {
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!result)
    return (
      <section className="card headline" aria-busy="true" data-testid="headline">
        <p className="muted">{t('headline.working')}</p>
      </section>
    );
  if (result.kind === 'cannot')
    return (
      <section className="card headline" data-testid="headline">
        <p>{t('headline.cannot', { reason: cannotSimulateText(result.why, settings) })}</p>
      </section>
    );
  if (result.kind === 'hasDiabetes') {
    const why = result.why;
    return (
      <section className="card headline has-diabetes" data-testid="headline" data-has-diabetes="true" aria-labelledby="headline-title">
        <h2 id="headline-title">{t('headline.hasDiabetes.title')}</h2>
        <p>
          {why.because === 'recorded'
            ? t('headline.hasDiabetes.recorded')
            : why.because === 'hba1c'
              ? t('headline.hasDiabetes.hba1c', { value: valueText('hba1c', why.value, settings) })
              : t('headline.hasDiabetes.fastingGlucose', { value: valueText('blood_glucose', why.value, settings) })}
        </p>
        <p>{t('headline.hasDiabetes.body')}</p>
      </section>
    );
  }
  const { risk, anchor } = result;
  const today = risk.alreadyInRangeToday;
  return (
    <section className="card headline" data-testid="headline" aria-labelledby="headline-title">
      <h2 id="headline-title">{t('headline.title')}</h2>
      <p className="value" data-testid="headline-value">
        {formatProbability(risk.newWithin)}
      </p>
      {!compact && (
        <p className="small">
          {anchor
            ? t('headline.from', {
                variant: t(`headline.variant.${anchor.variant}`),
                // The published score as the risk page and the visit summary write it (formatPercent), not as the twin's own risk.
                anchor: formatPercent(anchor.percent),
              })
            : t('headline.fromNoAnchor')}
        </p>
      )}
      {!compact && Math.round(100 * today) >= 1 && <p className="small">{t('headline.today', { percent: formatProbability(today) })}</p>}
    </section>
  );
}

const valueText = (metric: 'hba1c' | 'blood_glucose', v: number, s: Settings): string => withUnit(metric, v, s);
