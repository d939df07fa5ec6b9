/**
 * Writes synthetic Android Health Connect exports: a zip holding `health_connect_export.db`, an
 * SQLite database whose tables are created from AOSP's own column lists (tools/gen/health-connect-schema.ts,
 * which names the source file of each table) and filled with sql.js in Node.
 *   npx tsx tools/gen/health-connect.ts --out sample.zip            the small sample the tests use
 *   npx tsx tools/gen/health-connect.ts --out year.zip --year-hr    a year of minute heart rate and a
 *                                                                   day's steps from two apps (benchmark)
 * Tests call `sampleExport()` / `healthConnectZip()` directly, so no fixture file is committed.
 */
import { writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { createTableSql, FIXTURE_DB_VERSION, TABLES } from './health-connect-schema.ts';

export type HcRow = Record<string, number | string | null | Uint8Array>;

export interface HcSpec {
  /** PRAGMA user_version (Android's SQLiteOpenHelper database version). */
  version?: number;
  apps: { id: number; pkg: string; name: string | null }[];
  devices?: { id: number; manufacturer: string | null; model: string | null; type: number }[];
  /** Rows by table; record tables get row_id, uuid, last_modified_time and local_date filled in. */
  rows: Record<string, HcRow[]>;
  /** Extra statements (a table AOSP does not have, for the "unknown table" case). */
  sql?: string[];
}

const DAY = 86_400_000;
let uuidCounter = 0;
function uuid(): Uint8Array {
  const b = new Uint8Array(16);
  new DataView(b.buffer).setUint32(12, ++uuidCounter);
  return b;
}

/** The database file of a spec. */
export async function healthConnectDb(spec: HcSpec): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    db.exec('BEGIN');
    for (const t of TABLES) db.exec(createTableSql(t));
    db.exec(`PRAGMA user_version = ${spec.version ?? FIXTURE_DB_VERSION}`);
    const insert = (table: string, row: HcRow): void => {
      const cols = Object.keys(row);
      const st = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      st.run(cols.map((c) => row[c]!));
      st.free();
    };
    for (const a of spec.apps) insert('application_info_table', { row_id: a.id, package_name: a.pkg, app_name: a.name });
    for (const d of spec.devices ?? [])
      insert('device_info_table', { row_id: d.id, manufacturer: d.manufacturer, model: d.model, device_type: d.type });
    for (const [table, list] of Object.entries(spec.rows)) {
      const def = TABLES.find((t) => t.name === table);
      if (!def) throw new Error(`no table ${table} in tools/gen/health-connect-schema.ts`);
      const isRecord = def.columns.some(([c]) => c === 'uuid');
      if (!list.length) continue;
      // One prepared statement per table and column set: the year of heart rate has 525,600 rows.
      const cols = Object.keys(list[0]!);
      const extra = isRecord ? ['uuid', 'last_modified_time', 'local_date'] : [];
      const st = db.prepare(
        `INSERT INTO ${table} (${[...cols, ...extra].join(', ')}) VALUES (${[...cols, ...extra].map(() => '?').join(', ')})`,
      );
      for (const row of list) {
        const t = Number(row.time ?? row.start_time ?? 0);
        const off = Number(row.zone_offset ?? row.start_zone_offset ?? 0);
        const values = cols.map((c) => row[c] ?? null);
        if (isRecord) values.push(uuid(), t, Math.floor((t + off * 1000) / DAY));
        st.run(values);
      }
      st.free();
    }
    for (const s of spec.sql ?? []) db.exec(s);
    db.exec('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}

/** A zip holding the database as Health Connect names it (deflated, as its Compressor writes). */
export function zipDb(db: Uint8Array, name = 'health_connect_export.db'): Uint8Array {
  return zipSync({ [name]: db }, { level: 6 });
}

export async function healthConnectZip(spec: HcSpec): Promise<Uint8Array> {
  return zipDb(await healthConnectDb(spec));
}

/** 2026-03-10 08:00 UTC, the sample's first morning. */
export const T0 = Date.UTC(2026, 2, 10, 8);
const H = 3_600_000;
const MIN = 60_000;

/** Common record columns: the app and device, and an instant or an interval with zone offsets (seconds). */
const at = (app: number, dev: number, time: number, offS: number): HcRow => ({
  app_info_id: app,
  device_info_id: dev,
  time,
  zone_offset: offS,
});
const span = (app: number, dev: number, start: number, end: number, offS: number): HcRow => ({
  app_info_id: app,
  device_info_id: dev,
  start_time: start,
  start_zone_offset: offS,
  end_time: end,
  end_zone_offset: offS,
});

/** Apps and devices of the sample: a watch app, a phone app, a scale app (its name is HTML), a lab app. */
export const SAMPLE_APPS = [
  { id: 1, pkg: 'com.google.android.apps.fitness', name: 'Fit' },
  { id: 2, pkg: 'com.sec.android.app.shealth', name: 'Samsung Health' },
  { id: 3, pkg: 'com.example.scale', name: '<img src=x onerror=alert(1)>' },
  { id: 4, pkg: 'com.example.nameless', name: null },
];
export const SAMPLE_DEVICES = [
  { id: 1, manufacturer: 'Google', model: 'Pixel Watch 2', type: 1 },
  { id: 2, manufacturer: 'Samsung', model: 'Galaxy S24', type: 2 },
  { id: 3, manufacturer: null, model: null, type: 3 },
];

/**
 * The small sample: every record type Doppel reads, in the units AOSP stores (grams, metres,
 * mmol/L, calories), with zone offsets of +01:00 and -05:00, plus a table Doppel does not read.
 */
export function sampleSpec(): HcSpec {
  const CET = 3600;
  const EST = -5 * 3600;
  return {
    apps: SAMPLE_APPS,
    devices: SAMPLE_DEVICES,
    rows: {
      // The same hour's steps from the watch (1,000) and the phone (800): the watch wins the total.
      steps_record_table: [
        { ...span(1, 1, T0, T0 + H, CET), count: 1000 },
        { ...span(2, 2, T0, T0 + H, CET), count: 800 },
        { ...span(2, 2, T0 + DAY, T0 + DAY + H, EST), count: 500 },
      ],
      heart_rate_record_table: [{ row_id: 1, ...span(1, 1, T0, T0 + 3 * MIN, CET) }],
      heart_rate_record_series_table: [
        { parent_key: 1, beats_per_minute: 61, epoch_millis: T0 },
        { parent_key: 1, beats_per_minute: 63, epoch_millis: T0 + MIN },
        { parent_key: 1, beats_per_minute: 65, epoch_millis: T0 + 2 * MIN },
      ],
      resting_heart_rate_record_table: [{ ...at(1, 1, T0, CET), beats_per_minute: 52 }],
      heart_rate_variability_rmssd_record_table: [{ ...at(1, 1, T0, CET), heart_rate_variability_millis: 42.5 }],
      oxygen_saturation_record_table: [{ ...at(1, 1, T0, CET), percentage: 97 }],
      respiratory_rate_record_table: [{ ...at(1, 1, T0, CET), rate: 14.5 }],
      // A night with stages: 30 min awake in bed, 6 h light, 1 h deep, 30 min REM, 10 min out of bed.
      sleep_session_record_table: [
        { row_id: 1, ...span(1, 1, T0 - 9 * H, T0 - 0.5 * H, CET), title: null, notes: null },
        // A session without stages (an app that writes only the span): 7 h asleep.
        { row_id: 2, ...span(2, 2, T0 + DAY - 9 * H, T0 + DAY - 2 * H, EST), title: 'Night', notes: null },
      ],
      sleep_stages_table: [
        { parent_key: 1, stage_start_time: T0 - 9 * H, stage_end_time: T0 - 8.5 * H, stage_type: 7 },
        { parent_key: 1, stage_start_time: T0 - 8.5 * H, stage_end_time: T0 - 2.5 * H, stage_type: 4 },
        { parent_key: 1, stage_start_time: T0 - 2.5 * H, stage_end_time: T0 - 1.5 * H, stage_type: 5 },
        { parent_key: 1, stage_start_time: T0 - 1.5 * H, stage_end_time: T0 - 1 * H, stage_type: 6 },
        { parent_key: 1, stage_start_time: T0 - 1 * H, stage_end_time: T0 - 50 * MIN, stage_type: 3 },
      ],
      weight_record_table: [{ ...at(3, 3, T0, CET), weight: 72_500 }],
      height_record_table: [{ ...at(3, 3, T0, CET), height: 1.78 }],
      body_fat_record_table: [{ ...at(3, 3, T0, CET), percentage: 21.5 }],
      blood_pressure_record_table: [{ ...at(4, 2, T0 + H, EST), systolic: 121, diastolic: 79, measurement_location: 0, body_position: 0 }],
      blood_glucose_record_table: [{ ...at(4, 2, T0 + H, EST), level: 5.4, relation_to_meal: 2, specimen_source: 0, meal_type: 0 }],
      nutrition_record_table: [{ ...span(2, 2, T0 + 4 * H, T0 + 4.5 * H, CET), energy: 650_000, protein: 30, meal_type: 2 }],
      exercise_session_record_table: [{ ...span(1, 1, T0 + 10 * H, T0 + 10 * H + 45 * MIN, CET), exercise_type: 56, has_route: 0 }],
      distance_record_table: [{ ...span(1, 1, T0, T0 + H, CET), distance: 800 }],
      medical_resource_table: [
        {
          fhir_resource_type: 2,
          fhir_resource_id: 'hba1c-1',
          data_source_id: 1,
          last_modified_time: T0,
          fhir_data: JSON.stringify({
            resourceType: 'Observation',
            id: 'hba1c-1',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c' }] },
            effectiveDateTime: '2026-02-01T09:30:00+01:00',
            valueQuantity: { value: 5.6, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
          }),
        },
        {
          fhir_resource_type: 3,
          fhir_resource_id: 'allergy-1',
          data_source_id: 1,
          last_modified_time: T0,
          fhir_data: JSON.stringify({ resourceType: 'AllergyIntolerance', id: 'allergy-1' }),
        },
      ],
    },
  };
}

export function sampleExport(): Promise<Uint8Array> {
  return healthConnectZip(sampleSpec());
}

/**
 * A year of minute heart rate from a watch (one record an hour, 60 samples each, as a watch app
 * writes in batches) and one day's steps from two apps (a watch's and a phone's, minute by minute):
 * the benchmark's export.
 */
export function yearSpec(days = 365): HcSpec {
  const start = Date.UTC(2025, 0, 1);
  const records: HcRow[] = [];
  const samples: HcRow[] = [];
  let id = 0;
  let seed = 1;
  const rnd = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let h = 0; h < days * 24; h++) {
    const t = start + h * H;
    records.push({ row_id: ++id, ...span(1, 1, t, t + H, 3600) });
    for (let m = 0; m < 60; m++) samples.push({ parent_key: id, beats_per_minute: Math.round(60 + 25 * rnd()), epoch_millis: t + m * MIN });
  }
  const steps: HcRow[] = [];
  const day = start + 180 * DAY;
  for (let m = 0; m < 24 * 60; m++) {
    const t = day + m * MIN;
    steps.push({ ...span(1, 1, t, t + MIN, 3600), count: Math.round(40 * rnd()) });
    steps.push({ ...span(2, 2, t, t + MIN, 3600), count: Math.round(35 * rnd()) });
  }
  return {
    apps: SAMPLE_APPS.slice(0, 2),
    devices: SAMPLE_DEVICES.slice(0, 2),
    rows: { heart_rate_record_table: records, heart_rate_record_series_table: samples, steps_record_table: steps },
  };
}

if (process.argv[1]?.replaceAll('\\', '/').endsWith('tools/gen/health-connect.ts')) {
  const args = process.argv.slice(2);
  const out = args[args.indexOf('--out') + 1];
  if (!args.includes('--out') || !out) {
    console.error('usage: npx tsx tools/gen/health-connect.ts --out FILE.zip [--year-hr] [--db]');
    process.exit(2);
  }
  const db = await healthConnectDb(args.includes('--year-hr') ? yearSpec() : sampleSpec());
  writeFileSync(out, args.includes('--db') ? db : zipDb(db));
  console.log(`${out}: database ${db.length.toLocaleString('en')} bytes`);
}
