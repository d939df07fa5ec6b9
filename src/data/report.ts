import { METRIC_IDS, METRICS, type MetricId } from '../../models/metrics.ts';
import { isoWithOffset } from '../../models/util/time.ts';
import type { DoppelDb } from './db.ts';
import { getProfile } from './profile.ts';
import { readDaily, readSamples } from './samples.ts';

export interface MetricSummary {
  count: number;
  unit: string;
  min: number;
  max: number;
  mean: number;
  /** ISO 8601 with the sample's own offset. */
  first: string;
  last: string;
}

/** What is stored, in the shape of the CLI `import` report (docs/cli.md): per metric, daily totals, profile. */
export interface StoreReport {
  metrics: Partial<Record<MetricId, MetricSummary>>;
  daily: Partial<Record<MetricId, Record<string, number>>>;
  profile: { birthDate?: string; sex?: string; heightCm?: number };
}

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

export async function storeReport(db: DoppelDb): Promise<StoreReport> {
  const report: StoreReport = { metrics: {}, daily: {}, profile: {} };
  for (const m of METRIC_IDS) {
    const s = await readSamples(db, m);
    if (s.n === 0) continue;
    let min = Infinity,
      max = -Infinity,
      sum = 0;
    for (let i = 0; i < s.n; i++) {
      const v = s.value[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    report.metrics[m] = {
      count: s.n,
      unit: METRICS[m].unit,
      min: round(min),
      max: round(max),
      mean: round(sum / s.n),
      first: isoWithOffset(s.start[0]!, s.offsetMin[0]!),
      last: isoWithOffset(s.start[s.n - 1]!, s.offsetMin[s.n - 1]!),
    };
    if (METRICS[m].kind === 'cumulative') {
      report.daily[m] = Object.fromEntries((await readDaily(db, m)).map((r) => [r.day, round(r.sum, 3)]));
    }
  }
  const p = await getProfile(db);
  if (p?.birthDate) report.profile.birthDate = p.birthDate;
  if (p?.sex) report.profile.sex = p.sex;
  if (p?.heightCm) report.profile.heightCm = p.heightCm;
  return report;
}
