/**
 * Nightscout `entries.json` (an array of entries): `sgv` (number or string) is CGM glucose in mg/dL;
 * values below 40 are Dexcom device codes (sensor error, calibration needed, …), not glucose, and are
 * counted, not stored. `mbg` entries are meter glucose. Time: `date` (epoch ms) with the offset from
 * `dateString` or `utcOffset`.
 */
import { snippet } from '../../../models/util/text.ts';
import { NO_OFFSET } from '../../../models/samples.ts';
import { parseDateTime } from '../../../models/util/time.ts';
import { checkAbort, locate, textChunks, type ReadContext } from '../bytes.ts';
import { jsonElements, type JsonRoot } from '../json-stream.ts';
import { INSTANT_NO_OFFSET, type ImportSink } from '../sink.ts';
import { decimal } from '../../../models/util/number.ts';

export async function parseNightscoutJson(
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext & { entryName?: string } = {},
): Promise<void> {
  const root: JsonRoot = { kind: 'array', fields: {}, count: 0 };
  for await (const e of jsonElements(textChunks(bytes), root, ['entries'])) {
    if (root.count % 4096 === 0) {
      checkAbort(ctx.signal);
      await sink.drain();
    }
    const where = locate(ctx, `entry ${root.count}`);
    const x = e as Record<string, unknown>;
    const type = String(x.type ?? (x.sgv !== undefined ? 'sgv' : ''));
    if (type !== 'sgv' && type !== 'mbg') {
      sink.ignore(`Nightscout ${type || 'entry without type'}`);
      continue;
    }
    const raw = type === 'sgv' ? x.sgv : x.mbg;
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? decimal(raw) : NaN;
    if (!Number.isFinite(value)) {
      sink.reject(where, `${type} "${snippet(String(raw), 20)}" is not a number`);
      continue;
    }
    if (type === 'sgv' && value < 40) {
      sink.ignore('Nightscout sgv device code (below 40, not glucose)');
      continue;
    }
    const parsed = typeof x.dateString === 'string' ? parseDateTime(x.dateString) : undefined;
    const ms = typeof x.date === 'number' ? x.date : parsed?.ms;
    if (ms === undefined || !Number.isFinite(ms)) {
      sink.reject(where, 'no date');
      continue;
    }
    let offset = parsed && parsed.offsetMin !== NO_OFFSET ? parsed.offsetMin : NO_OFFSET;
    if (offset === NO_OFFSET && typeof x.utcOffset === 'number' && Math.abs(x.utcOffset) <= 14 * 60) offset = x.utcOffset;
    const src = sink.source('Nightscout', typeof x.device === 'string' ? x.device.slice(0, 80) : '');
    // `date` is an instant: without an offset the sink keeps it and stores the device's offset.
    if (offset === NO_OFFSET) offset = INSTANT_NO_OFFSET;
    const why = sink.add(type === 'sgv' ? 'cgm_glucose' : 'blood_glucose', ms, ms, value, offset, src);
    if (why) sink.reject(where, why);
  }
}
