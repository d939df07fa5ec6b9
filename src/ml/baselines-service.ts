/**
 * Personal baselines in the ml worker: daily resting heart rate, HRV, sleep, steps (from the daily
 * rows) and glucose variability (daily CV from the CGM readings) against the person's own usual
 * (models/ml/anomaly.ts). Robust statistics, no TensorFlow.js: cheap enough to run on every visit.
 */
import { readDaily, readSamples } from '../data/samples.ts';
import { dayInDeviceZone, localDay } from '../../models/util/time.ts';
import { workspaceDb, type Workspace } from '../data/workspace.ts';
import {
  ANOMALY_CONFIG,
  baselineHistory,
  dailyGlucoseCv,
  detectAnomalies,
  latestBaseline,
  type AnomalyEpisode,
  type AnomalyMetric,
  type DailyValue,
  type MetricBaseline,
} from '../../models/ml/anomaly.ts';
import type { MetricId } from '../../models/metrics.ts';
import { readCgm } from './glucose-service.ts';

export interface BaselinesResult {
  /** Metrics with enough history, in ANOMALY order. */
  baselines: MetricBaseline[];
  /** Every sustained deviation found, newest first. */
  episodes: AnomalyEpisode[];
  /**
   * Metrics with data but too little history for a baseline yet: the days it can count (observed,
   * in its window of `windowDays` days up to `toDay`, outside episodes), always fewer than `needed`.
   */
  learning: { metric: AnomalyMetric; label: string; days: number; needed: number; windowDays: number; toDay: string }[];
}

/** Which daily value each metric uses: an instant metric's day mean, a total's day sum. */
const FROM_DAILY: [AnomalyMetric, MetricId, 'mean' | 'sum'][] = [
  ['resting_heart_rate', 'resting_heart_rate', 'mean'],
  ['hrv_sdnn', 'hrv_sdnn', 'mean'],
  ['steps', 'steps', 'sum'],
];

/**
 * Minutes asleep per night, dated by the local day the person woke up. The daily rows date a sample
 * by its start (docs/metrics.md), so a night begun after midnight and the next one begun before share a
 * day; a baseline of nights needs one value per night. Only the source with the most sleep records
 * counts (two trackers would count a night twice).
 */
export function nightlySleep(c: {
  n: number;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  value: ArrayLike<number>;
  offsetMin: ArrayLike<number>;
  source: ArrayLike<number>;
}): DailyValue[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < c.n; i++) counts.set(c.source[i]!, (counts.get(c.source[i]!) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const byDay = new Map<string, number>();
  for (let i = 0; i < c.n; i++) {
    if (c.source[i] !== main) continue;
    const day = localDay(c.end[i]!, c.offsetMin[i]!);
    byDay.set(day, (byDay.get(day) ?? 0) + c.value[i]!);
  }
  return [...byDay].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([day, value]) => ({ day, value }));
}

/**
 * `todayLocal`: the device's local day; a running day total (steps) of today or later is left out,
 * since an unfinished day would read as a drop.
 */
export async function personalBaselines(ws: Workspace, todayLocal = dayInDeviceZone(Date.now())): Promise<BaselinesResult> {
  const db = workspaceDb(ws);
  const series: [AnomalyMetric, DailyValue[]][] = [];
  for (const [metric, source, how] of FROM_DAILY) {
    const rows = await readDaily(db, source);
    const values = rows
      .filter((r) => r.n > 0 && !(how === 'sum' && metric === 'steps' && r.day >= todayLocal))
      .map((r) => ({ day: r.day, value: how === 'mean' ? r.sum / r.n : r.sum }));
    series.push([metric, values]);
  }
  series.splice(2, 0, ['sleep', nightlySleep(await readSamples(db, 'sleep'))]);
  const { series: cgm } = await readCgm(ws);
  series.push(['glucose_cv', dailyGlucoseCv(cgm)]);

  const out: BaselinesResult = { baselines: [], episodes: [], learning: [] };
  for (const [metric, values] of series) {
    if (values.length === 0) continue;
    const b = latestBaseline(metric, values);
    const history = b ? null : baselineHistory(metric, values);
    if (b) out.baselines.push(b);
    else if (history) out.learning.push({ metric, label: ANOMALY_CONFIG[metric].label, ...history });
    out.episodes.push(...detectAnomalies(metric, values));
  }
  out.episodes.sort((a, b) => (a.toDay < b.toDay ? 1 : a.toDay > b.toDay ? -1 : 0));
  return out;
}
