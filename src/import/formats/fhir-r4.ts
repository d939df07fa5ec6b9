/**
 * FHIR R4 from patient portals: Bundles of any type (read entry by entry; `resourceType` may come
 * last), single resources, and NDJSON bulk exports. Observations with UCUM units (blood-pressure
 * panels 85354-9 and 55284-4 by component, Epic-style dual coding), Patient (birth date, sex),
 * Conditions and medications (MedicationStatement, MedicationRequest) as profile flags, Blue
 * Button/CARIN pharmacy claims as medications for the person to confirm (an indirect source).
 * Entered-in-error and cancelled records are skipped.
 */
import { snippet } from '../../../models/util/text.ts';
import { conditionFlag, medicationFlags, type Coding } from '../../../models/clinical-codes.ts';
import { METRICS, METRIC_IDS, type MetricId } from '../../../models/metrics.ts';
import { FLAG_CENSORED, FLAG_FASTING } from '../../../models/samples.ts';
import { toCanonical } from '../../../models/units.ts';
import { endBeside, readDateTimeField } from '../../../models/util/time.ts';
import { checkAbort, lines, locate, MAX_LINE, textChunks, type ReadContext } from '../bytes.ts';
import { ImportError } from '../errors.ts';
import { jsonElements, type JsonRoot } from '../json-stream.ts';
import type { ImportSink } from '../sink.ts';

const BY_LOINC = new Map<string, MetricId>(METRIC_IDS.flatMap((m) => METRICS[m].loinc.map((code) => [code, m] as const)));
const BP_PANELS = new Set(['85354-9', '55284-4']);
const FASTING_GLUCOSE_LOINC = '1558-6';
const SKIP_STATUS = new Set(['entered-in-error', 'cancelled']);

type Json = Record<string, unknown>;
const obj = (x: unknown): Json | undefined => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Json) : undefined);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const codings = (concept: unknown): Coding[] => arr(obj(concept)?.coding).map((c) => obj(c) ?? {}) as Coding[];
const loincCodes = (concept: unknown): string[] =>
  codings(concept)
    .filter((c) => !c.system || c.system.includes('loinc'))
    .map((c) => String(c.code ?? ''));

interface Ctx extends ReadContext {
  entryName?: string;
}

export async function parseFhirR4(bytes: AsyncIterable<Uint8Array>, sink: ImportSink, ctx: Ctx = {}): Promise<void> {
  // NDJSON or one JSON document? Read up to the end of the first line (bounded): NDJSON's first line
  // is a complete resource by itself, a pretty-printed or one-line bundle's is not (or is all there is).
  const text = textChunks(bytes);
  const it = text[Symbol.asyncIterator]();
  const head: string[] = [];
  let headLen = 0;
  let firstLineEnd = -1;
  let ended = false;
  while (firstLineEnd < 0 && headLen < 64 * 2 ** 20) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    const nl = r.value.indexOf('\n');
    if (nl >= 0) firstLineEnd = headLen + nl;
    head.push(r.value);
    headLen += r.value.length;
  }
  if (!headLen) throw new ImportError('EMPTY_FILE', 'The FHIR file is empty');
  const joined = head.join('');
  const rest = firstLineEnd >= 0 ? joined.slice(firstLineEnd + 1).trimStart() : '';
  let ndjson = false;
  if (firstLineEnd >= 0 && rest.startsWith('{')) {
    try {
      ndjson = typeof JSON.parse(joined.slice(0, firstLineEnd)) === 'object';
    } catch {
      ndjson = false;
    }
  }
  async function* all(): AsyncGenerator<string> {
    yield joined;
    if (ended) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  const source = sink.source('FHIR record');
  let n = 0;
  const handle = async (resource: unknown, where: string): Promise<void> => {
    if (++n % 1024 === 0) {
      checkAbort(ctx.signal);
      await sink.drain();
    }
    readResource(resource, sink, source, locate(ctx, where));
  };
  if (ndjson) {
    for await (const [line, no] of lines(all(), MAX_LINE, ctx)) {
      if (!line.trim()) continue;
      let r: unknown;
      try {
        r = JSON.parse(line);
      } catch (e) {
        sink.reject(locate(ctx, `line ${no}`), `invalid JSON: ${(e as Error).message}`);
        continue;
      }
      await handle(r, `line ${no}`);
    }
    return;
  }
  const root: JsonRoot = { kind: 'object', fields: {}, count: 0 };
  for await (const e of jsonElements(all(), root, ['entry'])) {
    // Bundle entries wrap the resource; a root array or single resource is the resource itself.
    const resource = obj(e)?.resource ?? e;
    await handle(resource, `entry ${root.count}`);
  }
  if (root.kind === 'object' && root.fields.resourceType !== undefined && root.fields.resourceType !== 'Bundle' && root.count === 0) {
    throw new ImportError('NO_DATA', `A FHIR ${snippet(String(root.fields.resourceType))} with nothing Doppel reads`);
  }
}

