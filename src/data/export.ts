/**
 * "Export everything": the workspace as one JSON document (Doppel's own format, complete and
 * documented) or as a FHIR R4 Bundle of Observations for other health software. Both are built a
 * chunk at a time (a month of one metric) and each chunk's text becomes a Blob at once, so only one
 * chunk's text is ever held as a string; the browser keeps Blob data outside the JS heap (Chromium
 * moves large blobs to disk). Run in a worker (workers/import.worker.ts `exportWorkspace`).
 */
import { METRICS } from '../../models/metrics.ts';
import { FLAG_FASTING } from '../../models/samples.ts';
import type { DoppelDb } from './db.ts';
import type { SampleChunkRow } from './rows.ts';
import { REVISION_KEY } from './revision.ts';
import { ENTERED_TAG, ENTRY_SOURCE_KEY } from './entry-source.ts';

export const EXPORT_FORMAT = 'doppel-export';
export const EXPORT_VERSION = 1;

export type ExportKind = 'json' | 'fhir';

export interface ExportResult {
  blob: Blob;
  fileName: string;
  samples: number;
  /** FHIR only: samples of metrics with no LOINC code, left out (per metric). */
  skipped: Record<string, number>;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const stamp = (ms: number): string => iso(ms).slice(0, 10);

/** Doppel's own JSON: every table a person's data lives in, samples as columns per metric and month. */
async function exportJson(db: DoppelDb, nowMs: number): Promise<ExportResult> {
  const parts: BlobPart[] = [];
  const [profile, settings, sources, imports, scenarios, snapshots, doses] = await Promise.all([
    db.profile.get('self'),
    // The data revision is the caches' bookkeeping (revision.ts), not the person's data.
    db.settings.filter((r) => r.key !== REVISION_KEY).toArray(),
    db.sources.toArray(),
    db.imports.where('status').equals('committed').toArray(),
    db.scenarios.toArray(),
    db.twinSnapshots.toArray(),
    db.doses.toArray(),
  ]);
  const head = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(nowMs),
    note: "Sample times are epoch milliseconds (UTC) with the local offset in minutes; values are in each metric's canonical unit.",
    profile: profile ?? null,
    settings,
    sources,
    imports,
    scenarios,
    twinSnapshots: snapshots,
    // Carbohydrate (g) and rapid-acting insulin (U) records from CGM exports (not canonical metrics).
    doses,
  };
  const text = JSON.stringify(head);
  parts.push(`${text.slice(0, -1)},"samples":[`);
  let samples = 0;
  let first = true;
  await db.sampleChunks.orderBy('key').each((c: SampleChunkRow) => {
    const cols = {
      metric: c.metric,
      unit: METRICS[c.metric].unit,
      month: c.month,
      n: c.n,
      start: Array.from(c.start),
      end: Array.from(c.end),
      value: Array.from(c.value),
      offsetMin: Array.from(c.offsetMin),
      source: Array.from(c.source),
      importId: Array.from(c.importId),
      flags: Array.from(c.flags),
    };
    parts.push(new Blob([`${first ? '' : ','}${JSON.stringify(cols)}`]));
    first = false;
    samples += c.n;
  });
  parts.push(']}');
  return { blob: new Blob(parts, { type: 'application/json' }), fileName: `doppel-export-${stamp(nowMs)}.json`, samples, skipped: {} };
}

const FASTING_GLUCOSE_LOINC = '1558-6';
const LAB = new Set([
  'blood_glucose',
  'ogtt_2h_glucose',
  'hba1c',
  'total_cholesterol',
  'hdl_cholesterol',
  'ldl_cholesterol',
  'triglycerides',
  'creatinine',
  'egfr',
]);

/** A FHIR R4 `collection` Bundle: the Patient (birth date and sex only) and one Observation per sample. */
async function exportFhir(db: DoppelDb, nowMs: number): Promise<ExportResult> {
  const profile = await db.profile.get('self');
  const patient: Record<string, unknown> = { resourceType: 'Patient', id: 'self' };
  if (profile?.sex) patient.gender = profile.sex;
  if (profile?.birthDate) patient.birthDate = profile.birthDate;
  const parts: BlobPart[] = [
    `{"resourceType":"Bundle","type":"collection","timestamp":"${iso(nowMs)}","meta":{"tag":[{"system":"urn:doppel","code":"${EXPORT_FORMAT}-fhir"}]},"entry":[`,
    JSON.stringify({ fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: patient }),
  ];
  let samples = 0;
  const skipped: Record<string, number> = {};
  // A value the person entered by hand is patient-reported: the Patient is its performer (FHIR R4
  // Observation.performer may reference a Patient), and a tag says so in words.
  const enteredId = (await db.sources.where('key').equals(ENTRY_SOURCE_KEY).first())?.id;
  const reported = {
    performer: [{ reference: 'urn:uuid:00000000-0000-4000-8000-000000000001' }],
    meta: { tag: [ENTERED_TAG] },
  };
  await db.sampleChunks.orderBy('key').each((c: SampleChunkRow) => {
    const def = METRICS[c.metric];
    if (def.loinc.length === 0) {
      skipped[c.metric] = (skipped[c.metric] ?? 0) + c.n;
      return;
    }
    const category = LAB.has(c.metric)
      ? 'laboratory'
      : c.metric === 'steps' || c.metric === 'active_energy' || c.metric === 'exercise_minutes' || c.metric === 'sleep'
        ? 'activity'
        : 'vital-signs';
    const lines: string[] = [];
    for (let i = 0; i < c.n; i++) {
      const code = c.metric === 'blood_glucose' && c.flags[i]! & FLAG_FASTING ? FASTING_GLUCOSE_LOINC : def.loinc[0]!;
      const start = c.start[i]!,
        end = c.end[i]!;
      const obs = {
        resourceType: 'Observation',
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: category }] }],
        code: { coding: [{ system: 'http://loinc.org', code, display: def.label }], text: def.label },
        subject: { reference: 'urn:uuid:00000000-0000-4000-8000-000000000001' },
        ...(end > start ? { effectivePeriod: { start: iso(start), end: iso(end) } } : { effectiveDateTime: iso(start) }),
        valueQuantity: { value: c.value[i], unit: def.unit, system: 'http://unitsofmeasure.org', code: def.unit },
        ...(enteredId !== undefined && c.source[i] === enteredId ? reported : {}),
      };
      lines.push(`,${JSON.stringify({ resource: obs })}`);
    }
    parts.push(new Blob([lines.join('')]));
    samples += c.n;
  });
  parts.push(']}');
  return { blob: new Blob(parts, { type: 'application/fhir+json' }), fileName: `doppel-fhir-${stamp(nowMs)}.json`, samples, skipped };
}

export function exportWorkspace(db: DoppelDb, kind: ExportKind, nowMs = Date.now()): Promise<ExportResult> {
  return kind === 'json' ? exportJson(db, nowMs) : exportFhir(db, nowMs);
}
