/**
 * What a share file of a given scope would hold, counted from the daily rows (one row per metric and
 * local day, each with its number of samples): the patient sees "4,702 measurements, Nov 2010 – Dec
 * 2021" before the file is made, and is warned before making one with nothing in it. Run in the read
 * worker (workers/read.worker.ts): the samples themselves are never read, nor anything on the main
 * thread.
 *
 * The count equals the number of samples the file holds: a sample is in the file when its local day
 * (models/util/time.ts localDay) is in the range (payload.ts), and a daily row's `n` counts the
 * samples of that local day.
 */
import type { MetricId } from '../../models/metrics.ts';
import type { DoppelDb } from '../data/db.ts';
import { workspaceDb, type Workspace } from '../data/workspace.ts';

export interface PreviewScope {
  /** First and last local day (inclusive), or absent for no bound. */
  fromDay?: string;
  toDay?: string;
  metrics: MetricId[];
}

export interface SharePreview {
  /** Samples the file would hold. */
  count: number;
  /** First and last local day with a sample in the range (absent when there is none). */
  firstDay?: string;
  lastDay?: string;
  /** First and last local day with a sample of the chosen metrics, whatever the range ("Everything"). */
  spanFirstDay?: string;
  spanLastDay?: string;
}

const LOW = '';
const HIGH = '\uffff';

export async function sharePreview(db: DoppelDb, scope: PreviewScope): Promise<SharePreview> {
  const out: SharePreview = { count: 0 };
  const from = scope.fromDay ?? LOW;
  const to = scope.toDay ?? HIGH;
  const earlier = (a: string | undefined, b: string): string => (a === undefined || b < a ? b : a);
  const later = (a: string | undefined, b: string): string => (a === undefined || b > a ? b : a);
  await db.transaction('r', db.daily, async () => {
    for (const metric of new Set(scope.metrics)) {
      const all = db.daily.where('[metric+day]').between([metric, LOW], [metric, HIGH], true, true);
      const [first, last] = await Promise.all([all.first(), all.last()]);
      if (!first || !last) continue;
      out.spanFirstDay = earlier(out.spanFirstDay, first.day);
      out.spanLastDay = later(out.spanLastDay, last.day);
      if (from > to) continue;
      // Only the rows of the range; each is a handful of numbers, whatever the day's sample count.
      await db.daily
        .where('[metric+day]')
        .between([metric, from], [metric, to], true, true)
        .each((r) => {
          if (r.n <= 0) return;
          out.count += r.n;
          out.firstDay = earlier(out.firstDay, r.day);
          out.lastDay = later(out.lastDay, r.day);
        });
    }
  });
  return out;
}

/** The read worker's call (workers/read.worker.ts composes it). */
export const sharePreviewHandlers = {
  sharePreview(ws: Workspace, scope: PreviewScope): Promise<SharePreview> {
    return sharePreview(workspaceDb(ws), scope);
  },
};
