/** Quantiles of an ensemble (type 7, linear interpolation between order statistics, as R's default). */
export const BANDS = ['p05', 'p25', 'p50', 'p75', 'p95'] as const;
export type Band = (typeof BANDS)[number];
const PROBS: Record<Band, number> = { p05: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95 };

export function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function bands(values: Float64Array, scale = 1): Record<Band, number> {
  const s = new Float64Array(values.length);
  for (let i = 0; i < s.length; i++) s[i] = values[i]! * scale;
  s.sort();
  return Object.fromEntries(BANDS.map((b) => [b, quantile(s, PROBS[b])])) as Record<Band, number>;
}
