/**
 * Apple Health `export.xml` (HealthKit export versions 3 to 14), streamed: a scanner over decoded
 * text that never holds the whole file, never parses the DTD (Apple's internal DTD is skipped,
 * including its malformed variants) and never expands entities.
 */
import { METRICS, METRIC_IDS, type MetricId } from '../../../models/metrics.ts';
import { toCanonical } from '../../../models/units.ts';
import { snippet } from '../../../models/util/text.ts';
import { endBeside, readDateTimeField } from '../../../models/util/time.ts';
import { checkAbort, locate, textChunks, type ReadContext } from '../bytes.ts';
import { ImportError } from '../errors.ts';
import type { ImportSink } from '../sink.ts';
import { attr, rawAttr, skipDeclaration, tagEnd, tagName } from '../xml-text.ts';
import { decimal } from '../../../models/util/number.ts';

const BY_APPLE_TYPE = new Map<string, MetricId>(METRIC_IDS.filter((m) => METRICS[m].appleType).map((m) => [METRICS[m].appleType!, m]));
const SLEEP_TYPE = 'HKCategoryTypeIdentifierSleepAnalysis';
const ASLEEP = new Set([
  'HKCategoryValueSleepAnalysisAsleep',
  'HKCategoryValueSleepAnalysisAsleepCore',
  'HKCategoryValueSleepAnalysisAsleepDeep',
  'HKCategoryValueSleepAnalysisAsleepREM',
  'HKCategoryValueSleepAnalysisAsleepUnspecified',
]);
/** Elements whose own content we skip, counted under `ignored` by name. */
const IGNORED_ELEMENTS = ['Workout', 'ActivitySummary', 'ClinicalRecord', 'Audiogram', 'VisionPrescription'];

/** Device model from Apple's `device` attribute: `<<HKDevice: 0x…>, name:Apple Watch, …, model:Watch, …>`. */
export function deviceModel(device: string | undefined): string {
  if (!device) return '';
  const m = /model:([^,>]*)/.exec(device);
  return m ? m[1]!.trim() : '';
}

interface Ctx extends ReadContext {
  /** Name of the file inside a zip, for locations. */
  entryName?: string;
}

