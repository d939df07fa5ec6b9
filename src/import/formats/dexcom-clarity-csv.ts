/**
 * Dexcom Clarity CSV export, old (12 columns) and new (with transmitter columns) layouts, mg/dL or
 * mmol/L. Columns are found by header name, so both layouts read the same. EGV rows are CGM glucose
 * (`Low`/`High` stored as 40/400 mg/dL and flagged censored); Calibration rows are meter glucose.
 * Carbs and fast-acting Insulin rows are kept as dose records for the glucose forecaster.
 */
import { snippet } from '../../../models/util/text.ts';
import { FLAG_CENSORED } from '../../../models/samples.ts';
import { toCanonical } from '../../../models/units.ts';
import { parseDateTime, readDateTimeField } from '../../../models/util/time.ts';
import { checkAbort, locate, textChunks, type ReadContext } from '../bytes.ts';
import { csvRecords } from '../csv.ts';
import { ImportError } from '../errors.ts';
import type { ImportSink } from '../sink.ts';
import { decimal } from '../../../models/util/number.ts';

export function isDexcomHeader(line: string): boolean {
  return /Timestamp \(YYYY-MM-DDThh:mm:ss\)/i.test(line) && /Event Type/i.test(line) && /Glucose Value/i.test(line);
}

export async function parseDexcomClarityCsv(
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext & { entryName?: string } = {},
): Promise<void> {
  let col:
    | {
        time: number;
        type: number;
        sub: number;
        info: number;
        device: number;
        glucose: number;
        mmol: boolean;
        insulin: number;
        carbs: number;
      }
    | undefined;
  let n = 0;
  for await (const [f, line] of csvRecords(textChunks(bytes))) {
    if (!col) {
      const h = f.map((x) => x.replace(/^\uFEFF/, '').trim());
      if (!isDexcomHeader(h.join(',')))
        throw new ImportError('MALFORMED', 'Not a Dexcom Clarity export: the header is missing', locate(ctx, `line ${line}`));
      const find = (re: RegExp): number => h.findIndex((x) => re.test(x));
      const glucose = find(/^Glucose Value/i);
      col = {
        time: find(/^Timestamp/i),
        type: find(/^Event Type$/i),
        sub: find(/^Event Subtype$/i),
        info: find(/^Patient Info$/i),
        device: find(/^Source Device ID$/i),
        glucose,
        mmol: /mmol/i.test(h[glucose] ?? ''),
        insulin: find(/^Insulin Value/i),
        carbs: find(/^Carb Value/i),
      };
      continue;
    }
    if (++n % 4096 === 0) {
      checkAbort(ctx.signal);
      await sink.drain();
    }
    const type = (f[col.type] ?? '').trim();
    const where = locate(ctx, `line ${line}`);
    if (type === 'DateOfBirth') {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((f[col.info] ?? '').trim());
      if (m) sink.profile.birthDate = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
      continue;
    }
    if (type === 'Carbs' || type === 'Insulin') {
      // Not canonical metrics: counted as ignored (docs/metrics.md) and kept, if plausible, for the
      // glucose forecaster: carbohydrate grams and rapid-acting ("Fast-Acting") insulin units.
      sink.ignore(`Dexcom ${type}`);
      const sub = (f[col.sub] ?? '').trim();
      const t = parseDateTime(f[col.time] ?? '');
      const amount = decimal(f[type === 'Carbs' ? col.carbs : col.insulin] ?? '');
      if (t && (type === 'Carbs' || sub === '' || /fast/i.test(sub))) {
        // Clarity writes wall-clock times: with NO_OFFSET the sink places t.ms in the source's zone.
        sink.addDose(type === 'Carbs' ? 'carbs' : 'insulin', t.ms, amount, t.offsetMin, () =>
          sink.source('Dexcom', (f[col!.device] ?? '').trim()),
        );
      }
      continue;
    }
    if (type !== 'EGV' && type !== 'Calibration') {
      if (type) sink.ignore(`Dexcom ${type}`);
      continue;
    }
    const t = readDateTimeField('timestamp', f[col.time]);
    if (typeof t === 'string') {
      sink.reject(where, t);
      continue;
    }
    const raw = (f[col.glucose] ?? '').trim();
    let value: number;
    let flags = 0;
    if (/^low$/i.test(raw)) {
      value = 40;
      flags = FLAG_CENSORED;
    } else if (/^high$/i.test(raw)) {
      value = 400;
      flags = FLAG_CENSORED;
    } else {
      const conv = toCanonical('cgm_glucose', decimal(raw), col.mmol ? 'mmol/L' : 'mg/dL');
      if (!conv.ok) {
        sink.reject(where, `glucose "${snippet(raw, 20)}" is not a number`);
        continue;
      }
      value = conv.value;
    }
    const src = sink.source('Dexcom', (f[col.device] ?? '').trim());
    const why = sink.add(type === 'EGV' ? 'cgm_glucose' : 'blood_glucose', t.ms, t.ms, value, t.offsetMin, src, flags);
    if (why) sink.reject(where, why);
  }
  if (!col) throw new ImportError('EMPTY_FILE', 'The Dexcom file is empty');
}
