/**
 * Doppel's own CSV (docs/import-formats.md): `time,metric,value,unit[,source]`, one sample a row.
 * `time` is ISO 8601 (`2024-05-01T07:30:00+02:00`; without an offset it is read in the device's
 * time zone); `metric` a canonical id; `unit` any unit the metric accepts; `source` optional.
 */
import { snippet } from '../../../models/util/text.ts';
import { isMetricId, METRICS } from '../../../models/metrics.ts';
import { toCanonical } from '../../../models/units.ts';
import { readDateTimeField } from '../../../models/util/time.ts';
import { checkAbort, locate, textChunks, type ReadContext } from '../bytes.ts';
import { csvRecords } from '../csv.ts';
import { ImportError } from '../errors.ts';
import type { ImportSink } from '../sink.ts';
import { decimal } from '../../../models/util/number.ts';

export const GENERIC_CSV_TEMPLATE = [
  'time,metric,value,unit,source',
  '2024-05-01T07:30:00+02:00,body_weight,82.4,kg,Bathroom scale',
  '2024-05-01T08:00:00+02:00,blood_glucose,5.6,mmol/L,Meter',
  '2024-05-01T08:00:00+02:00,hba1c,39,mmol/mol,Lab',
  '2024-05-01T09:00:00+02:00,systolic_bp,128,mmHg,Cuff',
  '2024-05-01T09:00:00+02:00,diastolic_bp,82,mmHg,Cuff',
  '2024-05-01T00:00:00+02:00,steps,8123,count,Phone',
  '2024-04-30T23:10:00+02:00,sleep,412,min,Watch',
  '',
].join('\n');

export async function parseGenericCsv(
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext & { entryName?: string } = {},
): Promise<void> {
  let header = true;
  let n = 0;
  for await (const [f, line] of csvRecords(textChunks(bytes))) {
    if (header) {
      const h = f.map((x) =>
        x
          .trim()
          .toLowerCase()
          .replace(/^\uFEFF/, ''),
      );
      if (h.slice(0, 4).join(',') !== 'time,metric,value,unit' || (h.length > 4 && h[4] !== 'source') || h.length > 5) {
        throw new ImportError(
          'MALFORMED',
          `The header must be "time,metric,value,unit" or "time,metric,value,unit,source", not "${snippet(f.join(','), 80)}"`,
          locate(ctx, 'line 1'),
        );
      }
      header = false;
      continue;
    }
    if (++n % 4096 === 0) {
      checkAbort(ctx.signal);
      await sink.drain();
    }
    const where = locate(ctx, `line ${line}`);
    if (f.length < 4 || f.length > 5) {
      sink.reject(where, `expected 4 or 5 fields, found ${f.length}`);
      continue;
    }
    const [time, metric, value, unit, source] = f.map((x) => x.trim()) as [string, string, string, string, string?];
    if (!isMetricId(metric)) {
      sink.ignore(metric || '(empty metric)');
      continue;
    }
    const t = readDateTimeField('time', time);
    if (typeof t === 'string') {
      sink.reject(where, t);
      continue;
    }
    const v = decimal(value);
    const conv = toCanonical(metric, v, unit);
    if (!conv.ok) {
      sink.reject(where, Number.isFinite(v) ? conv.reason : `${metric}: value "${snippet(value)}" is not a number`);
      continue;
    }
    const startMs = t.ms; // without an offset a wall-clock time, which the sink places
    const endMs = METRICS[metric].kind === 'interval' ? startMs + conv.value * 60_000 : startMs;
    const why = sink.add(metric, startMs, endMs, conv.value, t.offsetMin, sink.source(source || 'CSV import'));
    if (why) sink.reject(where, why);
  }
  if (header) throw new ImportError('EMPTY_FILE', 'The CSV file has no header line');
}
