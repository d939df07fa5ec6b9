/**
 * Android Health Connect export: a zip holding one SQLite database, `health_connect_export.db`, a
 * copy of the phone's Health Connect database with its log tables emptied (AOSP ExportManager.java:
 * LOCAL_EXPORT_DATABASE_FILE_NAME, TABLES_TO_CLEAR). SQLite needs the whole file, so the entry's bytes
 * are collected (bounded by the zip-bomb limits and `HC_LIMITS`) and opened with sql.js
 * (src/import/sqlite.ts), loaded only now. Tables and units: health-connect-tables.ts. Each app in
 * `application_info_table` with the device of `device_info_table` becomes a source, a watch or a
 * phone by the device's type; each record keeps its own zone offset. The medical-records table's
 * FHIR resources go through the FHIR mapper. Tables with rows that are not read are counted under
 * `ignored` by name; a database of a schema version newer than `HC_KNOWN_DB_VERSION` is read by the
 * columns it has.
 */
import type { FormatId } from '../detect.ts';
import { METRICS } from '../../../models/metrics.ts';
import { toCanonical } from '../../../models/units.ts';
import { MAX_OFFSET_MIN } from '../../../models/util/time.ts';
import type { SourceKind } from '../../data/rows.ts';
import { checkAbort, type ReadContext } from '../bytes.ts';
import { ImportError } from '../errors.ts';
import { INSTANT_NO_OFFSET, type ImportSink } from '../sink.ts';
import { openSqlite, type Database } from '../sqlite.ts';
import { parseFhirR4 } from './fhir-r4.ts';
import { HC_DB_NAME } from './health-connect-zip.ts';
import { DEVICE_TYPES, INSTANT_TABLES, INTERVAL_TABLES, NOT_RECORDS, SLEEP_STAGES, type Reading } from './health-connect-tables.ts';

/**
 * The newest Health Connect schema version Doppel was checked against (`PRAGMA user_version`, which
 * Android's SQLiteOpenHelper sets to the database version): 20, DB_VERSION_PHR_CHANGE_LOGS in AOSP's
 * DatabaseVersions.java (18 cloud backup and restore, 19 exercise segments, 20 the medical records'
 * change logs: none touches a table read here). A newer database is read too: AOSP's upgrades add
 * tables and columns, and every table read here is checked for the columns it needs (a table that
 * lacks one is reported with its name and not read), so a phone on a newer Health Connect is not
 * turned away for tables Doppel does not read.
 */
export const HC_KNOWN_DB_VERSION = 20;

export const HC_LIMITS = {
  /** Largest database read: sql.js holds it whole in memory (docs/import-formats.md). */
  maxDbBytes: 1024 * 2 ** 20,
};

type Row = unknown[];
/** The table being read, for where a damaged page is met. */
interface TablePlace {
  table: string;
}
/** A number column's value; a column AOSP declares TEXT but fills with an int (blood glucose's relation_to_meal) holds it as text. */
const num = (x: unknown): number =>
  typeof x === 'number' ? x : typeof x === 'bigint' ? Number(x) : typeof x === 'string' && x.trim() !== '' ? Number(x) : NaN;
const text = (x: unknown): string => (typeof x === 'string' ? x : '');

/** Every row of a query, one at a time (sql.js steps a prepared statement: no result set in memory). */
function* rows(db: Database, sql: string): Generator<Row> {
  const st = db.prepare(sql);
  try {
    while (st.step()) yield st.get();
  } finally {
    st.free();
  }
}

