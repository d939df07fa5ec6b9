/**
 * C-CDA (HL7 CDA R2, C-CDA R1.1/R2.1: CCD, referral notes, discharge summaries) as US patient portals
 * give it ("Download my record"), alone or inside an IHE XDM zip, and Apple Health's `export_cda.xml`.
 * Streamed: only one `<entry>` at a time is held (xml-elements.ts); a DOCTYPE is refused, so no
 * entity is ever expanded and no external entity fetched.
 *
 * Mapped directly, section by section (the choice and its measurements: docs/import-formats.md):
 * - Results (LOINC 30954-2) and Vital Signs (8716-3): observations by LOINC code onto the canonical
 *   metrics (models/metrics.ts `loinc`, as FHIR), PQ values with UCUM units converted
 *   (models/units.ts: `[lb_av]`, `[in_i]`, glucose mmol/L), a value or time with a `nullFlavor`
 *   rejected with its place;
 * - Problems (11450-4): active problem observations → condition flags (models/clinical-codes.ts by
 *   SNOMED CT / ICD-10 code, else by name, as FHIR Conditions);
 * - Medications (10160-0): active medication activities → medication flags (by drug name, as FHIR);
 * - the header's patient: birth date and administrative sex.
 * Negated entries (`negationInd="true"`: "no known problems") and planned ones (moodCode other than
 * EVN) set nothing. Sources: C-CDA R2.1 IG (HL7 CDAR2_IG_IHE_CONSOL_R2.1, 2015) templates
 * 2.16.840.1.113883.10.20.22.2.3.1 / .2.4.1 / .2.5.1 / .2.1.1; HL7 V3 data types (TS, PQ, CD).
 */
import { conditionFlag, medicationFlags, type Coding } from '../../../models/clinical-codes.ts';
import { METRICS, METRIC_IDS, type MetricId } from '../../../models/metrics.ts';
import { FLAG_FASTING } from '../../../models/samples.ts';
import { toCanonical } from '../../../models/units.ts';
import { decimal } from '../../../models/util/number.ts';
import { snippet } from '../../../models/util/text.ts';
import { endBeside, readDateTimeField, type ParsedDateTime } from '../../../models/util/time.ts';
import type { ReadContext } from '../bytes.ts';
import { ImportError } from '../errors.ts';
import type { ImportSink } from '../sink.ts';
import { readElements, type XmlElement } from '../xml-elements.ts';
import { attr } from '../xml-text.ts';
import { deviceModel } from './apple-health-xml.ts';

export const CDA_NAMESPACE = 'urn:hl7-org:v3';

const OID = {
  loinc: '2.16.840.1.113883.6.1',
  snomed: '2.16.840.1.113883.6.96',
  icd10cm: '2.16.840.1.113883.6.90',
  icd10: '2.16.840.1.113883.6.3',
  rxnorm: '2.16.840.1.113883.6.88',
} as const;
/** Code systems by OID, named as FHIR names them, so models/clinical-codes.ts reads both. */
const SYSTEM_URI: Record<string, string> = {
  [OID.loinc]: 'http://loinc.org',
  [OID.snomed]: 'http://snomed.info/sct',
  [OID.icd10cm]: 'http://hl7.org/fhir/sid/icd-10-cm',
  [OID.icd10]: 'http://hl7.org/fhir/sid/icd-10',
  [OID.rxnorm]: 'http://www.nlm.nih.gov/research/umls/rxnorm',
};

