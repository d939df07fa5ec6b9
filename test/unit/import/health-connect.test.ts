/**
 * Android Health Connect exports (src/import/formats/health-connect.ts): databases generated from
 * AOSP's table definitions by tools/gen/health-connect.ts at test time (no network, no binary fixture).
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDaily, readSamples } from '../../../src/data/samples.ts';
import { HC_KNOWN_DB_VERSION, HC_LIMITS } from '../../../src/import/formats/health-connect.ts';
import { FLAG_FASTING, FLAG_OFFSET_ASSUMED } from '../../../models/samples.ts';
import { healthConnectDb, healthConnectZip, sampleExport, sampleSpec, T0, zipDb, type HcSpec } from '../../../tools/gen/health-connect.ts';
import { importText } from './helpers.ts';
import { useFreshDbs } from '../data/helpers.ts';
import type { DoppelDb } from '../../../src/data/db.ts';
import type { MetricId } from '../../../models/metrics.ts';

const db = useFreshDbs();
const ZIP = 'health_connect_export.zip';
const u8 = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);

/** The samples of a metric as plain rows, with the source's name. */
async function samples(d: DoppelDb, metric: MetricId) {
  const c = await readSamples(d, metric);
  const names = new Map((await d.sources.toArray()).map((s) => [s.id!, s.name]));
  return Array.from(c.start, (start, i) => ({
    start,
    end: c.end[i]!,
    value: c.value[i]!,
    offsetMin: c.offsetMin[i]!,
    flags: c.flags[i]!,
    source: names.get(c.source[i]!)!,
  }));
}

async function counts(d: DoppelDb): Promise<[number, number, number]> {
  return [await d.sampleChunks.count(), await d.imports.count(), await d.sources.count()];
}

