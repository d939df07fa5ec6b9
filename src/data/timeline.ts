/** What the timeline's cards read: per metric with data, its first and last day and a trend reference. */
import { METRIC_IDS, type MetricId } from '../../models/metrics.ts';
import type { DoppelDb } from './db.ts';
import type { DailyRow } from './rows.ts';

export interface MetricSummary {
  metric: MetricId;
  first: DailyRow;
  last: DailyRow;
  /** The day about 30 days before `last` (the nearest earlier day with data), for the trend. */
  before?: DailyRow;
  /** The day with data before `last` (a day total's last complete day when `last` is today). */
  prev?: DailyRow;
}

const DAY_MS = 86_400_000;

/** One indexed read per end of each metric's range: fast after any size of import (no sample is read). */
export async function metricSummaries(db: DoppelDb): Promise<MetricSummary[]> {
  const out = await Promise.all(
    METRIC_IDS.map(async (metric): Promise<MetricSummary | undefined> => {
      const range = db.daily.where('[metric+day]').between([metric, ''], [metric, '\uffff']);
      const [first, last] = await Promise.all([range.first(), range.clone().last()]);
      if (!first || !last) return undefined;
      const ref = new Date(Date.parse(`${last.day}T00:00:00Z`) - 30 * DAY_MS).toISOString().slice(0, 10);
      const [before, prev] = await Promise.all([
        db.daily.where('[metric+day]').between([metric, ''], [metric, ref], true, true).last(),
        db.daily.where('[metric+day]').between([metric, ''], [metric, last.day], true, false).last(),
      ]);
      return { metric, first, last, ...(before ? { before } : {}), ...(prev ? { prev } : {}) };
    }),
  );
  return out.filter((s): s is MetricSummary => s !== undefined);
}
