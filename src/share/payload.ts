/**
 * What a share file holds (its payload, UTF-8 JSON inside the sealed file): the part of a
 * workspace the patient chose (a date range, metrics, saved scenarios), read from one workspace
 * and stored into another (the clinician's review workspace) through the same atomic import path an
 * export takes. Everything read from a file is checked before anything is stored.
 */
import { METRIC_IDS, type MetricId } from '../../models/metrics.ts';
import { implausible } from '../../models/plausibility.ts';
import type { SampleBatch } from '../../models/samples.ts';
import { localDay } from '../../models/util/time.ts';
import type { DoppelDb } from '../data/db.ts';
import { commitImport } from '../data/imports.ts';
import { validateProfile, type ProfilePatch } from '../data/profile.ts';
import { readSamples } from '../data/samples.ts';
import { getAllSettings, unitSettings, unitSettingsFrom, type UnitSettings } from '../data/settings.ts';
import { writeTx } from '../data/tx.ts';
import { invalidScenario } from '../../models/twin/scenario.ts';
import { ShareError } from './errors.ts';

export const PAYLOAD_FORMAT = 'doppel-share';
export const PAYLOAD_VERSION = 1;

export interface ShareScope {
  /** First and last local day shared (inclusive), or absent for all. */
  fromDay?: string;
  toDay?: string;
  metrics: MetricId[];
  /** Ids of the saved scenarios shared. */
  scenarioIds: number[];
}

export interface SharePayload {
  format: typeof PAYLOAD_FORMAT;
  version: number;
  sharedAt: string;
  /** Whose twin, as the patient wrote it (shown on the review banner). */
  label: string;
  scope: { fromDay: string | null; toDay: string | null; metrics: MetricId[] };
  profile: ProfilePatch;
  /** The patient's display units, so the review shows what the patient sees. */
  units: UnitSettings;
  /** The patient's source priority (source keys `name|model`), so daily totals come out the same. */
  sourceOrder: string[];
  sources: { name: string; model: string }[];
  samples: { metric: MetricId; start: number[]; end: number[]; value: number[]; offsetMin: number[]; source: number[]; flags: number[] }[];
  scenarios: { name: string; scenario: Record<string, unknown> }[];
}

const PROFILE_KEYS = [
  'birthDate',
  'sex',
  'heightCm',
  'ethnicity',
  'smoking',
  'familyHistoryDiabetes',
  'conditions',
  'medications',
  'answers',
] as const;
const dayStart = (day: string): number => Date.parse(`${day}T00:00:00Z`) - 14 * 3_600_000;
const dayEnd = (day: string): number => Date.parse(`${day}T23:59:59.999Z`) + 14 * 3_600_000;

/** Reads the chosen part of a workspace. Days are compared as local days (each sample's own offset). */
export async function buildPayload(db: DoppelDb, scope: ShareScope, label: string, nowMs = Date.now()): Promise<SharePayload> {
  const profileRow = await db.profile.get('self');
  const profile: ProfilePatch = {};
  for (const k of PROFILE_KEYS) if (profileRow?.[k] !== undefined) (profile as Record<string, unknown>)[k] = profileRow[k];
  const settings = await getAllSettings(db);
  const sourceRows = await db.sources.toArray();
  const sourceIndex = new Map<number, number>();
  const sources: SharePayload['sources'] = [];
  const samples: SharePayload['samples'] = [];
  for (const metric of scope.metrics) {
    // A margin of ±14 h around the days, then the exact local-day test per sample.
    const c = await readSamples(db, metric, scope.fromDay ? dayStart(scope.fromDay) : 0, scope.toDay ? dayEnd(scope.toDay) : 8.64e15);
    const out: SharePayload['samples'][number] = { metric, start: [], end: [], value: [], offsetMin: [], source: [], flags: [] };
    for (let i = 0; i < c.n; i++) {
      // The day the patient sees the sample on (and the one the share screen counted it in: preview.ts).
      const day = localDay(c.start[i]!, c.offsetMin[i]!);
      if ((scope.fromDay && day < scope.fromDay) || (scope.toDay && day > scope.toDay)) continue;
      let s = sourceIndex.get(c.source[i]!);
      if (s === undefined) {
        const row = sourceRows.find((r) => r.id === c.source[i]);
        s = sources.push({ name: row?.name ?? 'unknown', model: row?.model ?? '' }) - 1;
        sourceIndex.set(c.source[i]!, s);
      }
      out.start.push(c.start[i]!);
      out.end.push(c.end[i]!);
      out.value.push(c.value[i]!);
      out.offsetMin.push(c.offsetMin[i]!);
      out.source.push(s);
      out.flags.push(c.flags[i]!);
    }
    if (out.start.length) samples.push(out);
  }
  const scenarios = (await db.scenarios.bulkGet(scope.scenarioIds))
    .filter((r) => r !== undefined)
    .map((r) => ({ name: r.name, scenario: r.scenario }));
  return {
    format: PAYLOAD_FORMAT,
    version: PAYLOAD_VERSION,
    sharedAt: new Date(nowMs).toISOString(),
    label: label.trim().slice(0, 80),
    scope: { fromDay: scope.fromDay ?? null, toDay: scope.toDay ?? null, metrics: scope.metrics },
    profile,
    units: unitSettings(settings),
    sourceOrder: settings.sourceOrder,
    sources,
    samples,
    scenarios,
  };
}

