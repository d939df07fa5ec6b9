/**
 * Timeline reads, run by the read worker (workers/read.worker.ts), never behind a calibration in
 * the twin worker: raw samples for charts and the AGP report. Declares the calls' types for the UI.
 */
import { transfer } from 'comlink';
import type { MetricId } from '../../models/metrics.ts';
import { agp, readingIntervalMin, type AgpResult } from '../../models/cgm/agp.ts';
import type { ChunkColumns } from '../data/chunk-merge.ts';
import { readSamples } from '../data/samples.ts';
import { workspaceDb, type Workspace } from '../data/workspace.ts';
import { fail, ok, type Result } from '../rpc/result.ts';

/** The AGP report of a window of CGM, with the window. */
export type AgpReport = AgpResult & { fromMs: number; toMs: number };

/** `NO_CGM`: no CGM readings at all, or too few in the window for a report (nothing to show, not an error). */
export type AgpReportResult = Result<AgpReport, 'NO_CGM'>;

export const timelineHandlers = {
  /** Raw samples of one metric in a time range, moved (not copied) to the caller. */
  async samples(ws: Workspace, metric: MetricId, fromMs: number, toMs: number): Promise<ChunkColumns> {
    const c = await readSamples(workspaceDb(ws), metric, fromMs, toMs);
    return transfer(
      c,
      [c.start, c.end, c.value, c.offsetMin, c.source, c.importId, c.flags].map((a) => a.buffer as ArrayBuffer),
    );
  },
  /**
   * The AGP report of the `days` days of CGM up to the newest reading (or up to `toMs`): consensus
   * ranges, GMI, CV and the percentiles by time of day.
   */
  async agp(ws: Workspace, days = 14, toMs?: number): Promise<AgpReportResult> {
    const db = workspaceDb(ws);
    const end = toMs ?? (await db.daily.where('[metric+day]').between(['cgm_glucose', ''], ['cgm_glucose', '\uffff']).last())?.lastT;
    if (end === undefined) return fail('NO_CGM', 'no CGM readings');
    const from = end - days * 86_400_000;
    const s = await readSamples(db, 'cgm_glucose', from + 1, end);
    const r = agp(s.start, s.value, s.offsetMin, days, readingIntervalMin(s.start));
    return r
      ? ok({ ...r, fromMs: from, toMs: end })
      : fail('NO_CGM', `too few CGM readings in the ${days} days to ${new Date(end).toISOString()}`);
  },
};