export async function parseAppleHealthXml(bytes: AsyncIterable<Uint8Array>, sink: ImportSink, ctx: Ctx = {}): Promise<void> {
  let buf = '';
  let pos = 0;
  let line = 1;
  let lineCountedTo = 0;
  let sawRoot = false;
  let sawEnd = false;
  const where = (index: number): string => {
    for (let nl = buf.indexOf('\n', lineCountedTo); nl >= 0 && nl < index; nl = buf.indexOf('\n', nl + 1)) line++;
    lineCountedTo = index;
    return locate(ctx, `line ${line}`);
  };
  // Exports repeat a handful of sources millions of times: decode each raw (name, device) pair once.
  const sources = new Map<string, number>();
  const sourceOf = (tag: string): number => {
    const rawName = rawAttr(tag, 'sourceName') ?? '';
    const rawDevice = rawAttr(tag, 'device') ?? '';
    const key = `${rawName}\u0000${rawDevice}`;
    let id = sources.get(key);
    if (id === undefined) {
      id = sink.source(attr(tag, 'sourceName') ?? 'Unknown source', deviceModel(attr(tag, 'device')));
      sources.set(key, id);
    }
    return id;
  };

  const record = (tag: string, at: number): void => {
    const type = rawAttr(tag, 'type');
    if (!type) {
      sink.reject(where(at), 'Record without a type');
      return;
    }
    if (type === SLEEP_TYPE) return sleep(tag, at);
    const metric = BY_APPLE_TYPE.get(type);
    if (!metric) {
      sink.ignore(type);
      return;
    }
    const s = readDateTimeField('startDate', rawAttr(tag, 'startDate'));
    const rawEnd = rawAttr(tag, 'endDate');
    const e = rawEnd === undefined ? s : readDateTimeField('endDate', rawEnd);
    if (typeof s === 'string' || typeof e === 'string') {
      sink.reject(where(at), `${metric}: ${typeof s === 'string' ? s : e}`);
      return;
    }
    const raw = rawAttr(tag, 'value');
    const value = raw === undefined ? NaN : decimal(raw);
    if (raw === undefined || raw === '' || !Number.isFinite(value)) {
      sink.reject(where(at), `${metric}: value "${snippet(raw ?? '')}" is not a number`);
      return;
    }
    const conv = toCanonical(metric, value, attr(tag, 'unit') ?? METRICS[metric].unit, { fractionPercent: true });
    if (!conv.ok) {
      sink.reject(where(at), conv.reason);
      return;
    }
    // The record's own end, also for an instant metric: the sink rejects an end before the start.
    const startMs = s.ms, // without an offset a wall-clock time, which the sink places
      endMs = endBeside(s, e);
    const why = sink.add(metric, startMs, endMs, conv.value, s.offsetMin, sourceOf(tag));
    if (why) sink.reject(where(at), why);
  };

  const sleep = (tag: string, at: number): void => {
    const v = rawAttr(tag, 'value') ?? '';
    if (!ASLEEP.has(v)) {
      sink.ignore(v || SLEEP_TYPE);
      return;
    }
    const s = readDateTimeField('startDate', rawAttr(tag, 'startDate'));
    const e = readDateTimeField('endDate', rawAttr(tag, 'endDate'));
    if (typeof s === 'string' || typeof e === 'string') {
      sink.reject(where(at), `sleep: ${typeof s === 'string' ? s : e}`);
      return;
    }
    const startMs = s.ms,
      endMs = endBeside(s, e);
    const why = sink.add('sleep', startMs, endMs, (endMs - startMs) / 60_000, s.offsetMin, sourceOf(tag));
    if (why) sink.reject(where(at), why);
  };

  const me = (tag: string): void => {
    const dob = attr(tag, 'HKCharacteristicTypeIdentifierDateOfBirth');
    if (dob && /^\d{4}-\d{2}-\d{2}$/.test(dob)) sink.profile.birthDate = dob;
    const sex = attr(tag, 'HKCharacteristicTypeIdentifierBiologicalSex');
    if (sex === 'HKBiologicalSexFemale') sink.profile.sex = 'female';
    else if (sex === 'HKBiologicalSexMale') sink.profile.sex = 'male';
  };

  for await (const text of textChunks(bytes)) {
    checkAbort(ctx.signal);
    // keep the unprocessed tail, count its lines from the start again
    for (let nl = buf.indexOf('\n', lineCountedTo); nl >= 0 && nl < pos; nl = buf.indexOf('\n', nl + 1)) line++;
    buf = buf.slice(pos) + text;
    pos = 0;
    lineCountedTo = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0 || lt + 1 >= buf.length) {
        pos = lt < 0 ? buf.length : lt;
        break;
      }
      const c = buf.charCodeAt(lt + 1);
      if (c === 33 /* ! */) {
        const end = skipDeclaration(buf, lt);
        if (end < 0) {
          pos = lt;
          break;
        }
        pos = end;
        continue;
      }
      if (c === 63 /* ? */) {
        const end = buf.indexOf('?>', lt);
        if (end < 0) {
          pos = lt;
          break;
        }
        pos = end + 2;
        continue;
      }
      const end = tagEnd(buf, lt);
      if (end < 0) {
        pos = lt;
        break;
      }
      const tag = buf.slice(lt, end);
      pos = end;
      if (c === 47 /* / */) {
        if (tag.startsWith('</HealthData')) sawEnd = true;
        continue;
      }
      const name = tagName(tag);
      if (name === 'Record') record(tag, lt);
      else if (name === 'HealthData') sawRoot = true;
      else if (name === 'Me') me(tag);
      // A Correlation's Records also appear at top level (Apple's DTD note). Both are read: they are
      // the same samples, so the store merges them into one reading (counted as duplicates).
      else if (IGNORED_ELEMENTS.includes(name)) {
        sink.ignore(name === 'Workout' ? (attr(tag, 'workoutActivityType') ?? 'Workout') : name);
      }
      if (!sawRoot && name !== 'HealthData' && name !== '') {
        throw new ImportError(
          'MALFORMED',
          `Not an Apple Health export: the first element is <${snippet(name)}>, not <HealthData>`,
          where(lt),
        );
      }
    }
    if (buf.length - pos > 16 * 1024 * 1024) {
      throw new ImportError('MALFORMED', 'A single XML tag is longer than 16 MB (a quote that is never closed?)', where(pos));
    }
    await sink.drain();
  }
  if (!sawRoot) throw new ImportError('MALFORMED', 'Not an Apple Health export: no <HealthData> element');
  if (pos < buf.length && buf[pos] === '<' && !sawEnd) {
    throw new ImportError('TRUNCATED', 'An XML tag here never ends: the file is cut off, or a quote in it is not closed', where(pos));
  }
  if (!sawEnd)
    throw new ImportError(
      'TRUNCATED',
      'The export ends before </HealthData>: the file is incomplete (an interrupted download or copy?)',
      where(buf.length),
    );
}