const bad = (where: string, why: string): never => {
  throw new ShareError('CORRUPT', `${where}: ${why}`);
};
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const numbers = (v: unknown, where: string, n?: number): number[] => {
  if (!Array.isArray(v)) bad(where, 'is not a list');
  const a = v as unknown[];
  if (n !== undefined && a.length !== n) bad(where, `has ${a.length} entries, not ${n}`);
  a.forEach((x, i) => (typeof x === 'number' && Number.isFinite(x) ? undefined : bad(`${where}[${i}]`, 'is not a finite number')));
  return a as number[];
};

/** Parses and checks a payload; every problem names its place (e.g. `samples[2].value[17]`). */
export function parsePayload(json: Uint8Array, nowMs = Date.now()): SharePayload {
  let p: unknown;
  try {
    p = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return bad('payload', 'is not UTF-8 JSON');
  }
  if (!isObj(p) || p.format !== PAYLOAD_FORMAT) return bad('payload', `is not a ${PAYLOAD_FORMAT} payload`);
  if (typeof p.version === 'number' && Number.isInteger(p.version) && p.version > PAYLOAD_VERSION)
    throw new ShareError(
      'UNSUPPORTED_VERSION',
      `The shared data are version ${String(p.version)}; this Doppel reads version ${PAYLOAD_VERSION}. Update Doppel to open them.`,
    );
  if (p.version !== PAYLOAD_VERSION) bad('payload.version', `${String(p.version)} is not a version`);
  const isDay = (v: unknown): boolean =>
    v === null || (typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) && !Number.isNaN(Date.parse(v)));
  const sc = p.scope;
  if (
    !isObj(sc) ||
    !isDay(sc.fromDay) ||
    !isDay(sc.toDay) ||
    !Array.isArray(sc.metrics) ||
    !sc.metrics.every((m) => METRIC_IDS.includes(m as MetricId))
  )
    bad('scope', 'is not {fromDay, toDay, metrics} with ISO days and Doppel metrics');
  if (p.sourceOrder !== undefined && !(Array.isArray(p.sourceOrder) && p.sourceOrder.every((k) => typeof k === 'string')))
    bad('sourceOrder', 'is not a list of source keys');
  if (typeof p.label !== 'string' || typeof p.sharedAt !== 'string' || Number.isNaN(Date.parse(p.sharedAt)))
    bad('payload', 'lacks the name or the date it was shared');
  if (!isObj(p.profile)) bad('profile', 'is not an object');
  const profile: ProfilePatch = {};
  for (const k of PROFILE_KEYS)
    if ((p.profile as Record<string, unknown>)[k] !== undefined)
      (profile as Record<string, unknown>)[k] = (p.profile as Record<string, unknown>)[k];
  try {
    validateProfile(profile, nowMs);
  } catch (e) {
    bad('profile', e instanceof Error ? e.message : String(e));
  }
  if (!Array.isArray(p.sources) || !p.sources.every((s) => isObj(s) && typeof s.name === 'string' && typeof s.model === 'string'))
    bad('sources', 'is not a list of {name, model}');
  const nSources = (p.sources as unknown[]).length;
  if (!Array.isArray(p.samples)) bad('samples', 'is not a list');
  (p.samples as unknown[]).forEach((raw, j) => {
    const w = `samples[${j}]`;
    if (!isObj(raw) || !METRIC_IDS.includes(raw.metric as MetricId)) bad(`${w}.metric`, 'is not a Doppel metric');
    const s = raw as Record<string, unknown>;
    const start = numbers(s.start, `${w}.start`);
    const n = start.length;
    const end = numbers(s.end, `${w}.end`, n),
      value = numbers(s.value, `${w}.value`, n);
    const off = numbers(s.offsetMin, `${w}.offsetMin`, n),
      src = numbers(s.source, `${w}.source`, n),
      flags = numbers(s.flags, `${w}.flags`, n);
    for (let i = 0; i < n; i++) {
      const why = implausible(s.metric as MetricId, start[i]!, end[i]!, value[i]!, nowMs);
      if (why) bad(`${w}.value[${i}]`, why);
      if (!(Number.isInteger(src[i]) && src[i]! >= 0 && src[i]! < nSources))
        bad(`${w}.source[${i}]`, `${src[i]} is not one of the ${nSources} sources`);
      if (!(Number.isInteger(flags[i]) && flags[i]! >= 0 && flags[i]! <= 255)) bad(`${w}.flags[${i}]`, 'is not a byte');
      if (!(Number.isInteger(off[i]) && Math.abs(off[i]!) <= 18 * 60))
        bad(`${w}.offsetMin[${i}]`, `${off[i]} is not a UTC offset in minutes`);
    }
  });
  if (!Array.isArray(p.scenarios) || !p.scenarios.every((s) => isObj(s) && typeof s.name === 'string' && isObj(s.scenario)))
    bad('scenarios', 'is not a list of {name, scenario}');
  (p.scenarios as { scenario: unknown }[]).forEach((s, i) => {
    const why = invalidScenario(s.scenario, `scenarios[${i}].scenario`);
    if (why) bad(`scenarios[${i}]`, why);
  });
  const u = isObj(p.units) ? p.units : {};
  return {
    ...(p as unknown as SharePayload),
    label: (p.label as string).slice(0, 80),
    profile,
    units: unitSettingsFrom(u),
    sourceOrder: (p.sourceOrder as string[] | undefined) ?? [],
  };
}