describe('Health Connect export', () => {
  it('reads every mapped record type in canonical units, each with its own zone offset', async () => {
    const d = db();
    const r = await importText(d, u8(await sampleExport()), ZIP);
    expect(r.format).toBe('health-connect-zip');
    expect(r.rejected).toEqual([]);
    // weight in grams → kg; height in metres → cm; glucose mmol/L → mg/dL; energy in calories → kcal.
    expect(await samples(d, 'body_weight')).toMatchObject([{ start: T0, value: 72.5, offsetMin: 60 }]);
    expect(await samples(d, 'height')).toMatchObject([{ value: 178 }]);
    expect(await samples(d, 'body_fat_percentage')).toMatchObject([{ value: 21.5 }]);
    const glucose = await samples(d, 'blood_glucose');
    expect(glucose).toHaveLength(1);
    expect(glucose[0]!.value).toBeCloseTo(5.4 * 18.016, 6);
    expect(glucose[0]!.offsetMin).toBe(-300);
    expect(glucose[0]!.flags & FLAG_FASTING).toBe(FLAG_FASTING);
    expect(await samples(d, 'systolic_bp')).toMatchObject([{ value: 121, offsetMin: -300 }]);
    expect(await samples(d, 'diastolic_bp')).toMatchObject([{ value: 79 }]);
    expect(await samples(d, 'dietary_energy')).toMatchObject([{ value: 650, start: T0 + 4 * 3_600_000, end: T0 + 4.5 * 3_600_000 }]);
    expect(await samples(d, 'resting_heart_rate')).toMatchObject([{ value: 52 }]);
    expect(await samples(d, 'hrv_rmssd')).toMatchObject([{ value: 42.5 }]);
    expect(await samples(d, 'hrv_sdnn')).toEqual([]);
    expect(await samples(d, 'spo2')).toMatchObject([{ value: 97 }]);
    expect(await samples(d, 'respiratory_rate')).toMatchObject([{ value: 14.5 }]);
    expect((await samples(d, 'heart_rate')).map((s) => [s.start - T0, s.value, s.offsetMin])).toEqual([
      [0, 61, 60],
      [60_000, 63, 60],
      [120_000, 65, 60],
    ]);
    expect(await samples(d, 'exercise_minutes')).toMatchObject([{ value: 45 }]);
    // Steps keep their offsets: the phone's second hour was written at -05:00.
    expect((await samples(d, 'steps')).map((s) => [s.value, s.offsetMin]).sort()).toEqual([
      [1000, 60],
      [500, -300],
      [800, 60],
    ]);
    // No record of this export lacks its offset: none is flagged as assumed.
    for (const m of ['steps', 'heart_rate', 'body_weight'] as const)
      for (const s of await samples(d, m)) expect(s.flags & FLAG_OFFSET_ASSUMED).toBe(0);
    // The FHIR resources of the medical-records table, through the FHIR mapper.
    expect(await samples(d, 'hba1c')).toMatchObject([{ value: 5.6 }]);
    expect(r.ignored).toMatchObject({ AllergyIntolerance: 1 });
  });

  it('counts asleep stages only: awake, out of bed and awake in bed are not sleep; a session without stages counts whole', async () => {
    const d = db();
    const r = await importText(d, u8(await sampleExport()), ZIP);
    const sleep = await samples(d, 'sleep');
    // 6 h light + 1 h deep + 30 min REM of the staged night; the unstaged night's 7 h.
    expect(sleep.map((s) => s.value).sort((a, b) => a - b)).toEqual([30, 60, 360, 420]);
    expect(r.ignored).toMatchObject({
      'Health Connect sleep stage: awake in bed': 1,
      'Health Connect sleep stage: awake, out of bed': 1,
    });
  });

  it('makes each app a source, a watch or a phone by its device type, so the watch wins overlapping steps', async () => {
    const d = db();
    await importText(d, u8(await sampleExport()), ZIP);
    const sources = (await d.sources.toArray()).map((s) => [s.name, s.model, s.kind]);
    expect(sources).toEqual(
      expect.arrayContaining([
        ['Fit', 'Google Pixel Watch 2', 'watch'],
        ['Samsung Health', 'Samsung Galaxy S24', 'phone'],
        ['<img src=x onerror=alert(1)>', 'scale', 'other'],
        // No app name: the package name.
        ['com.example.nameless', 'Samsung Galaxy S24', 'phone'],
      ]),
    );
    // The watch's 1,000 steps and the phone's 800 over the same hour: the day counts 1,000.
    const days = await readDaily(d, 'steps');
    expect(days.map((r) => [r.day, r.sum])).toEqual([
      ['2026-03-10', 1000],
      ['2026-03-11', 500],
    ]);
  });

  it('keeps HTML in an app name as plain text', async () => {
    const d = db();
    await importText(d, u8(await sampleExport()), ZIP);
    const weights = await samples(d, 'body_weight');
    expect(weights[0]!.source).toBe('<img src=x onerror=alert(1)>');
  });

  it('counts tables it does not read, by name and rows, under ignored', async () => {
    const d = db();
    const spec = sampleSpec();
    spec.sql = [
      'CREATE TABLE future_record_table (row_id INTEGER PRIMARY KEY, x REAL)',
      'INSERT INTO future_record_table (x) VALUES (1), (2)',
    ];
    const r = await importText(d, u8(await healthConnectZip(spec)), ZIP);
    expect(r.ignored).toMatchObject({ 'Health Connect distance_record_table': 1, 'Health Connect future_record_table': 2 });
  });

  it('importing the same export twice adds nothing the second time', async () => {
    const d = db();
    const zip = u8(await sampleExport());
    const first = await importText(d, zip, ZIP);
    const second = await importText(d, zip, ZIP);
    expect(first.added).toBeGreaterThan(20);
    expect(second.added).toBe(0);
    expect(second.duplicates).toBe(first.added);
  });

  it('reads the database unzipped too (health_connect_export.db)', async () => {
    const d = db();
    const r = await importText(d, u8(await healthConnectDb(sampleSpec())), 'health_connect_export.db');
    expect(r.format).toBe('health-connect-db');
    expect(r.added).toBeGreaterThan(20);
  });

  it('rejects a record with an implausible value or offset, with its table and row', async () => {
    const d = db();
    const spec: HcSpec = {
      apps: [{ id: 1, pkg: 'p', name: 'App' }],
      rows: {
        weight_record_table: [
          { app_info_id: 1, device_info_id: null, time: T0, zone_offset: 3600, weight: 900_000 },
          { app_info_id: 1, device_info_id: null, time: T0, zone_offset: 20 * 3600, weight: 70_000 },
          { app_info_id: 1, device_info_id: null, time: T0, zone_offset: null, weight: 71_000 },
        ],
      },
    };
    const r = await importText(d, u8(await healthConnectZip(spec)), ZIP);
    expect(r.rejected).toEqual([
      { where: 'health_connect_export.db weight_record_table row 1', reason: 'body_weight 900 kg outside 2-650' },
      { where: 'health_connect_export.db weight_record_table row 2', reason: 'zone offset 72000 s is beyond ±14:00' },
    ]);
    // A NULL offset: the instant is kept, its offset assumed (the importing device's) and flagged.
    expect((await samples(d, 'body_weight')).map((s) => [s.value, s.flags & FLAG_OFFSET_ASSUMED])).toEqual([[71, FLAG_OFFSET_ASSUMED]]);
  });
});

describe('Health Connect: a newer schema', () => {
  it('is read by the columns it has; a table that lacks one it reads is named and left out, the rest imported', async () => {
    const d = db();
    const spec = sampleSpec();
    spec.version = HC_KNOWN_DB_VERSION + 2;
    spec.sql = ['ALTER TABLE weight_record_table DROP COLUMN weight'];
    const r = await importText(d, u8(await healthConnectZip(spec)), ZIP);
    expect(r.rejected).toEqual([{ where: 'health_connect_export.db weight_record_table', reason: 'table lacks column weight; not read' }]);
    expect(await samples(d, 'body_weight')).toEqual([]);
    expect((await samples(d, 'heart_rate')).length).toBeGreaterThan(0);
  });
});

