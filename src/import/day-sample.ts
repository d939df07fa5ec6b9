import type { MetricId } from '../../models/metrics.ts';
import { NO_OFFSET } from '../../models/samples.ts';
import { wallTime } from '../../models/util/time.ts';
import type { ImportSink } from './sink.ts';

/**
 * A day-level value (Garmin, Google Fit, Withings daily rows): one sample spanning the local day
 * (docs/cli.md). Instant metrics (a day's average weight) are placed at local noon.
 */
export function addDay(
  sink: ImportSink,
  metric: MetricId,
  y: number,
  m: number,
  d: number,
  value: number,
  source: number,
  kind: 'total' | 'instant',
  where: string,
): void {
  // Wall-clock times: the sink places them in the source's zone.
  const start = Date.UTC(y, m - 1, d);
  const end = Date.UTC(y, m - 1, d + 1);
  const at = Date.UTC(y, m - 1, d, 12);
  const why =
    kind === 'total' ? sink.add(metric, start, end, value, NO_OFFSET, source) : sink.add(metric, at, at, value, NO_OFFSET, source);
  if (why) sink.reject(where, why);
}

/** `MM/DD/YYYY`, `MM/DD/YY` (US), or ISO `YYYY-MM-DD` → [y, m, d], or undefined. */
export function parseDayUs(s: string): [number, number, number] | undefined {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s.trim());
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return valid(y, Number(m[1]), Number(m[2]));
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  return m ? valid(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

function valid(y: number, m: number, d: number): [number, number, number] | undefined {
  return typeof wallTime(y, m, d) === 'number' ? [y, m, d] : undefined;
}
