/**
 * LibreView (FreeStyle Libre) CSV, mg/dL or mmol/L. Metadata lines may come before the header.
 * Record types 0 (historic, every 15 or 5 minutes) and 1 (scan) are CGM glucose; strip glucose is
 * meter glucose; other record types (food, insulin, notes) are counted as ignored, and their
 * carbohydrate grams and rapid-acting insulin units kept as dose records for the glucose forecaster. Dates are
 * DD-MM-YYYY or MM-DD-YYYY depending on the account's country: the file's own unambiguous dates
 * (a first or second part above 12) decide, before anything is stored.
 */
import { snippet } from '../../../models/util/text.ts';
import { NO_OFFSET } from '../../../models/samples.ts';
import { toCanonical } from '../../../models/units.ts';
import { wallTime } from '../../../models/util/time.ts';
import { checkAbort, locate, textChunks, type ReadContext } from '../bytes.ts';
import { csvRecords } from '../csv.ts';
import { ImportError } from '../errors.ts';
import type { ImportSink } from '../sink.ts';
import { decimalComma } from '../../../models/util/number.ts';

export function isLibreHeader(line: string): boolean {
  return /Device Timestamp/i.test(line) && /Record Type/i.test(line);
}

type Order = 'DMY' | 'MDY';
const DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?/;

/** What a date says about the order: DMY if its first part > 12, MDY if its second part > 12. */
function orderHint(s: string): Order | undefined {
  const m = DATE.exec(s.trim());
  if (!m) return undefined;
  if (Number(m[1]) > 12) return 'DMY';
  if (Number(m[2]) > 12) return 'MDY';
  return undefined;
}

function wallMs(s: string, order: Order): number | undefined {
  const m = DATE.exec(s.trim());
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const [day, month] = order === 'DMY' ? [a, b] : [b, a];
  const ms = wallTime(Number(m[3]), month, day, Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return typeof ms === 'number' ? ms : undefined;
}

interface Row {
  line: number;
  time: string;
  type: string;
  historic: string;
  scan: string;
  strip: string;
  device: string;
  rapid: string;
  carbs: string;
}

export async function parseLibreviewCsv(
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext & { entryName?: string } = {},
): Promise<void> {
  let col: Record<'device' | 'time' | 'type' | 'historic' | 'scan' | 'strip' | 'rapid' | 'carbs', number> | undefined;
  let unit = 'mg/dL';
  let order: Order | undefined;
  let metaHint: Order | undefined;
  const pending: Row[] = []; // rows read before the date order was known
  let n = 0;

  const emit = (r: Row): void => {
    const where = locate(ctx, `line ${r.line}`);
    const type = r.type.trim();
    const glucose = type === '0' ? r.historic : type === '1' ? r.scan : r.strip;
    const metric = type === '0' || type === '1' ? 'cgm_glucose' : 'blood_glucose';
    if (type !== '0' && type !== '1' && !r.strip.trim()) {
      sink.ignore(`LibreView record type ${type || '(empty)'}`);
      // Type 4 (insulin) and 5 (food): not canonical metrics, but rapid-acting insulin units and
      // carbohydrate grams are kept, if plausible, for the glucose forecaster.
      const amount = type === '4' ? r.rapid.trim() : type === '5' ? r.carbs.trim() : '';
      const w = amount ? wallMs(r.time, order!) : undefined;
      if (w !== undefined) {
        sink.addDose(type === '4' ? 'insulin' : 'carbs', w, decimalComma(amount), NO_OFFSET, () =>
          sink.source(r.device.trim() || 'FreeStyle Libre'),
        );
      }
      return;
    }
    const w = wallMs(r.time, order!);
    if (w === undefined) {
      sink.reject(where, `timestamp "${snippet(r.time, 30)}" is not a ${order === 'DMY' ? 'DD-MM-YYYY' : 'MM-DD-YYYY'} date`);
      return;
    }
    const raw = glucose.trim();
    const conv = toCanonical(metric, decimalComma(raw), unit);
    if (!conv.ok) {
      sink.reject(where, `glucose "${snippet(raw, 20)}" is not a number`);
      return;
    }
    // A wall-clock time: the sink places it in the source's zone.
    const why = sink.add(metric, w, w, conv.value, NO_OFFSET, sink.source(r.device.trim() || 'FreeStyle Libre'));
    if (why) sink.reject(where, why);
  };

  for await (const [f, line] of csvRecords(textChunks(bytes))) {
    if (!col) {
      const joined = f.join(',').replace(/^\uFEFF/, '');
      if (!isLibreHeader(joined)) {
        if (line > 5)
          throw new ImportError(
            'MALFORMED',
            'Not a LibreView export: no "Device Timestamp … Record Type" header in the first lines',
            locate(ctx, `line ${line}`),
          );
        // metadata such as "Glucose Data,Generated on,13-12-2020 10:23 UTC,…" hints the date order
        for (const x of f) metaHint ??= orderHint(x);
        continue;
      }
      const h = f.map((x) => x.replace(/^\uFEFF/, '').trim());
      const find = (re: RegExp): number => h.findIndex((x) => re.test(x));
      col = {
        device: find(/^Device$/i),
        time: find(/^Device Timestamp$/i),
        type: find(/^Record Type$/i),
        historic: find(/^Historic Glucose/i),
        scan: find(/^Scan Glucose/i),
        strip: find(/^Strip Glucose/i),
        rapid: find(/^Rapid-Acting Insulin \(units\)$/i),
        carbs: find(/^Carbohydrates \(grams\)$/i),
      };
      unit = /mmol/i.test(h[col.historic] ?? h[col.scan] ?? '') ? 'mmol/L' : 'mg/dL';
      continue;
    }
    if (++n % 4096 === 0) {
      checkAbort(ctx.signal);
      await sink.drain();
    }
    const at = (i: number): string => (i >= 0 ? (f[i] ?? '') : '');
    const row: Row = {
      line,
      time: at(col.time),
      type: at(col.type),
      historic: at(col.historic),
      scan: at(col.scan),
      strip: at(col.strip),
      device: at(col.device),
      rapid: at(col.rapid),
      carbs: at(col.carbs),
    };
    if (!order) {
      order = orderHint(row.time);
      if (!order) {
        pending.push(row);
        continue;
      }
      for (const p of pending.splice(0)) emit(p);
    }
    emit(row);
  }
  if (!col) throw new ImportError('MALFORMED', 'Not a LibreView export: no header found');
  if (!order && pending.length) {
    // Every date in the file has day and month ≤ 12: use the metadata's hint, else the US order.
    order = metaHint ?? 'MDY';
    sink.ignore(`dates ambiguous: read as ${order === 'DMY' ? 'DD-MM-YYYY' : 'MM-DD-YYYY'}`);
    for (const p of pending.splice(0)) emit(p);
  }
}