function readResource(r: unknown, sink: ImportSink, source: number, where: string, depth = 0): void {
  const res = obj(r);
  const type = str(res?.resourceType);
  if (!res || !type) {
    sink.reject(where, 'not a FHIR resource (no resourceType)');
    return;
  }
  const status = str(res.status);
  if (status && SKIP_STATUS.has(status)) {
    sink.ignore(`${type} (${status})`);
    return;
  }
  switch (type) {
    case 'Bundle':
      // A bundle without entries has nothing to read; a bundle nested in another is read through,
      // up to a sane depth (real servers nest one level at most).
      if (depth >= 4) {
        sink.reject(where, 'Bundle nested more than 4 levels deep');
        return;
      }
      arr(res.entry).forEach((e, i) => readResource(obj(e)?.resource, sink, source, `${where} entry ${i + 1}`, depth + 1));
      return;
    case 'Observation':
      return observation(res, sink, source, where);
    case 'Patient': {
      const birth = str(res.birthDate);
      if (birth && /^\d{4}-\d{2}-\d{2}$/.test(birth)) sink.profile.birthDate = birth;
      const g = str(res.gender);
      if (g === 'female' || g === 'male') sink.profile.sex = g;
      return;
    }
    case 'Condition': {
      const clinical = codings(res.clinicalStatus)[0]?.code;
      const verification = codings(res.verificationStatus)[0]?.code;
      if (
        (clinical && !['active', 'recurrence', 'relapse'].includes(clinical)) ||
        verification === 'entered-in-error' ||
        verification === 'refuted'
      ) {
        sink.ignore('Condition (not active)');
        return;
      }
      const flag = conditionFlag(codings(res.code), str(obj(res.code)?.text));
      if (flag) addTo(sink, 'conditions', flag);
      else sink.ignore('Condition (other)');
      return;
    }
    case 'MedicationStatement':
    case 'MedicationRequest': {
      // Only current use sets a flag: a stopped, completed or never-taken medication does not.
      if (status && !['active', 'on-hold', 'intended'].includes(status)) {
        sink.ignore(`${type} (${status})`);
        return;
      }
      const concept = obj(res.medicationCodeableConcept);
      const name = [str(concept?.text), ...codings(concept).map((c) => c.display)].filter(Boolean).join(' ');
      const flags = medicationFlags(name);
      flags.forEach((f) => addTo(sink, 'medications', f));
      if (!flags.length) sink.ignore(`${type} (other)`);
      return;
    }
    case 'ExplanationOfBenefit': {
      // Blue Button / CARIN pharmacy claims: drug names in item.productOrService (NDC display). A
      // claim says a drug was paid for, not that the person takes it: the person confirms it first.
      const names = arr(res.item).flatMap((i) => codings(obj(i)?.productOrService).map((c) => c.display ?? ''));
      const flags = [...new Set(names.flatMap(medicationFlags))];
      flags.forEach((f) => sink.addIndirect('medications', f));
      sink.ignore(flags.length ? 'ExplanationOfBenefit (medication flags read)' : 'ExplanationOfBenefit');
      return;
    }
    default:
      sink.ignore(type);
  }
}

