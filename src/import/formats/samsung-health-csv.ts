/**
 * Samsung Health data export (one CSV per data type). Line 1 is metadata naming the type
 * (`com.samsung.health.weight,6313004,5`); line 2 is the header, whose columns newer versions prefix
 * with the type (`com.samsung.health.weight.start_time`): prefixes are dropped. Times are UTC
 * (`2019-05-08 22:20:00.000`) with the local offset in `time_offset` (`UTC+0300`).
 * Read: weight, blood pressure (+ pulse), heart rate, daily step trend, sleep, blood glucose
 * (mmol/L), height. Built from public descriptions of the format (no licensed real file was found):
 * see docs/import-formats.md.
 */
import { NO_OFFSET } from '../../../models/samples.ts';
import { toCanonical } from '../../../models/units.ts';
import { MAX_OFFSET_MIN, parseDateTime, wallTime } from '../../../models/util/time.ts';
import { checkAbort, locate, textChunks, type ReadContext } from '../bytes.ts';
import { csvRecords } from '../csv.ts';
import { ImportError } from '../errors.ts';
import { INSTANT_NO_OFFSET, type ImportSink } from '../sink.ts';
import type { MetricId } from '../../../models/metrics.ts';
import { decimal } from '../../../models/util/number.ts';

export function isSamsungMeta(line: string): boolean {
  return /^\uFEFF?com\.samsung\.(s?health)\.[a-z_.]+,/.test(line);
}

/** `UTC+0300` / `UTC-0530` → minutes east of UTC; NO_OFFSET when absent; the reason when out of range. */
function offsetOf(s: string): number | string {
  const m = /^UTC([+-])(\d{2}):?(\d{2})$/.exec(s.trim());
  if (!m) return NO_OFFSET;
  const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return Number(m[3]) > 59 || Math.abs(offset) > MAX_OFFSET_MIN ? `time_offset "${s.trim()}" is beyond ±14:00` : offset;
}

type Reader = (
  get: (c: string) => string,
  at: (c: string) => { ms: number; offsetMin: number } | undefined,
) => [MetricId, number, number, number, number][] | string;

const READERS: Record<string, Reader> = {
  'com.samsung.health.weight': (get, at) => {
    const t = at('start_time');
    if (!t) return 'start_time is not a date';
    const out: [MetricId, number, number, number, number][] = [['body_weight', t.ms, t.ms, decimal(get('weight')), t.offsetMin]];
    if (get('height')) out.push(['height', t.ms, t.ms, decimal(get('height')), t.offsetMin]);
    if (get('body_fat')) out.push(['body_fat_percentage', t.ms, t.ms, decimal(get('body_fat')), t.offsetMin]);
    return out;
  },
  'com.samsung.health.blood_pressure': (get, at) => {
    const t = at('start_time');
    if (!t) return 'start_time is not a date';
    const out: [MetricId, number, number, number, number][] = [
      ['systolic_bp', t.ms, t.ms, decimal(get('systolic')), t.offsetMin],
      ['diastolic_bp', t.ms, t.ms, decimal(get('diastolic')), t.offsetMin],
    ];
    if (get('pulse')) out.push(['heart_rate', t.ms, t.ms, decimal(get('pulse')), t.offsetMin]);
    return out;
  },
  'com.samsung.shealth.tracker.heart_rate': (get, at) => {
    const t = at('start_time');
    return t ? [['heart_rate', t.ms, t.ms, decimal(get('heart_rate')), t.offsetMin]] : 'start_time is not a date';
  },
  'com.samsung.shealth.step_daily_trend': (get) => {
    // day_time: epoch ms of the day's start (UTC midnight of the local date); source_type -2 is
    // Samsung's own merge of all devices, the only row per day that is not a partial count.
    if (get('source_type') && get('source_type') !== '-2') return [];
    const day = decimal(get('day_time'));
    if (!Number.isFinite(day)) return 'day_time is not a number';
    const d = new Date(day);
    // A year before 1900 ("0099") must not become 1999 through Date's two-digit years.
    const bad = wallTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    if (typeof bad === 'string') return `day_time: ${bad}`;
    // The local day as wall-clock times: the sink places them (NO_OFFSET).
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
    return [['steps', start, end, decimal(get('count')), NO_OFFSET]];
  },
  'com.samsung.shealth.sleep': (get, at) => {
    const a = at('start_time'),
      b = at('end_time');
    if (!a || !b) return 'start_time/end_time is not a date';
    return [['sleep', a.ms, b.ms, (b.ms - a.ms) / 60_000, a.offsetMin]];
  },
  'com.samsung.health.blood_glucose': (get, at) => {
    const t = at('start_time');
    if (!t) return 'start_time is not a date';
    const conv = toCanonical('blood_glucose', decimal(get('glucose')), 'mmol/L');
    return conv.ok ? [['blood_glucose', t.ms, t.ms, conv.value, t.offsetMin]] : conv.reason;
  },
  'com.samsung.health.height': (get, at) => {
    const t = at('start_time');
    return t ? [['height', t.ms, t.ms, decimal(get('height')), t.offsetMin]] : 'start_time is not a date';
  },
};

export async function parseSamsungHealthCsv(
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext & { entryName?: string } = {},
): Promise<void> {
  let type: string | undefined;
  let reader: Reader | undefined;
  let index: Map<string, number> | undefined;
  const src = sink.source('Samsung Health');
  let n = 0;
  for await (const [f, line] of csvRecords(textChunks(bytes))) {
    if (type === undefined) {
      type = (f[0] ?? '').replace(/^\uFEFF/, '').trim();
      if (!isSamsungMeta(`${type},`))
        throw new ImportError('MALFORMED', 'Not a Samsung Health export: line 1 must name the data type', locate(ctx, 'line 1'));
      reader = READERS[type];
      if (!reader) {
        sink.ignore(`Samsung Health ${type}`);
        return;
      }
      continue;
    }
    if (!index) {
      // drop type prefixes; some files start with an unnamed column, which shifts nothing here
      index = new Map(f.map((h, i) => [h.trim().replace(/^com\.samsung\.[a-z_.]+\.(?=[a-z_]+$)/, ''), i]));
      continue;
    }
    if (f.every((x) => x.trim() === '')) continue;
    if (++n % 4096 === 0) {
      checkAbort(ctx.signal);
      await sink.drain();
    }
    const get = (c: string): string => {
      const i = index!.get(c);
      return i === undefined ? '' : (f[i] ?? '').trim();
    };
    const where = locate(ctx, `line ${line}`);
    const offset = offsetOf(get('time_offset'));
    if (typeof offset === 'string') {
      sink.reject(where, offset);
      continue;
    }
    const at = (c: string): { ms: number; offsetMin: number } | undefined => {
      const t = parseDateTime(get(c));
      // Samsung writes UTC: an instant, whose offset may be unknown.
      return t ? { ms: t.wallMs, offsetMin: offset === NO_OFFSET ? INSTANT_NO_OFFSET : offset } : undefined;
    };
    const out = reader!(get, at);
    if (typeof out === 'string') {
      sink.reject(where, out);
      continue;
    }
    for (const [metric, s, e, v, off] of out) {
      if (!Number.isFinite(v)) {
        sink.reject(where, `${metric}: value is not a number`);
        continue;
      }
      const why = sink.add(metric, s, e, v, off, src);
      if (why) sink.reject(where, why);
    }
  }
  if (type === undefined) throw new ImportError('EMPTY_FILE', 'The Samsung Health file is empty');
}
