import { isMetricId } from '../../models/metrics.ts';
import { implausible } from '../../models/plausibility.ts';
import { NO_OFFSET, type SampleBatch } from '../../models/samples.ts';
import { DataError } from './errors.ts';

/**
 * What the data layer accepts: a known metric, columns of one length, offsets resolved (the
 * importer places offset-less samples in the source's zone before storing), source indices within
 * the import's source list, and plausible values (docs/metrics.md). Importers reject bad records one by
 * one before this; reaching this check means a bug in the caller, so the whole write is refused.
 */
export function validateBatch(b: SampleBatch, sourceCount: number, nowMs = Date.now()): void {
  const bad = (msg: string): never => {
    throw new DataError('INVALID_BATCH', msg);
  };
  if (!isMetricId(b.metric)) bad(`unknown metric "${String(b.metric)}"`);
  const n = b.start.length;
  for (const col of ['end', 'value', 'offsetMin', 'source', 'flags'] as const) {
    if (b[col].length !== n) bad(`${b.metric}: column ${col} has ${b[col].length} entries, start has ${n}`);
  }
  for (let i = 0; i < n; i++) {
    if (b.offsetMin[i] === NO_OFFSET) bad(`${b.metric} sample ${i}: UTC offset not resolved`);
    if (b.source[i]! >= sourceCount) bad(`${b.metric} sample ${i} names source ${b.source[i]}, but the import lists ${sourceCount}`);
    const why = implausible(b.metric, b.start[i]!, b.end[i]!, b.value[i]!, nowMs);
    if (why) bad(`${b.metric} sample ${i}: ${why}`);
  }
}