function addTo(sink: ImportSink, key: 'conditions' | 'medications', flag: string): void {
  const list = (sink.profile[key] ??= []);
  if (!list.includes(flag)) list.push(flag);
}

type When = { startMs: number; endMs: number; offsetMin: number };

/**
 * When an Observation was made: effectiveDateTime, effectiveInstant, effectivePeriod (start, and its
 * end when it has one) or else `issued`. A reason string when a date is there but unusable; undefined
 * when there is none.
 */
function effective(o: Json): When | string | undefined {
  const period = obj(o.effectivePeriod);
  const fields: [string, unknown][] = [
    ['effectiveDateTime', o.effectiveDateTime],
    ['effectiveInstant', o.effectiveInstant],
    ['effectivePeriod.start', period?.start],
    ['issued', o.issued],
  ];
  const found = fields.find(([, v]) => typeof v === 'string');
  if (!found) return undefined;
  const [field, when] = found as [string, string];
  const t = readDateTimeField(field, when);
  if (typeof t === 'string') return /^\d{4}(-\d{2})?$/.test(when.trim()) ? `${field} "${when.trim()}" has no day` : t;
  const startMs = t.ms; // without an offset a wall-clock time, which the sink places
  // The period's end belongs to its start only; the sink rejects an end before the start.
  const endText = field === 'effectivePeriod.start' ? str(period?.end) : undefined;
  if (endText === undefined) return { startMs, endMs: startMs, offsetMin: t.offsetMin };
  const e = readDateTimeField('effectivePeriod.end', endText);
  if (typeof e === 'string') return e;
  return { startMs, endMs: endBeside(t, e), offsetMin: t.offsetMin };
}

function observation(o: Json, sink: ImportSink, source: number, where: string): void {
  const codes = loincCodes(o.code);
  const t = effective(o);
  if (typeof t === 'string') {
    sink.reject(where, t);
    return;
  }
  if (codes.some((c) => BP_PANELS.has(c))) {
    for (const comp of arr(o.component)) {
      const cc = obj(comp);
      const metric = loincCodes(cc?.code)
        .map((c) => BY_LOINC.get(c))
        .find((m) => m === 'systolic_bp' || m === 'diastolic_bp');
      if (metric) quantity(metric, obj(cc?.valueQuantity), t, sink, source, where, 0);
    }
    return;
  }
  const metric = codes.map((c) => BY_LOINC.get(c)).find(Boolean);
  if (!metric) {
    sink.ignore(`Observation ${codes[0] ?? ''} ${str(obj(o.code)?.text) ?? codings(o.code)[0]?.display ?? ''}`.trim());
    return;
  }
  quantity(metric, obj(o.valueQuantity), t, sink, source, where, codes.includes(FASTING_GLUCOSE_LOINC) ? FLAG_FASTING : 0);
}

function quantity(
  metric: MetricId,
  q: Json | undefined,
  t: When | undefined,
  sink: ImportSink,
  source: number,
  where: string,
  flags: number,
): void {
  if (!t) {
    sink.reject(where, `${metric}: no effective date`);
    return;
  }
  const value = q?.value;
  if (typeof value !== 'number') {
    sink.reject(where, `${metric}: no numeric valueQuantity`);
    return;
  }
  const unit =
    (str(q?.system)?.includes('unitsofmeasure') ? str(q?.code) : undefined) ?? str(q?.unit) ?? str(q?.code) ?? METRICS[metric].unit;
  const conv = toCanonical(metric, value, unit);
  if (!conv.ok) {
    sink.reject(where, conv.reason);
    return;
  }
  // "<", ">", "<=", ">=": a bound (eGFR >60), not a measurement; kept at the bound, flagged censored.
  if (typeof q?.comparator === 'string') flags |= FLAG_CENSORED;
  const why = sink.add(metric, t.startMs, t.endMs, conv.value, t.offsetMin, source, flags);
  if (why) sink.reject(where, why);
}