async function collect(bytes: AsyncIterable<Uint8Array>, where: string, ctx: ReadContext): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const c of bytes) {
    checkAbort(ctx.signal);
    size += c.length;
    if (size > HC_LIMITS.maxDbBytes)
      throw new ImportError('TOO_LARGE', `${where} is larger than ${HC_LIMITS.maxDbBytes / 2 ** 20} MiB, more than Doppel can open`, where);
    parts.push(c);
  }
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts.splice(0)) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function parseHealthConnectDb(
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext & { entryName?: string; fileName?: string } = {},
): Promise<FormatId> {
  const where = ctx.entryName ?? ctx.fileName ?? HC_DB_NAME;
  const db = await openSqlite(await collect(bytes, where, ctx), where);
  const at: TablePlace = { table: '' };
  try {
    await readDatabase(db, sink, where, ctx, at);
  } catch (e) {
    if (e instanceof ImportError || (e as Error)?.name === 'AbortError') throw e;
    // sql.js's own words ("database disk image is malformed", "file is not a database"), at the table being read.
    const place = at.table ? `${where} ${at.table}` : where;
    throw new ImportError('MALFORMED', `${where} is damaged: ${(e as Error).message}`, place);
  } finally {
    db.close();
  }
  return ctx.entryName ? 'health-connect-zip' : 'health-connect-db';
}

