/**
 * Ambulatory Glucose Profile (AGP) metrics of a CGM period, as the international consensus defines
 * them: Battelino T et al., "Clinical Targets for Continuous Glucose Monitoring Data
 * Interpretation: Recommendations From the International Consensus on Time in Range", Diabetes Care
 * 2019;42:1593-1603. GMI (%) = 3.31 + 0.02392 × mean glucose (mg/dL): Bergenstal RM et al.,
 * Diabetes Care 2018;41:2275-2280. Percentiles by time of day over the period, as in the AGP report
 * (Johnson ML et al., Diabetes Technol Ther 2019;21(S2):S217).
 */
import { quantile } from '../twin/percentiles.ts';

/** Consensus ranges, mg/dL: very low < 54, low 54-69, in range 70-180, high 181-250, very high > 250. */
export const AGP_RANGES = { veryLowBelow: 54, lowBelow: 70, highAbove: 180, veryHighAbove: 250 } as const;

export interface AgpResult {
  readings: number;
  /** Days in the period (the consensus asks for ≥ 14 with ≥ 70 % of possible readings). */
  days: number;
  /** Share of the period's possible readings present (sensor active), %. */
  activePercent: number;
  meanMgDl: number;
  /** Glucose management indicator, % (Bergenstal 2018). */
  gmiPercent: number;
  /** Coefficient of variation, % (SD / mean; target ≤ 36 %). */
  cvPercent: number;
  /** Time in each range, % of readings: very low, low, in range, high, very high. */
  time: { veryLow: number; low: number; inRange: number; high: number; veryHigh: number };
  /** Percentiles of glucose by local time of day, one per bin (minutes from midnight at the bin's middle). */
  profile: { minute: number[]; p05: number[]; p25: number[]; p50: number[]; p75: number[]; p95: number[] };
}

/**
 * @param startMs reading times (epoch ms, UTC); @param valueMgDl glucose; @param offsetMin local
 * offset of each reading (the AGP's time of day is the wearer's local clock).
 * @param intervalMin the sensor's reading interval (5 for Dexcom, 15 for Libre) for the active share.
 */
export function agp(
  startMs: ArrayLike<number>,
  valueMgDl: ArrayLike<number>,
  offsetMin: ArrayLike<number>,
  periodDays: number,
  intervalMin = 5,
  binMin = 15,
): AgpResult | undefined {
  const n = valueMgDl.length;
  if (n === 0) return undefined;
  let sum = 0,
    sum2 = 0;
  const t = { veryLow: 0, low: 0, inRange: 0, high: 0, veryHigh: 0 };
  const bins = Math.round(1440 / binMin);
  const byBin: number[][] = Array.from({ length: bins }, () => []);
  for (let i = 0; i < n; i++) {
    const v = valueMgDl[i]!;
    sum += v;
    sum2 += v * v;
    // Ranges on whole mg/dL: a meter's 10.0 mmol/L is stored as 180.16 mg/dL and is in range, as the
    // consensus's 3.9-10.0 mmol/L says; 13.9 mmol/L (250.4) is high, not very high.
    const r = Math.round(v);
    if (r < AGP_RANGES.veryLowBelow) t.veryLow++;
    else if (r < AGP_RANGES.lowBelow) t.low++;
    else if (r <= AGP_RANGES.highAbove) t.inRange++;
    else if (r <= AGP_RANGES.veryHighAbove) t.high++;
    else t.veryHigh++;
    const localMin = (((startMs[i]! / 60_000 + offsetMin[i]!) % 1440) + 1440) % 1440;
    byBin[Math.min(bins - 1, Math.floor(localMin / binMin))]!.push(v);
  }
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
  const pct = (k: number): number => (100 * k) / n;
  const profile: AgpResult['profile'] = { minute: [], p05: [], p25: [], p50: [], p75: [], p95: [] };
  for (let b = 0; b < bins; b++) {
    const vs = byBin[b]!;
    if (vs.length < 2) continue;
    const s = Float64Array.from(vs).sort();
    profile.minute.push(b * binMin + binMin / 2);
    profile.p05.push(quantile(s, 0.05));
    profile.p25.push(quantile(s, 0.25));
    profile.p50.push(quantile(s, 0.5));
    profile.p75.push(quantile(s, 0.75));
    profile.p95.push(quantile(s, 0.95));
  }
  return {
    readings: n,
    days: periodDays,
    activePercent: Math.min(100, (100 * n) / ((periodDays * 1440) / intervalMin)),
    meanMgDl: mean,
    gmiPercent: 3.31 + 0.02392 * mean,
    cvPercent: (100 * sd) / mean,
    time: { veryLow: pct(t.veryLow), low: pct(t.low), inRange: pct(t.inRange), high: pct(t.high), veryHigh: pct(t.veryHigh) },
    profile,
  };
}

/** The reading interval of a series, minutes: the median gap between consecutive readings (1-60). */
export function readingIntervalMin(startMs: ArrayLike<number>): number {
  const gaps: number[] = [];
  for (let i = 1; i < startMs.length && gaps.length < 2000; i++) gaps.push((startMs[i]! - startMs[i - 1]!) / 60_000);
  if (!gaps.length) return 5;
  gaps.sort((a, b) => a - b);
  return Math.min(60, Math.max(1, Math.round(gaps[gaps.length >> 1]!)));
}