describe('Health Connect: bad input is refused with its place, and the store is unchanged', () => {
  it('an application table without the columns that name the apps', async () => {
    const d = db();
    const spec = sampleSpec();
    spec.sql = ['ALTER TABLE application_info_table DROP COLUMN app_name'];
    await expect(importText(d, u8(await healthConnectZip(spec)), ZIP)).rejects.toMatchObject({
      code: 'MALFORMED',
      where: 'health_connect_export.db application_info_table',
      message: expect.stringContaining('application_info_table lacks app_name'),
    });
    expect(await counts(d)).toEqual([0, 0, 0]);
  });

  it('a truncated database', async () => {
    const d = db();
    const full = await healthConnectDb(sampleSpec());
    const cut = full.slice(0, Math.floor(full.length / 2));
    await expect(importText(d, u8(zipDb(cut)), ZIP)).rejects.toMatchObject({
      code: 'TRUNCATED',
      where: `health_connect_export.db byte ${cut.length}`,
      message: expect.stringContaining('is cut short'),
    });
    expect(await counts(d)).toEqual([0, 0, 0]);
  });

  it('a corrupt database (pages overwritten)', async () => {
    const d = db();
    const bad = await healthConnectDb(sampleSpec());
    // Keep the 100-byte header, scramble the rest.
    for (let i = 100; i < bad.length; i++) bad[i] = (i * 37) & 0xff;
    await expect(importText(d, u8(zipDb(bad)), ZIP)).rejects.toMatchObject({
      code: 'MALFORMED',
      where: 'health_connect_export.db',
      message: expect.stringMatching(/health_connect_export\.db is damaged: .*(malformed|not a database)/),
    });
    expect(await counts(d)).toEqual([0, 0, 0]);
  });

  it('a damaged table names the table being read', async () => {
    const d = db();
    const bytes = await healthConnectDb(sampleSpec());
    const { default: initSqlJs } = await import('sql.js');
    const SQL = await initSqlJs();
    const probe = new SQL.Database(bytes);
    const root = Number(probe.exec("SELECT rootpage FROM sqlite_master WHERE name = 'weight_record_table'")[0]!.values[0]![0]);
    const pageSize = Number(probe.exec('PRAGMA page_size')[0]!.values[0]![0]);
    probe.close();
    // Overwrite the table's root page with bytes that are no b-tree page.
    bytes.fill(0xee, (root - 1) * pageSize, root * pageSize);
    await expect(importText(d, u8(zipDb(bytes)), ZIP)).rejects.toMatchObject({
      code: 'MALFORMED',
      where: 'health_connect_export.db weight_record_table',
      message: expect.stringContaining('health_connect_export.db is damaged:'),
    });
    expect(await counts(d)).toEqual([0, 0, 0]);
  });

  it('a database larger than the limit is refused before it is opened', async () => {
    const d = db();
    const saved = HC_LIMITS.maxDbBytes;
    HC_LIMITS.maxDbBytes = 64 * 1024;
    try {
      await expect(importText(d, u8(await sampleExport()), ZIP)).rejects.toMatchObject({
        code: 'TOO_LARGE',
        where: 'health_connect_export.db',
      });
    } finally {
      HC_LIMITS.maxDbBytes = saved;
    }
    expect(await counts(d)).toEqual([0, 0, 0]);
  });

  it('a file of that name that is no SQLite database', async () => {
    const d = db();
    await expect(importText(d, u8(zipDb(strToU8('hello'))), ZIP)).rejects.toMatchObject({
      code: 'MALFORMED',
      message: expect.stringContaining('health_connect_export.db is not an SQLite database'),
    });
  });

  it('an SQLite database that is not Health Connect’s', async () => {
    const d = db();
    const { default: initSqlJs } = await import('sql.js');
    const SQL = await initSqlJs();
    const other = new SQL.Database();
    other.exec('CREATE TABLE notes (t TEXT)');
    const bytes = other.export();
    other.close();
    await expect(importText(d, u8(zipDb(bytes)), ZIP)).rejects.toMatchObject({
      code: 'MALFORMED',
      message: expect.stringContaining('not Health Connect’s'.replace('’', "'")),
    });
  });

  it('a Health Connect zip without its database says which file is missing', async () => {
    const d = db();
    const z = zipSync({ 'readme.txt': strToU8('hello') });
    await expect(importText(d, u8(z), ZIP)).rejects.toMatchObject({
      code: 'NO_DATA',
      message:
        'The zip archive holds no file Doppel can read (1 file: "readme.txt"); a Health Connect export holds health_connect_export.db, which this zip lacks: export it again from Health Connect',
    });
    // Another zip of no export keeps the general message.
    await expect(importText(d, u8(z), 'other.zip')).rejects.toMatchObject({
      message: 'The zip archive holds no file Doppel can read (1 file: "readme.txt")',
    });
    expect(await counts(d)).toEqual([0, 0, 0]);
  });
});
