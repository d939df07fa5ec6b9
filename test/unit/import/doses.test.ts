/** Carbohydrate and insulin records from CGM exports: kept apart from the canonical metrics for the glucose forecaster. */
import { describe, expect, it } from 'vitest';
import { readDoses } from '../../../src/data/doses.ts';
import { undoImport } from '../../../src/data/imports.ts';
import { exportWorkspace } from '../../../src/data/export.ts';
import { countSamples } from '../../../src/data/samples.ts';
import { useFreshDbs } from '../data/helpers.ts';
import { importText } from './helpers.ts';

const db = useFreshDbs();
const local = (wall: string): number => new Date(wall).getTime();

const DEXCOM_HEAD =
  'Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,Device Info,Source Device ID,Glucose Value (mg/dL),Insulin Value (u),Carb Value (grams),Duration (hh:mm:ss),Glucose Rate of Change (mg/dL/min)';
const dexcom = (rows: string[]): string => [DEXCOM_HEAD, ...rows].join('\n');

describe('dose records', () => {
  it('Dexcom Clarity: Carbs and fast-acting Insulin rows are kept; long-acting and implausible ones are not; all stay counted as ignored', async () => {
    const d = db();
    const r = await importText(
      d,
      dexcom([
        '1,2025-05-01T08:00:00,EGV,,,,G7,110,,,,',
        '2,2025-05-01T08:05:00,Carbs,,,,G7,,,45,,',
        '3,2025-05-01T08:06:00,Insulin,Fast-Acting,,,G7,,4.5,,,',
        '4,2025-05-01T22:00:00,Insulin,Long-Acting,,,G7,,20,,,',
        '5,2025-05-01T12:00:00,Carbs,,,,G7,,,9000,,',
        '6,2025-05-01T12:30:00,Carbs,,,,G7,,,abc,,',
        '7,2025-05-01T12:40:00,Carbs,,,,Other phone,,,-5,,',
      ]),
      'clarity.csv',
    );
    expect(r).toMatchObject({ added: 1, rejected: [], ignored: { 'Dexcom Carbs': 4, 'Dexcom Insulin': 2 }, doses: 2 });
    // A record not kept adds no device to the source list.
    expect((await d.sources.toArray()).map((x) => x.model)).toEqual(['G7']);
    expect(await countSamples(d)).toEqual({ cgm_glucose: 1 });
    expect((await readDoses(d, 'carbs')).map((x) => [x.t, x.amount])).toEqual([[local('2025-05-01T08:05:00'), 45]]);
    expect((await readDoses(d, 'insulin')).map((x) => [x.t, x.amount])).toEqual([[local('2025-05-01T08:06:00'), 4.5]]);
  });

  it('LibreView: record type 5 carbohydrate grams and type 4 rapid-acting units', async () => {
    const d = db();
    const head =
      'Device,Serial Number,Device Timestamp,Record Type,Historic Glucose mg/dL,Scan Glucose mg/dL,Non-numeric Rapid-Acting Insulin,Rapid-Acting Insulin (units),Non-numeric Food,Carbohydrates (grams),Carbohydrates (servings),Non-numeric Long-Acting Insulin,Long-Acting Insulin Value (units),Notes,Strip Glucose mg/dL,Ketone mmol/L,Meal Insulin (units),Correction Insulin (units),User Change Insulin (units)';
    const row = (time: string, type: string, rapid = '', carbs = '', long = ''): string =>
      [
        'FreeStyle Libre 3',
        'ABC',
        time,
        type,
        type === '0' ? '101' : '',
        '',
        '',
        rapid,
        '',
        carbs,
        '',
        '',
        long,
        '',
        '',
        '',
        '',
        '',
        '',
      ].join(',');
    const r = await importText(
      d,
      [
        head,
        row('13-01-2024 08:00', '0'),
        row('13-01-2024 08:10', '5', '', '60'),
        row('13-01-2024 08:12', '4', '6'),
        row('13-01-2024 22:00', '4', '', '', '18'),
      ].join('\n'),
      'libre.csv',
    );
    expect(r).toMatchObject({ added: 1, rejected: [], doses: 2, ignored: { 'LibreView record type 5': 1, 'LibreView record type 4': 2 } });
    expect((await readDoses(d, 'carbs')).map((x) => [x.t, x.amount])).toEqual([[local('2024-01-13T08:10:00'), 60]]);
    expect((await readDoses(d, 'insulin')).map((x) => [x.t, x.amount])).toEqual([[local('2024-01-13T08:12:00'), 6]]);
  });

  it('the same record twice is one; undoing one import keeps a record another import also holds', async () => {
    const d = db();
    const a = await importText(
      d,
      dexcom(['1,2025-05-01T08:05:00,Carbs,,,,G7,,,45,,', '2,2025-05-01T13:00:00,Carbs,,,,G7,,,70,,']),
      'a.csv',
    );
    const b = await importText(
      d,
      dexcom(['1,2025-05-01T13:00:00,Carbs,,,,G7,,,70,,', '2,2025-05-01T19:00:00,Carbs,,,,G7,,,80,,']),
      'b.csv',
    );
    expect([a.doses, b.doses]).toEqual([2, 1]);
    expect((await readDoses(d, 'carbs')).map((x) => x.amount)).toEqual([45, 70, 80]);
    await undoImport(d, a.importId);
    expect((await readDoses(d, 'carbs')).map((x) => x.amount)).toEqual([70, 80]);
    // Part of "export everything".
    const doc = JSON.parse(await (await exportWorkspace(d, 'json')).blob.text());
    expect(doc.doses.map((x: { amount: number }) => x.amount).sort()).toEqual([70, 80]);
    await undoImport(d, b.importId);
    expect(await readDoses(d, 'carbs')).toEqual([]);
  });
});
