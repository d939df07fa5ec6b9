import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSamples } from '../../../src/data/samples.ts';
import { FLAG_CENSORED } from '../../../models/samples.ts';
import { FIXTURES, hasShared, importFile, importText, report, SHARED } from './helpers.ts';
import { useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();
const cgm = (name: string): string => join(FIXTURES, 'real/cgm', name);
const local = (wall: string): number => new Date(wall).getTime(); // a time without offset, in this machine's zone

describe('Dexcom Clarity CSV', () => {
  it('real G6 export (old layout, BOM, alert and patient rows): 2,148 EGVs', async () => {
    const d = db();
    const r = await importFile(d, cgm('cgmquantify_test_file_dexcom-g6-clarity.csv'));
    expect(r).toMatchObject({ format: 'dexcom-clarity-csv', added: 2148, rejected: [] });
    expect(r.ignored).toMatchObject({ 'Dexcom Alert': 7 });
    const s = await readSamples(d, 'cgm_glucose');
    expect(s.start[0]).toBe(local('2016-10-24T11:24:17'));
    expect(s.value[0]).toBe(103);
    expect((await report(d)).profile).toEqual({ birthDate: '1970-01-01' });
  });

  it('new layout in mmol/L with Low/High, re-saved timestamps and a calibration', async () => {
    const d = db();
    const head =
      'Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,Device Info,Source Device ID,Glucose Value (mmol/L),Insulin Value (u),Carb Value (grams),Duration (hh:mm:ss),Glucose Rate of Change (mmol/L/min),Transmitter Time (Long Integer),Transmitter ID';
    const rows = [
      '1,2025-05-01T00:01:47,EGV,,,,Android G7,5.5,,,,,123,8XYZ',
      '2,2025-05-01 0:06:47,EGV,,,,Android G7,Low,,,,,124,8XYZ',
      '3,2025-05-01T00:11:47,EGV,,,,Android G7,High,,,,,125,8XYZ',
      '4,2025-05-01T00:16:47,Calibration,,,,Android G7,6.1,,,,,126,8XYZ',
      '5,2025-05-01T00:21:47,EGV,,,,Android G7,oops,,,,,127,8XYZ',
    ];
    const r = await importText(d, [head, ...rows].join('\r\n'), 'clarity.csv');
    expect(r.rejected).toEqual([{ where: 'line 6', reason: 'glucose "oops" is not a number' }]);
    const s = await readSamples(d, 'cgm_glucose');
    expect([...s.value].map((v) => Math.round(v * 10) / 10)).toEqual([99.1, 40, 400]);
    expect([...s.flags]).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(s.flags[1]! & FLAG_CENSORED).toBe(FLAG_CENSORED);
    expect(s.flags[0]! & FLAG_CENSORED).toBe(0);
    expect(s.start[1]).toBe(local('2025-05-01T00:06:47'));
    expect((await readSamples(d, 'blood_glucose')).value[0]).toBeCloseTo(6.1 * 18.016, 9);
  });
});

describe('LibreView CSV', () => {
  it('real mmol/L export (metadata line, DD-MM dates, record types 0/1/5/6)', async () => {
    const d = db();
    const r = await importFile(d, cgm('glyco_sample_glucose_libreview_mmol.csv'));
    expect(r).toMatchObject({ format: 'libreview-csv', rejected: [] });
    expect(r.ignored).toMatchObject({ 'LibreView record type 5': 16, 'LibreView record type 6': 749 });
    expect(r.added + r.duplicates).toBe(8372 + 1962);
    const s = await readSamples(d, 'cgm_glucose');
    expect(s.start[0]).toBe(local('2019-12-05T16:25:00'));
    expect(s.value[0]).toBeCloseTo(6.3 * 18.016, 9);
  });

  const header =
    'Device,Serial Number,Device Timestamp,Record Type,Historic Glucose mg/dL,Scan Glucose mg/dL,Non-numeric Rapid-Acting Insulin,Rapid-Acting Insulin (units),Non-numeric Food,Carbohydrates (grams),Carbohydrates (servings),Non-numeric Long-Acting Insulin,Long-Acting Insulin Value (units),Notes,Strip Glucose mg/dL,Ketone mmol/L,Meal Insulin (units),Correction Insulin (units),User Change Insulin (units)';
  const row = (time: string, type: string, historic = '', scan = '', strip = ''): string =>
    ['FreeStyle Libre 3', 'ABC', time, type, historic, scan, '', '', '', '', '', '', '', '', strip, '', '', '', ''].join(',');

  it('US mg/dL export: the first unambiguous date decides MM-DD, earlier rows included', async () => {
    const d = db();
    const text = [
      'Patient report',
      'Generated on,01/02/2024',
      header,
      row('01-02-2024 08:00', '0', '101'),
      row('01-13-2024 08:00', '1', '', '150'),
      row('01-14-2024 09:00', '2', '', '', '98'),
    ].join('\n');
    const r = await importText(d, text, 'libre.csv');
    expect(r.rejected).toEqual([]);
    const s = await readSamples(d, 'cgm_glucose');
    expect([...s.start]).toEqual([local('2024-01-02T08:00:00'), local('2024-01-13T08:00:00')]);
    expect([...s.value]).toEqual([101, 150]);
    expect((await readSamples(d, 'blood_glucose')).value[0]).toBe(98);
  });

  it('EU export: 13-01 reads as 13 January; a date impossible in that order is rejected with its line', async () => {
    const d = db();
    const text = [
      header,
      row('02-01-2024 08:00', '0', '101'),
      row('13-01-2024 08:00', '0', '102'),
      row('01-13-2024 08:00', '0', '103'),
    ].join('\n');
    const r = await importText(d, text, 'libre.csv');
    expect(r.rejected).toEqual([{ where: 'line 4', reason: 'timestamp "01-13-2024 08:00" is not a DD-MM-YYYY date' }]);
    expect([...(await readSamples(d, 'cgm_glucose')).start]).toEqual([local('2024-01-02T08:00:00'), local('2024-01-13T08:00:00')]);
  });
});

describe('Nightscout entries JSON', () => {
  it('string and number sgv, device codes below 40 skipped, offsets from dateString or utcOffset', async () => {
    const d = db();
    const entries = [
      { type: 'sgv', sgv: '120', date: 1405792155000, dateString: '2014-07-19T10:49:15.000-07:00', device: 'dexcom' },
      { type: 'sgv', sgv: 5, date: 1405791855000, dateString: '2014-07-19T10:44:15.000-07:00', device: 'dexcom' },
      { type: 'sgv', sgv: 131, date: 1405791555000, utcOffset: 120, device: 'xDrip' },
      { type: 'mbg', mbg: 140, date: 1405791255000, dateString: '2014-07-19T10:34:15-07:00' },
      { type: 'cal', slope: 1000, date: 1405791000000 },
    ];
    const r = await importText(d, JSON.stringify(entries), 'entries.json');
    expect(r.format).toBe('nightscout-json');
    expect(r.ignored).toEqual({ 'Nightscout sgv device code (below 40, not glucose)': 1, 'Nightscout cal': 1 });
    const s = await readSamples(d, 'cgm_glucose');
    expect([...s.value]).toEqual([131, 120]);
    expect([...s.offsetMin]).toEqual([120, -420]);
    expect((await readSamples(d, 'blood_glucose')).value[0]).toBe(140);
  });

  it.skipIf(!hasShared)(
    'the real Nightscout example (AGPL, read in place from ../shared): 18 glucose values, 12 device codes',
    async () => {
      const d = db();
      const r = await importFile(d, join(SHARED, 'cgm/nightscout/cgm-remote-monitor_example_entries.json'));
      expect(r).toMatchObject({ added: 18, ignored: { 'Nightscout sgv device code (below 40, not glucose)': 12 } });
    },
  );
});
