import { describe, expect, it } from 'vitest';
import { readSamples } from '../../../src/data/samples.ts';
import { useFreshDbs } from '../data/helpers.ts';
import { importText } from './helpers.ts';

/**
 * Every format's dates go through one set of rules (models/util/time.ts): no hour past 24:00:00, a
 * year from 1900 to 2100 (never 0099 read as 1999), offsets within ±14:00. A record with such a date
 * is rejected with its location and the reason.
 */
const db = useFreshDbs();

describe('import formats reject impossible date-times with a reason', () => {
  it("Doppel's CSV", async () => {
    const d = db();
    const r = await importText(
      d,
      [
        'time,metric,value,unit',
        '2024-05-01T24:30:00+02:00,body_weight,80,kg',
        '0099-05-01T07:00:00+02:00,body_weight,80,kg',
        '2024-05-01T07:00:00+15:00,body_weight,80,kg',
        '2024-05-01T24:00:00+02:00,body_weight,81,kg',
        '2024-05-01T07:00:00+14:00,body_weight,82,kg',
      ].join('\n'),
      'doppel.csv',
    );
    expect(r.rejected).toEqual([
      { where: 'line 2', reason: 'time "2024-05-01T24:30:00+02:00": hour 24 is only 24:00:00 (the end of the day), not 24:30:00' },
      { where: 'line 3', reason: 'time "0099-05-01T07:00:00+02:00": year 0099 is outside 1900-2100' },
      { where: 'line 4', reason: 'time "2024-05-01T07:00:00+15:00": offset +15:00 is beyond ±14:00' },
    ]);
    const w = await readSamples(d, 'body_weight');
    expect([...w.start].map((t) => new Date(t).toISOString()).sort()).toEqual(['2024-04-30T17:00:00.000Z', '2024-05-01T22:00:00.000Z']);
  });

  it('Apple Health XML', async () => {
    const d = db();
    const rec = (start: string) =>
      ` <Record type="HKQuantityTypeIdentifierBodyMass" sourceName="Scale" unit="kg" startDate="${start}" endDate="${start}" value="80"/>`;
    const r = await importText(
      d,
      `<?xml version="1.0"?>\n<HealthData locale="en_US">\n${[
        rec('2024-01-09 24:30:00 +0100'),
        rec('0099-01-09 10:00:00 +0100'),
        rec('2024-01-09 10:00:00 +1430'),
        rec('2024-01-09 10:00:00 +0100'),
      ].join('\n')}\n</HealthData>\n`,
      'export.xml',
    );
    expect(r.rejected).toEqual([
      {
        where: 'line 3',
        reason: 'body_weight: startDate "2024-01-09 24:30:00 +0100": hour 24 is only 24:00:00 (the end of the day), not 24:30:00',
      },
      { where: 'line 4', reason: 'body_weight: startDate "0099-01-09 10:00:00 +0100": year 0099 is outside 1900-2100' },
      { where: 'line 5', reason: 'body_weight: startDate "2024-01-09 10:00:00 +1430": offset +14:30 is beyond ±14:00' },
    ]);
    expect(r.added).toBe(1);
  });

  it('LibreView (its own day order) and Fitbit (MM/DD/YY) share the rules', async () => {
    const d = db();
    const header =
      'Device,Serial Number,Device Timestamp,Record Type,Historic Glucose mg/dL,Scan Glucose mg/dL,Non-numeric Rapid-Acting Insulin,Rapid-Acting Insulin (units),Non-numeric Food,Carbohydrates (grams),Carbohydrates (servings),Non-numeric Long-Acting Insulin,Long-Acting Insulin Value (units),Notes,Strip Glucose mg/dL,Ketone mmol/L,Meal Insulin (units),Correction Insulin (units),User Change Insulin (units)';
    const row = (time: string) => ['FreeStyle Libre 3', 'ABC', time, '0', '101', ...Array(14).fill('')].join(',');
    const libre = await importText(
      d,
      [
        'Glucose Data,Generated on,13-01-2024',
        header,
        row('13-01-2024 24:30'),
        row('13-01-2024 08:60'),
        row('13-01-0099 08:00'),
        row('13-01-2024 08:00'),
      ].join('\n'),
      'libre.csv',
    );
    expect(libre.rejected).toEqual([
      { where: 'line 3', reason: 'timestamp "13-01-2024 24:30" is not a DD-MM-YYYY date' },
      { where: 'line 4', reason: 'timestamp "13-01-2024 08:60" is not a DD-MM-YYYY date' },
      { where: 'line 5', reason: 'timestamp "13-01-0099 08:00" is not a DD-MM-YYYY date' },
    ]);
    expect(libre.added).toBe(1);
    const fitbit = await importText(
      d,
      JSON.stringify([
        { dateTime: '01/13/24 24:30:00', value: { bpm: 70, confidence: 2 } },
        { dateTime: '01/13/24 08:60:00', value: { bpm: 70, confidence: 2 } },
        { dateTime: '01/13/24 08:00:00', value: { bpm: 71, confidence: 2 } },
      ]),
      'heart_rate-2024-01-13.json',
    );
    expect(fitbit.rejected).toEqual([
      { where: 'entry 1', reason: 'dateTime "01/13/24 24:30:00" is not a date' },
      { where: 'entry 2', reason: 'dateTime "01/13/24 08:60:00" is not a date' },
    ]);
    expect(fitbit.added).toBe(1);
  });

  it('Samsung Health: a time_offset beyond ±14:00', async () => {
    const d = db();
    const r = await importText(
      d,
      'com.samsung.health.weight,6313004,5\nstart_time,weight,time_offset\n2024-01-02 05:00:00.000,81.5,UTC+1500\n2024-01-03 05:00:00.000,81.4,UTC+1400\n',
      'com.samsung.health.weight.20240105.csv',
    );
    expect(r.rejected).toEqual([{ where: 'line 3', reason: 'time_offset "UTC+1500" is beyond ±14:00' }]);
    expect(r.added).toBe(1);
  });
});
