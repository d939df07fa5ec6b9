import { METRICS, type MetricId } from '../../../models/metrics.ts';
import type { LatestValue } from '../../twin/snapshot.ts';
import { t } from '../i18n/index.ts';

/**
 * A latest value's name, wherever it is shown (the twin's cards, the visit summary's key
 * measurements): a blood glucose taken fasting is a "Fasting glucose", as the risk page names it.
 */
export function latestLabel(metric: MetricId, latest: Pick<LatestValue, 'fasting'> | undefined): string {
  return metric === 'blood_glucose' && latest?.fasting ? t('twin.card.fastingGlucose') : METRICS[metric].label;
}