type SectionKind = 'results' | 'vitals' | 'problems' | 'medications';
/** Sections by LOINC code and by template (R1.1 and R2.1 roots; the "entries required" variant ends .1). */
const SECTION_BY_CODE: Record<string, SectionKind> = {
  '30954-2': 'results',
  '8716-3': 'vitals',
  '11450-4': 'problems',
  '10160-0': 'medications',
};
const SECTION_BY_TEMPLATE: Record<string, SectionKind> = {
  '2.16.840.1.113883.10.20.22.2.3': 'results',
  '2.16.840.1.113883.10.20.22.2.3.1': 'results',
  '2.16.840.1.113883.10.20.22.2.4': 'vitals',
  '2.16.840.1.113883.10.20.22.2.4.1': 'vitals',
  '2.16.840.1.113883.10.20.22.2.5': 'problems',
  '2.16.840.1.113883.10.20.22.2.5.1': 'problems',
  '2.16.840.1.113883.10.20.22.2.1': 'medications',
  '2.16.840.1.113883.10.20.22.2.1.1': 'medications',
};
/** Problem Status values that say a problem is over (SNOMED CT: inactive, resolved). */
const PROBLEM_OVER = new Set(['73425007', '413322009']);
const BY_LOINC = new Map<string, MetricId>(METRIC_IDS.flatMap((m) => METRICS[m].loinc.map((code) => [code, m] as const)));
const FASTING_GLUCOSE_LOINC = '1558-6';
const DROPPED_STATUS = new Set(['cancelled', 'aborted', 'nullified', 'obsolete']);

export interface CdaContext extends ReadContext {
  entryName?: string;
  /**
   * Apple Health's `export_cda.xml` read beside its `export.xml` (formats/zip.ts): the sources
   * (`name|model`) export.xml named. A reading of one of them is already in export.xml, which holds
   * every sample of every source it names: it is counted, not added.
   */
  appleSources?: ReadonlySet<string>;
}

const child = (el: XmlElement | undefined, name: string): XmlElement | undefined => el?.children.find((c) => c.name === name);
const children = (el: XmlElement | undefined, name: string): XmlElement[] => el?.children.filter((c) => c.name === name) ?? [];
const a = (el: XmlElement | undefined, name: string): string | undefined => (el ? attr(el.tag, name) : undefined);
/** Every element named `name` under `el` (depth first, `el` included). */
function* descendants(el: XmlElement, name: string): Generator<XmlElement> {
  if (el.name === name) yield el;
  for (const c of el.children) yield* descendants(c, name);
}
/** All the text under an element, XML whitespace runs as one space (a no-break space stays: Apple's source names hold them). */
const allText = (el: XmlElement | undefined): string =>
  el
    ? [el.text, ...el.children.map(allText)]
        .join(' ')
        .replace(/[ \t\r\n]+/g, ' ')
        .replace(/^ | $/g, '')
    : '';

/** A CD/CE element and its translations as codings (system as FHIR names it). */
function codings(el: XmlElement | undefined): Coding[] {
  if (!el) return [];
  const out: Coding[] = [];
  for (const c of [el, ...children(el, 'translation')]) {
    const code = a(c, 'code');
    const sys = a(c, 'codeSystem') ?? '';
    if (code || a(c, 'displayName')) out.push({ system: SYSTEM_URI[sys] ?? sys, code, display: a(c, 'displayName') });
  }
  return out;
}

/**
 * An HL7 V3 TS (`YYYYMMDDHHMMSS.UUUU±ZZZZ`, any precision) as ISO 8601 for models/util/time.ts, or
 * undefined when it is not one. Precision below the day stays so (the reader says "has no day").
 */
export function hl7Time(ts: string): string | undefined {
  const m = /^(\d{4})(\d{2})?(\d{2})?(?:(\d{2})(\d{2})?(\d{2})?(\.\d{1,4})?)?([+-]\d{4})?$/.exec(ts.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, off] = m;
  if (!mo || !d) return mo ? `${y}-${mo}` : y;
  if (!h) return `${y}-${mo}-${d}`;
  const zone = off ? `${off.slice(0, 3)}:${off.slice(3)}` : '';
  return `${y}-${mo}-${d}T${h}:${mi ?? '00'}:${s ?? '00'}${frac ?? ''}${zone}`;
}

type When = { startMs: number; endMs: number; offsetMin: number };

/** The time of an act: `effectiveTime@value`, else its `low` (with its `high` as the end). */
function effective(el: XmlElement | undefined): When | string | undefined {
  if (!el) return undefined;
  const flavor = a(el, 'nullFlavor');
  const value = a(el, 'value');
  const low = child(el, 'low');
  const text = value ?? a(low, 'value');
  if (text === undefined) {
    const nf = flavor ?? a(low, 'nullFlavor');
    return nf ? `effectiveTime is nullFlavor ${snippet(nf, 12)} (no time)` : undefined;
  }
  const start = time('effectiveTime', text);
  if (typeof start === 'string') return start;
  const highText = value === undefined ? a(child(el, 'high'), 'value') : undefined;
  const end = highText === undefined ? undefined : time('effectiveTime/high', highText);
  if (typeof end === 'string') return end;
  return { startMs: start.ms, endMs: end ? endBeside(start, end) : start.ms, offsetMin: start.offsetMin };
}