/**
 * Stores a checked payload into the review workspace: call inside one read-write transaction over
 * all its tables (share.ts), so the samples, units, scenarios and the share's description land
 * together or not at all.
 */
export async function loadPayload(db: DoppelDb, p: SharePayload, bytes: number): Promise<void> {
  const batches: SampleBatch[] = p.samples.map((s) => ({
    metric: s.metric,
    start: Float64Array.from(s.start),
    end: Float64Array.from(s.end),
    value: Float64Array.from(s.value),
    offsetMin: Int16Array.from(s.offsetMin),
    source: Uint32Array.from(s.source),
    flags: Uint8Array.from(s.flags),
  }));
  await commitImport(db, {
    fileName: `Shared by ${p.label}`,
    format: PAYLOAD_FORMAT,
    bytes,
    sources: p.sources.map((s) => ({ name: s.name, ...(s.model ? { model: s.model } : {}) })),
    batches,
    rejected: [],
    ignored: {},
    profile: p.profile,
  });
  const now = Date.now();
  await writeTx(db, [db.settings, db.scenarios], async () => {
    for (const [key, value] of Object.entries(p.units)) await db.settings.put({ key, value });
    if (p.sourceOrder.length) await db.settings.put({ key: 'sourceOrder', value: p.sourceOrder });
    await db.settings.put({ key: 'share', value: { label: p.label, sharedAt: p.sharedAt, scope: p.scope } });
    for (const s of p.scenarios)
      await db.scenarios.add({ name: s.name.slice(0, 80), scenario: s.scenario, createdAt: now, updatedAt: now });
  });
}
