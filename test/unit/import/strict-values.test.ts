import { describe, expect, it } from 'vitest';
import { decimal } from '../../../models/util/number.ts';
import { importText } from './helpers.ts';
import { useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();

/**
 * Numbers in every importer are decimal numbers only: no hex ("0x50" was stored as 80 kg), binary or
 * octal prefixes, no "Infinity", no empty text as 0. Years are four digits from 1900: "0099" is
 * refused (it was stored as 1999) in every format's date path.
 */
const BAD = ['0x50', '0b1010000', '0o120', 'Infinity', '-Infinity', '1e999', ' ', '80kg', '8 0', '0x1p4'];

describe('decimal', () => {
  it.each(['80', '80.5', '+80', '-3.5', '.5', '5.', '8e1', '1.5E-3', ' 80 '])('reads %j', (s) => {
    expect(decimal(s)).toBe(Number(s));
  });
  it.each([...BAD, '', 'NaN', '١٢', '80,5', `1${'0'.repeat(400)}`])('refuses %j', (s) => {
    expect(decimal(s)).toBeNaN();
  });
});

const appleRec = (value: string, start = '2024-01-09 12:30:00 +0100'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n <Record type="HKQuantityTypeIdentifierBodyMass" sourceName="W" unit="kg" startDate="${start}" endDate="${start}" value="${value}"/>\n</HealthData>\n`;
const generic = (value: string, time = '2024-05-01T07:30:00+02:00'): string => `time,metric,value,unit\n${time},body_weight,${value},kg\n`;
const samsung = (weight: string): string =>
  `com.samsung.health.weight,6313004,5\nupdate_time,create_time,start_time,weight,height,body_fat,time_offset,deviceuuid\n2024-01-02 05:00:00.000,x,2024-01-02 05:00:00.000,${weight},,,UTC+0300,abc\n`;
const withings = (weight: string): string => `Date,"Weight (kg)","Fat mass (kg)",Comments\n"2020-01-05 07:10:00",${weight},,\n`;
const garmin = (steps: string): string => `\uFEFF,Actual,Goal\n07/27/2025,${steps},10000\n`;
const nightscout = (sgv: string): string =>
  JSON.stringify([{ type: 'sgv', sgv, date: 1405792155000, dateString: '2014-07-19T10:49:15.000-07:00' }]);
const fitbit = (steps: string): string => JSON.stringify([{ dateTime: '03/21/24 08:00:00', value: steps }]);
const dexcom = (glucose: string): string =>
  `Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,Device Info,Source Device ID,Glucose Value (mg/dL)\n1,2024-03-01T08:00:00,EGV,,,,G6,${glucose}\n`;
const libreHeader =
  'Device,Serial Number,Device Timestamp,Record Type,Historic Glucose mg/dL,Scan Glucose mg/dL,Non-numeric Rapid-Acting Insulin,Rapid-Acting Insulin (units),Non-numeric Food,Carbohydrates (grams),Carbohydrates (servings),Non-numeric Long-Acting Insulin,Long-Acting Insulin Value (units),Notes,Strip Glucose mg/dL,Ketone mmol/L,Meal Insulin (units),Correction Insulin (units),User Change Insulin (units)';
const libreview = (glucose: string): string =>
  `Patient report\nGenerated on,01/02/2024\n${libreHeader}\nFreeStyle Libre 3,ABC,01-13-2024 08:00,0,${glucose},,,,,,,,,,,,,,\n`;
const fhirObs = (effective: string): string =>
  JSON.stringify({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
    effectiveDateTime: effective,
    valueQuantity: { value: 80, unit: 'kg' },
  });

describe('no importer reads a number that is not decimal', () => {
  const formats: [string, (v: string) => string, string][] = [
    ['Apple Health XML', appleRec, 'export.xml'],
    ['generic CSV', generic, 'weights.csv'],
    ['Samsung Health CSV', samsung, 'com.samsung.health.weight.20240105.csv'],
    ['Withings CSV', withings, 'weight.csv'],
    ['Garmin CSV', garmin, 'Steps.csv'],
    ['Nightscout JSON', nightscout, 'entries.json'],
    ['Fitbit JSON', fitbit, 'steps-2024-03-21.json'],
    ['Dexcom Clarity CSV', dexcom, 'clarity.csv'],
    ['LibreView CSV', libreview, 'libre.csv'],
  ];
  it.each(formats)(
    '%s: the good value is read, hex and other non-decimal text is rejected, nothing stored of it',
    async (_, make, name) => {
      const good = await importText(db(), make('80'), name);
      expect(good).toMatchObject({ added: 1, rejected: [] });
      for (const v of BAD) {
        const d = db();
        const r = await importText(d, make(v), name).catch((e: unknown) => e);
        if (r instanceof Error) expect(r).toMatchObject({ name: 'ImportError' });
        else expect(r, `${name} ${v}`).toMatchObject({ added: 0, rejected: [expect.anything()] });
        expect(await d.sampleChunks.count(), `${name} ${v}`).toBe(0);
      }
    },
  );
});

describe('a year before 1900 ("0099") is refused in every date path', () => {
  it.each([
    ['Apple Health XML', appleRec('80', '0099-01-09 12:30:00 +0100'), 'export.xml'],
    ['generic CSV', generic('80', '0099-05-01T07:30:00+02:00'), 'weights.csv'],
    ['FHIR Observation', fhirObs('0099-03-01T09:00:00Z'), 'obs.json'],
    ['FHIR NDJSON', `${fhirObs('0099-03-02T09:00:00Z')}\n${fhirObs('0099-03-01T09:00:00Z')}\n`, 'Observation.ndjson'],
    ['Withings CSV', withings('80').replace('2020-01-05', '0099-01-05'), 'weight.csv'],
    ['Garmin CSV', garmin('80').replace('07/27/2025', '07/27/0099'), 'Steps.csv'],
    ['Dexcom Clarity CSV', dexcom('100').replace('2024-03-01', '0099-03-01'), 'clarity.csv'],
    ['Samsung Health CSV', samsung('80').replaceAll('2024-01-02', '0099-01-02'), 'com.samsung.health.weight.20240105.csv'],
    [
      'Samsung Health day summary (day_time in epoch ms)',
      `com.samsung.shealth.step_daily_trend,6313004,5\nday_time,count,source_type\n${Date.parse('0099-01-02T00:00:00Z')},5000,-2\n`,
      'com.samsung.shealth.step_daily_trend.20240105.csv',
    ],
    [
      'Nightscout JSON',
      JSON.stringify([
        { type: 'sgv', sgv: 120, date: Date.parse('0099-07-19T17:49:15.000Z'), dateString: '0099-07-19T10:49:15.000-07:00' },
      ]),
      'entries.json',
    ],
  ])('%s', async (_, text, name) => {
    const d = db();
    const r = await importText(d, text, name).catch((e: unknown) => e);
    if (r instanceof Error) expect(r).toMatchObject({ name: 'ImportError' });
    else expect(r).toMatchObject({ added: 0 });
    expect(await d.sampleChunks.count()).toBe(0);
  });

  it('a FHIR Patient born in 0099 sets no birth date', async () => {
    const d = db();
    const patient = { resourceType: 'Patient', birthDate: '0099-01-01', gender: 'male' };
    const r = await importText(
      d,
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: patient }, { resource: JSON.parse(fhirObs('2024-03-01T09:00:00Z')) }],
      }),
      'b.json',
    );
    expect(JSON.stringify(r.profile ?? [])).not.toContain('0099');
    expect(JSON.stringify(await d.table('profile').toArray())).not.toContain('0099');
    expect(JSON.stringify(await d.table('profile').toArray())).not.toContain('1999');
  });
});