function time(field: string, ts: string): ParsedDateTime | string {
  const iso = hl7Time(ts);
  if (iso === undefined) return `${field} "${snippet(ts, 32)}" is not an HL7 date-time`;
  if (!iso.includes('-') || iso.length < 10) return `${field} "${snippet(ts, 32)}" has no day`;
  return readDateTimeField(field, iso);
}

export async function parseCcdaXml(bytes: AsyncIterable<Uint8Array>, sink: ImportSink, ctx: CdaContext = {}): Promise<void> {
  let custodian = '';
  let source: number | undefined;
  const sourceOf = (): number => (source ??= sink.source('C-CDA record', custodian));
  /** The section open now (its kind from its code or template, read before its entries). */
  const sections: { kind?: SectionKind; title: string }[] = [];
  let sawBody = false;

  const res = await readElements(
    bytes,
    {
      start(name, tag, path, where) {
        const parent = path[path.length - 1];
        if (path.length === 0) {
          if (name !== 'ClinicalDocument')
            throw new ImportError(
              'MALFORMED',
              `Not a C-CDA document: the root element is <${snippet(name)}>, not <ClinicalDocument>`,
              where(),
            );
          const ns = /\sxmlns(?::[\w.-]+)?\s*=\s*["']urn:hl7-org:v3["']/.test(tag);
          if (!ns)
            throw new ImportError(
              'MALFORMED',
              `Not a C-CDA document: <ClinicalDocument> is not in the namespace ${CDA_NAMESPACE}`,
              where(),
            );
        }
        if (name === 'section') sections.push({ title: '' });
        else if (name === 'structuredBody') sawBody = true;
        else if (parent === 'section' && sections.length) {
          const s = sections[sections.length - 1]!;
          if (name === 'templateId') s.kind ??= SECTION_BY_TEMPLATE[attr(tag, 'root') ?? ''];
          else if (name === 'code') s.kind ??= SECTION_BY_CODE[attr(tag, 'code') ?? ''];
        }
      },
      keep(name, path) {
        const parent = path[path.length - 1];
        if (name === 'entry' && parent === 'section') {
          // An entry of a section Doppel does not read is counted and skipped, never held.
          const s = sections[sections.length - 1];
          if (!s?.kind) sink.ignore(`C-CDA section ${s?.title ? snippet(s.title, 60) : '(untitled)'}`);
          return !!s?.kind;
        }
        return (
          (name === 'patient' && parent === 'patientRole') ||
          (name === 'title' && parent === 'section') ||
          (name === 'name' && parent === 'representedCustodianOrganization')
        );
      },
      element(el, path) {
        if (el.name === 'patient') return patient(el, sink);
        if (el.name === 'name') {
          if (path.includes('custodian')) custodian = allText(el);
          return;
        }
        const s = sections[sections.length - 1];
        if (el.name === 'title') {
          if (s) s.title = allText(el);
          return;
        }
        if (!s?.kind) return;
        if (s.kind === 'results' || s.kind === 'vitals') readings(el, sink, sourceOf, ctx);
        else if (s.kind === 'problems') problem(el, sink);
        else medication(el, sink);
      },
      end(name) {
        if (name === 'section') sections.pop();
      },
      tooLarge(where, name) {
        sink.reject(where, `<${name}> holds more than the limit for one C-CDA entry: skipped`);
      },
      drain: () => sink.drain(),
    },
    {
      signal: ctx.signal,
      entryName: ctx.entryName,
      refuseDoctype:
        'This C-CDA declares a DOCTYPE (entity definitions or an external DTD): refused. A C-CDA has none, and Doppel never expands entities or fetches anything a file names',
    },
  );
  if (res.root !== 'ClinicalDocument') throw new ImportError('MALFORMED', 'Not a C-CDA document: no <ClinicalDocument>');
  if (!sawBody) sink.ignore('C-CDA without structured body (a scanned or text-only document)');
}

/** Birth date (`birthTime`, to the day) and administrative sex (F/M) from the header's patient. */
function patient(el: XmlElement, sink: ImportSink): void {
  const birth = hl7Time(a(child(el, 'birthTime'), 'value') ?? '');
  if (birth && /^\d{4}-\d{2}-\d{2}/.test(birth)) sink.profile.birthDate = birth.slice(0, 10);
  const sex = a(child(el, 'administrativeGenderCode'), 'code');
  if (sex === 'F') sink.profile.sex = 'female';
  else if (sex === 'M') sink.profile.sex = 'male';
}

const negated = (el: XmlElement | undefined): boolean => a(el, 'negationInd') === 'true';

/**
 * The observations of a Results or Vital Signs entry (an organizer's components, or one
 * observation): each with a LOINC code of a canonical metric and a PQ value becomes a reading at its
 * own time, else the organizer's.
 */
function readings(entry: XmlElement, sink: ImportSink, sourceOf: () => number, ctx: CdaContext): void {
  const organizer = child(entry, 'organizer');
  const around = organizer ? effective(child(organizer, 'effectiveTime')) : undefined;
  const observations = organizer
    ? children(organizer, 'component').flatMap((c) => children(c, 'observation'))
    : children(entry, 'observation');
  if (!observations.length) sink.ignore('C-CDA result entry without observation');
  for (const o of observations) observation(o, around, sink, sourceOf, ctx);
}

function observation(o: XmlElement, around: When | string | undefined, sink: ImportSink, sourceOf: () => number, ctx: CdaContext): void {
  const code = child(o, 'code');
  const coded = codings(code);
  const loinc = coded.filter((c) => !c.system || c.system === SYSTEM_URI[OID.loinc]).map((c) => c.code ?? '');
  const metric = loinc.map((c) => BY_LOINC.get(c)).find(Boolean);
  const label = `${loinc[0] ?? a(code, 'code') ?? ''} ${coded[0]?.display ?? ''}`.trim();
  if (!metric) {
    sink.ignore(`C-CDA observation ${label || '(no code)'}`);
    return;
  }
  const mood = a(o, 'moodCode');
  if (negated(o) || (mood && mood !== 'EVN')) {
    sink.ignore(`C-CDA observation ${label} (${negated(o) ? 'negated' : `mood ${snippet(mood ?? '', 8)}`})`);
    return;
  }
  const status = a(child(o, 'statusCode'), 'code');
  if (status && DROPPED_STATUS.has(status)) {
    sink.ignore(`C-CDA observation ${label} (${status})`);
    return;
  }
  const where = o.where;
  const own = effective(child(o, 'effectiveTime'));
  const t = own ?? around;
  if (typeof t === 'string' || t === undefined) {
    sink.reject(where, `${metric}: ${t ?? 'no effectiveTime'}`);
    return;
  }
  const v = child(o, 'value');
  const flavor = a(v, 'nullFlavor') ?? (v ? undefined : a(o, 'nullFlavor'));
  if (flavor) {
    sink.reject(where, `${metric}: value is nullFlavor ${snippet(flavor, 12)} (no value)`);
    return;
  }
  const type = a(v, 'xsi:type') ?? '';
  if (v && type && !/(^|:)(PQ|REAL|INT)$/.test(type)) {
    // A range (IVL_PQ, "<5"), a text (ST) or a code (CD) is no single measurement.
    sink.reject(where, `${metric}: a value of type ${snippet(type, 16)} is not a single quantity`);
    return;
  }
  const raw = a(v, 'value');
  if (!v || raw === undefined) {
    sink.reject(where, `${metric}: no value`);
    return;
  }
  const value = decimal(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) {
    sink.reject(where, `${metric}: value "${snippet(raw)}" is not a number`);
    return;
  }
  // PQ's unit defaults to "1" (HL7 V3 data types); absent, the metric's own unit is assumed, as FHIR.
  const unit = a(v, 'unit');
  const conv = toCanonical(metric, value, unit === undefined || unit === '1' ? METRICS[metric].unit : unit);
  if (!conv.ok) {
    sink.reject(where, conv.reason);
    return;
  }
  let src: number;
  const apple = appleSource(o);
  if (ctx.appleSources) {
    // export_cda.xml beside export.xml: only readings of sources export.xml did not name are new.
    const key = apple ? `${apple.name}|${apple.model}` : '';
    if (!apple || ctx.appleSources.has(key)) {
      sink.ignore('export_cda.xml readings already in export.xml');
      return;
    }
  }
  if (apple) src = sink.source(apple.name, apple.model);
  else src = sourceOf();
  const why = sink.add(metric, t.startMs, t.endMs, conv.value, t.offsetMin, src, loinc.includes(FASTING_GLUCOSE_LOINC) ? FLAG_FASTING : 0);
  if (why) sink.reject(where, why);
}

/** Apple's `export_cda.xml` names each observation's source in its text: `<sourceName>`, `<device>`. */
function appleSource(o: XmlElement): { name: string; model: string } | undefined {
  const text = child(o, 'text');
  const name = child(text, 'sourceName');
  if (!name) return undefined;
  return { name: allText(name) || 'Unknown source', model: deviceModel(allText(child(text, 'device'))) };
}

/**
 * A Problem Concern act: its problem observations, unless negated ("no known problems"), the concern
 * is closed (statusCode completed/aborted/suspended) or the problem is over (an effectiveTime high,
 * or a Problem Status of inactive or resolved).
 */
function problem(entry: XmlElement, sink: ImportSink): void {
  const act = child(entry, 'act');
  const observations = act ? children(act, 'entryRelationship').flatMap((r) => children(r, 'observation')) : children(entry, 'observation');
  const concern = a(child(act, 'statusCode'), 'code');
  if (!observations.length) sink.ignore('C-CDA problem entry without observation');
  for (const o of observations) {
    if (negated(o)) {
      sink.ignore('C-CDA problem (negated: none known)');
      continue;
    }
    const high = child(child(o, 'effectiveTime'), 'high');
    const status = [...descendants(o, 'observation')]
      .filter((s) => s !== o && children(s, 'templateId').some((t) => a(t, 'root') === '2.16.840.1.113883.10.20.22.4.6'))
      .map((s) => a(child(s, 'value'), 'code') ?? '');
    const over =
      (concern && ['completed', 'aborted', 'suspended'].includes(concern)) ||
      a(high, 'value') !== undefined ||
      status.some((c) => PROBLEM_OVER.has(c));
    if (over) {
      sink.ignore('C-CDA problem (not active)');
      continue;
    }
    const value = child(o, 'value');
    const flag = conditionFlag(codings(value), allText(child(value, 'originalText')));
    if (flag) addTo(sink, 'conditions', flag);
    else sink.ignore('C-CDA problem (other)');
  }
}

/**
 * A Medication Activity: its drug's names (code, translations, original text, material name) →
 * medication flags, when it is taken now (statusCode active, or none) and not negated.
 */
function medication(entry: XmlElement, sink: ImportSink): void {
  const sa = child(entry, 'substanceAdministration');
  if (!sa) {
    sink.ignore('C-CDA medication entry without substanceAdministration');
    return;
  }
  if (negated(sa)) {
    sink.ignore('C-CDA medication (negated: none known)');
    return;
  }
  const status = a(child(sa, 'statusCode'), 'code');
  if (status && status !== 'active') {
    sink.ignore(`C-CDA medication (${snippet(status, 16)})`);
    return;
  }
  const material = child(child(child(sa, 'consumable'), 'manufacturedProduct'), 'manufacturedMaterial');
  const code = child(material, 'code');
  const names = [...codings(code).map((c) => c.display ?? ''), allText(child(code, 'originalText')), allText(child(material, 'name'))];
  const flags = medicationFlags(names.filter(Boolean).join(' '));
  flags.forEach((f) => addTo(sink, 'medications', f));
  if (!flags.length) sink.ignore('C-CDA medication (other)');
}

function addTo(sink: ImportSink, key: 'conditions' | 'medications', flag: string): void {
  const list = (sink.profile[key] ??= []);
  if (!list.includes(flag)) list.push(flag);
}
