/**
 * Scores every stored forecast against the person's data that arrived after the snapshot was made
 * (its watermark), so the twin keeps a record of how its past forecasts turned out.
 */
import type { DoppelDb } from '../data/db.ts';
import type { TwinSnapshotRow } from '../data/rows.ts';
import { readSamples } from '../data/samples.ts';
import { FLAG_FASTING } from '../../models/samples.ts';
import type { MetricId } from '../../models/metrics.ts';
import { scoreForecast, type ForecastKind, type KindScore, type Outcome, type StoredForecast } from '../../models/twin/track-record.ts';

const DAY_MS = 86_400_000;
const MAX_SCORED = 24;
const METRIC: Record<ForecastKind, [MetricId, number]> = {
  weightKg: ['body_weight', 0],
  fastingGlucoseMgDl: ['blood_glucose', FLAG_FASTING],
  hba1cPercent: ['hba1c', 0],
};

export interface TrackRecord {
  /** Snapshots whose forecasts had later data to score. */
  forecasts: number;
  /** Pooled over those forecasts, per quantity. */
  scores: Partial<Record<ForecastKind, KindScore>>;
}

export async function trackRecord(db: DoppelDb, nowMs: number): Promise<TrackRecord> {
  const pooled: Partial<Record<ForecastKind, { n: number; err: number; hit: number }>> = {};
  let forecasts = 0;
  // One forecast per data watermark (the first made when that data arrived): refreshes without new
  // data would otherwise score the same outcomes many times. The most recent 24 such forecasts.
  const byWatermark = new Map<number, TwinSnapshotRow>();
  for (const snap of await db.twinSnapshots.orderBy('createdAt').toArray()) {
    if (!byWatermark.has(snap.watermark.lastSampleMs)) byWatermark.set(snap.watermark.lastSampleMs, snap);
  }
  for (const snap of [...byWatermark.values()].slice(-MAX_SCORED)) {
    const f = (snap.state as { forecast?: StoredForecast } | null)?.forecast;
    if (!f?.days?.length) continue;
    const origin = snap.createdAt;
    const outcomes: Outcome[] = [];
    for (const [kind, [metric, flag]] of Object.entries(METRIC) as [ForecastKind, [MetricId, number]][]) {
      const s = await readSamples(db, metric, snap.watermark.lastSampleMs + 1, nowMs);
      for (let i = 0; i < s.n; i++) {
        if (flag && !(s.flags[i]! & flag)) continue;
        outcomes.push({ day: (s.start[i]! - origin) / DAY_MS, kind, value: s.value[i]! });
      }
    }
    const score = scoreForecast(f, outcomes);
    if (!Object.keys(score).length) continue;
    forecasts++;
    for (const [k, sc] of Object.entries(score) as [ForecastKind, KindScore][]) {
      const a = (pooled[k] ??= { n: 0, err: 0, hit: 0 });
      a.n += sc.n;
      a.err += sc.meanAbsError * sc.n;
      a.hit += sc.coverage90 * sc.n;
    }
  }
  return {
    forecasts,
    scores: Object.fromEntries(Object.entries(pooled).map(([k, a]) => [k, { n: a.n, meanAbsError: a.err / a.n, coverage90: a.hit / a.n }])),
  };
}