async function readDatabase(db: Database, sink: ImportSink, where: string, ctx: ReadContext, at: TablePlace): Promise<void> {
  const tables = new Map<string, Set<string>>();
  for (const [name] of rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")) tables.set(text(name), new Set());
  for (const [t, cols] of tables) for (const r of rows(db, `PRAGMA table_info("${t.replaceAll('"', '""')}")`)) cols.add(text(r[1]));
  if (!tables.has('application_info_table'))
    throw new ImportError('MALFORMED', `${where} is an SQLite database but not Health Connect's (it has no application_info_table)`, where);
  const appColumns = APP_COLUMNS.filter((c) => !tables.get('application_info_table')!.has(c));
  if (appColumns.length)
    throw new ImportError(
      'MALFORMED',
      `${where} application_info_table lacks ${appColumns.join(', ')}, so the app that recorded each reading is unknown; nothing was imported`,
      `${where} application_info_table`,
    );

  const sources = sourceTable(db, sink, tables);
  // Units are linear (models/units.ts): the conversion of each metric and unit is read once, not
  // normalized again for each of a year's half a million heart rates.
  const linear = new Map<string, { scale: number; offset: number } | string>();
  const canonical = (r: Reading): number | string => {
    const key = `${r.metric}|${r.unit}`;
    let f = linear.get(key);
    if (f === undefined) {
      const zero = toCanonical(r.metric, 0, r.unit);
      const one = toCanonical(r.metric, 1, r.unit);
      f = !zero.ok ? zero.reason : !one.ok ? one.reason : { scale: one.value - zero.value, offset: zero.value };
      linear.set(key, f);
    }
    if (typeof f === 'string') return f;
    return Number.isFinite(r.value) ? r.value * f.scale + f.offset : `${r.metric} value is not a finite number`;
  };
  let n = 0;
  const tick = async (): Promise<void> => {
    if (++n % 4096 === 0) {
      checkAbort(ctx.signal);
      await sink.drain();
    }
  };
  const has = (t: string, cols: readonly string[]): boolean => {
    const have = tables.get(t);
    if (!have) return false;
    const missing = cols.filter((c) => !have.has(c));
    if (missing.length) sink.reject(`${where} ${t}`, `table lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; not read`);
    return missing.length === 0;
  };
  /** Adds the readings of one record; `off` is its zone offset in seconds (NULL: unknown). */
  const add = (readings: Reading[], startMs: number, endMs: number, off: unknown, source: number, at: () => string): void => {
    const offsetMin = off === null || off === undefined ? INSTANT_NO_OFFSET : num(off) / 60;
    if (offsetMin !== INSTANT_NO_OFFSET && !(Math.abs(offsetMin) <= MAX_OFFSET_MIN)) {
      sink.reject(at(), `zone offset ${String(off)} s is beyond ±14:00`);
      return;
    }
    for (const r of readings) {
      const conv = canonical(r);
      const why = typeof conv === 'number' ? sink.add(r.metric, startMs, endMs, conv, offsetMin, source, r.flags ?? 0) : conv;
      if (why) sink.reject(at(), why);
    }
  };

  for (const t of INSTANT_TABLES) {
    at.table = t.table;
    if (!has(t.table, ['row_id', 'time', 'zone_offset', 'app_info_id', 'device_info_id', ...t.columns])) continue;
    for (const [id, time, off, app, dev, ...vals] of rows(
      db,
      `SELECT row_id, time, zone_offset, app_info_id, device_info_id, ${t.columns.join(', ')} FROM ${t.table}`,
    )) {
      await tick();
      const ms = num(time);
      add(t.read(vals), ms, ms, off, sources(app, dev), () => `${where} ${t.table} row ${String(id)}`);
    }
  }
  const INTERVAL = ['row_id', 'start_time', 'end_time', 'start_zone_offset', 'app_info_id', 'device_info_id'];
  for (const t of INTERVAL_TABLES) {
    at.table = t.table;
    if (!has(t.table, [...INTERVAL, ...t.columns])) continue;
    for (const [id, s, e, off, app, dev, ...vals] of rows(db, `SELECT ${[...INTERVAL, ...t.columns].join(', ')} FROM ${t.table}`)) {
      await tick();
      add(t.read(vals, num(s), num(e)), num(s), num(e), off, sources(app, dev), () => `${where} ${t.table} row ${String(id)}`);
    }
  }

  at.table = 'heart_rate_record_series_table';
  // Heart rate: a series record (HeartRateRecordHelper) whose samples carry their own instants and
  // the record's start zone offset.
  if (
    has('heart_rate_record_table', INTERVAL) &&
    has('heart_rate_record_series_table', ['parent_key', 'beats_per_minute', 'epoch_millis'])
  ) {
    for (const [id, t, bpm, off, app, dev] of rows(
      db,
      `SELECT p.row_id, s.epoch_millis, s.beats_per_minute, p.start_zone_offset, p.app_info_id, p.device_info_id
         FROM heart_rate_record_series_table s JOIN heart_rate_record_table p ON s.parent_key = p.row_id`,
    )) {
      await tick();
      const ms = num(t);
      const reading: Reading[] = bpm === null ? [] : [{ metric: 'heart_rate', value: num(bpm), unit: '/min' }];
      add(reading, ms, ms, off, sources(app, dev), () => `${where} heart_rate_record_table row ${String(id)}`);
    }
  }

  await readSleep(db, sink, where, has, add, sources, tick, at);

  at.table = 'medical_resource_table';
  if (has('medical_resource_table', ['medical_resource_row_id', 'fhir_data'])) await readMedical(db, sink, where, ctx);
  at.table = '';

  // Tables of records Doppel does not read, by name and row count.
  const read = new Set([...INSTANT_TABLES, ...INTERVAL_TABLES].map((t) => t.table));
  for (const t of tables.keys()) {
    if (read.has(t) || NOT_RECORDS.has(t) || t.startsWith('sqlite_')) continue;
    const count = num(db.exec(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`)[0]?.values[0]?.[0]);
    if (count > 0) sink.ignore(`Health Connect ${t}`, count);
  }
}

/**
 * Sources by (app, device): the app's name (its package name when it has none) and the device's
 * manufacturer and model; the device type decides the default priority (a watch, then a phone, then
 * the rest: docs/metrics.md "Overlapping sources").
 */
const APP_COLUMNS = ['row_id', 'package_name', 'app_name'];
const DEVICE_COLUMNS = ['row_id', 'manufacturer', 'model', 'device_type'];

function sourceTable(db: Database, sink: ImportSink, tables: Map<string, Set<string>>): (app: unknown, dev: unknown) => number {
  const apps = new Map<number, string>();
  for (const [id, pkg, name] of rows(db, 'SELECT row_id, package_name, app_name FROM application_info_table'))
    apps.set(num(id), text(name).trim() || text(pkg).trim());
  const devices = new Map<number, { model: string; kind: SourceKind }>();
  const deviceTable = tables.get('device_info_table');
  if (DEVICE_COLUMNS.every((c) => deviceTable?.has(c))) {
    for (const [id, maker, model, type] of rows(db, 'SELECT row_id, manufacturer, model, device_type FROM device_info_table')) {
      const typeName = DEVICE_TYPES[num(type)] ?? '';
      const label = [text(maker).trim(), text(model).trim()].filter(Boolean).join(' ') || typeName;
      devices.set(num(id), { model: label, kind: typeName === 'watch' ? 'watch' : typeName === 'phone' ? 'phone' : 'other' });
    }
  }
  const cache = new Map<string, number>();
  return (app, dev) => {
    const key = `${String(app)}|${String(dev)}`;
    let i = cache.get(key);
    if (i === undefined) {
      const d = devices.get(num(dev));
      i = sink.source(apps.get(num(app)) || 'Health Connect', d?.model ?? '', d?.kind);
      cache.set(key, i);
    }
    return i;
  };
}

/**
 * Sleep sessions with their stages (SleepSessionRecordHelper, SleepStageRecordHelper): each asleep
 * stage is a `sleep` sample of its minutes; awake stages are counted under `ignored`. A session
 * without stages counts whole, as asleep.
 */
async function readSleep(
  db: Database,
  sink: ImportSink,
  where: string,
  has: (t: string, cols: readonly string[]) => boolean,
  add: (r: Reading[], s: number, e: number, off: unknown, src: number, at: () => string) => void,
  sources: (app: unknown, dev: unknown) => number,
  tick: () => Promise<void>,
  at: TablePlace,
): Promise<void> {
  at.table = 'sleep_session_record_table';
  if (!has('sleep_session_record_table', ['row_id', 'start_time', 'end_time', 'start_zone_offset', 'app_info_id', 'device_info_id']))
    return;
  const stages = new Map<number, Row[]>();
  if (has('sleep_stages_table', ['parent_key', 'stage_start_time', 'stage_end_time', 'stage_type']))
    for (const r of rows(
      db,
      'SELECT parent_key, stage_start_time, stage_end_time, stage_type FROM sleep_stages_table ORDER BY parent_key, stage_start_time',
    )) {
      const list = stages.get(num(r[0])) ?? [];
      list.push(r);
      stages.set(num(r[0]), list);
    }
  for (const [id, s, e, off, app, dev] of rows(
    db,
    'SELECT row_id, start_time, end_time, start_zone_offset, app_info_id, device_info_id FROM sleep_session_record_table',
  )) {
    await tick();
    const src = sources(app, dev);
    const at = (): string => `${where} sleep_session_record_table row ${String(id)}`;
    const own = stages.get(num(id));
    if (!own) {
      add([{ metric: 'sleep', value: (num(e) - num(s)) / 60_000, unit: 'min' }], num(s), num(e), off, src, at);
      continue;
    }
    for (const [, a, b, type] of own) {
      const stage = SLEEP_STAGES[num(type)];
      if (!stage?.asleep) {
        sink.ignore(`Health Connect sleep stage: ${stage?.name ?? `type ${String(type)}`}`);
        continue;
      }
      add([{ metric: 'sleep', value: (num(b) - num(a)) / 60_000, unit: METRICS.sleep.unit }], num(a), num(b), off, src, at);
    }
  }
}

/**
 * The personal health records' FHIR resources (MedicalResourceHelper `fhir_data`), streamed to the
 * FHIR mapper as the entries of one Bundle (its "entry N" is the Nth resource by row id).
 */
async function readMedical(db: Database, sink: ImportSink, where: string, ctx: ReadContext): Promise<void> {
  const enc = new TextEncoder();
  async function* bundle(): AsyncGenerator<Uint8Array> {
    yield enc.encode('{"resourceType":"Bundle","type":"collection","entry":[');
    let first = true;
    for (const [id, data] of rows(
      db,
      'SELECT medical_resource_row_id, fhir_data FROM medical_resource_table ORDER BY medical_resource_row_id',
    )) {
      let resource: string;
      try {
        resource = JSON.stringify(JSON.parse(text(data)));
      } catch (e) {
        sink.reject(`${where} medical_resource_table row ${String(id)}`, `fhir_data is not JSON: ${(e as Error).message}`);
        continue;
      }
      yield enc.encode(`${first ? '' : ','}{"resource":${resource}}`);
      first = false;
    }
    yield enc.encode(']}');
  }
  await parseFhirR4(bundle(), sink, { signal: ctx.signal, entryName: `${where} medical_resource_table` });
}
