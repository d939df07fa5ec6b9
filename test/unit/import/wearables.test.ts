import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSamples } from '../../../src/data/samples.ts';
import { FIXTURES, hasShared, importFile, importText, report, SHARED } from './helpers.ts';
import { useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();
const local = (wall: string): number => new Date(wall).getTime();
const U = (p: string): string => join(SHARED, '_unlicensed', p);

describe('Fitbit JSON', () => {
  it('heart rate, resting heart rate (0 = no estimate), minute steps by file name, height in mm', async () => {
    const d = db();
    await importText(
      d,
      JSON.stringify([{ dateTime: '05/21/18 14:24:59', value: { bpm: 70, confidence: 0 } }]),
      'heart_rate-2018-05-21.json',
    );
    const rhr = await importText(
      d,
      JSON.stringify([
        { dateTime: '05/16/19 00:00:00', value: { date: null, value: 0.0, error: 0.0 } },
        { dateTime: '05/17/19 00:00:00', value: { date: '05/17/19', value: 58.4, error: 6.7 } },
      ]),
      'resting_heart_rate-2019-05-16.json',
    );
    expect(rhr.ignored).toEqual({ 'Fitbit resting heart rate 0 (no estimate that day)': 1 });
    await importText(
      d,
      JSON.stringify([
        { dateTime: '11/07/17 06:53:00', value: '168' },
        { dateTime: '11/07/17 06:54:00', value: '0' },
      ]),
      'steps-2017-11-07.json',
    );
    await importText(d, JSON.stringify([{ dateTime: '05/18/15 00:00:00', value: '1770' }]), 'height-2015-05-17.json');
    const cal = await importText(d, JSON.stringify([{ dateTime: '05/18/15 00:00:00', value: '1.2' }]), 'calories-2015-05-17.json');
    expect(cal.ignored).toEqual({ 'Fitbit calories': 1 });
    expect((await readSamples(d, 'heart_rate')).start[0]).toBe(local('2018-05-21T14:24:59'));
    expect([...(await readSamples(d, 'resting_heart_rate')).value]).toEqual([58.4]);
    const steps = await readSamples(d, 'steps');
    expect([...steps.value]).toEqual([168]);
    expect(steps.end[0]! - steps.start[0]!).toBe(60_000);
    expect((await readSamples(d, 'height')).value[0]).toBe(177);
  });

  it('weight: pounds or kilograms told apart by weight / BMI; fat percentage kept', async () => {
    const d = db();
    await importText(
      d,
      JSON.stringify([{ logId: 1, weight: 191.8, bmi: 27.77, date: '05/18/15', time: '23:59:59' }]),
      'weight-2015-05-17.json',
    );
    await importText(
      d,
      JSON.stringify([{ logId: 2, weight: 87.5, bmi: 27.9, fat: 25.1, date: '06/18/15', time: '07:00:00', source: 'Aria' }]),
      'weight-2015-06-17.json',
    );
    const w = await readSamples(d, 'body_weight');
    expect([...w.value].map((v) => Math.round(v * 100) / 100)).toEqual([87, 87.5]);
    expect((await readSamples(d, 'body_fat_percentage')).value[0]).toBe(25.1);
    expect((await d.sources.toArray()).map((s) => s.name).sort()).toEqual(['Fitbit', 'Fitbit Aria']);
  });

  it('sleep logs with minutes asleep over the night', async () => {
    const d = db();
    await importText(
      d,
      JSON.stringify([
        {
          logId: 9,
          dateOfSleep: '2015-09-14',
          startTime: '2015-09-14T01:18:00.000',
          endTime: '2015-09-14T07:47:00.000',
          minutesAsleep: 363,
          type: 'classic',
        },
      ]),
      'sleep-2015-09-14.json',
    );
    const s = await readSamples(d, 'sleep');
    expect([s.start[0], s.end[0], s.value[0]]).toEqual([local('2015-09-14T01:18:00'), local('2015-09-14T07:47:00'), 363]);
  });

  it.skipIf(!hasShared)('real user-site-export and Takeout files (read in place from ../shared)', async () => {
    const d = db();
    for (const f of [
      'user-site-export/weight-2015-05-17.json',
      'user-site-export/heart_rate-2018-05-22.json',
      'user-site-export/sleep-2015-08-15.json',
      'google-takeout/weight-2024-03-21.json',
    ]) {
      const r = await importFile(d, U(`fitbit/${f}`));
      expect(r.rejected, f).toEqual([]);
    }
    const rep = await report(d);
    expect(rep.metrics.body_weight!.count).toBe(5);
    expect(rep.metrics.body_weight!.min).toBeCloseTo(87, 2); // 191.8 lb
    expect(rep.metrics.sleep!.count).toBe(25);
  });
});

describe('Withings, Garmin, Google Fit, Samsung Health CSVs', () => {
  it('Withings English weight with fat mass, and blood pressure', async () => {
    const d = db();
    await importText(
      d,
      'Date,"Weight (kg)","Fat mass (kg)","Bone mass (kg)","Muscle mass (kg)","Hydration (kg)",Comments\n"2020-01-05 07:10:00",80.00,20.00,,,,\n',
      'weight.csv',
    );
    await importText(d, 'Date,"Heart rate",Systolic,Diastolic,Comments\n"2020-01-05 07:20:00",66,128,84,\n', 'bp.csv');
    expect((await readSamples(d, 'body_fat_percentage')).value[0]).toBe(25);
    expect((await readSamples(d, 'systolic_bp')).value[0]).toBe(128);
    expect((await readSamples(d, 'diastolic_bp')).start[0]).toBe(local('2020-01-05T07:20:00'));
  });

  it.skipIf(!hasShared)('Withings German export (read in place): weight, sleep with offsets, daily steps by file name', async () => {
    const d = db();
    for (const f of ['weight.csv', 'bp.csv', 'sleep.csv', 'aggregates_steps.csv'])
      expect((await importFile(d, U(`withings-healthmate-de/${f}`))).rejected, f).toEqual([]);
    const rep = await report(d);
    expect(rep.metrics.body_weight!.count).toBe(3);
    expect(rep.metrics.sleep!.first).toBe('2019-12-29T00:26:00+01:00');
    expect(rep.daily.steps!['2020-03-21']).toBe(5563);
  });

  it('Garmin Connect daily steps and calories', async () => {
    const d = db();
    const steps = await importText(d, '\uFEFF,Actual,Goal\n07/27/2025,3724,10000\n07/28/2025,7930,10000\n13/40/2025,1,1\n', 'Steps.csv');
    expect(steps.rejected).toEqual([{ where: 'line 4', reason: 'date "13/40/2025" is not MM/DD/YYYY' }]);
    const cal = await importText(d, '\uFEFF,Active Calories,Resting Calories,Total\n06/01/2025,206,1633,1839\n', 'Calories.csv');
    expect(cal.format).toBe('garmin-csv');
    const rep = await report(d);
    expect(rep.daily.steps).toEqual({ '2025-07-27': 3724, '2025-07-28': 7930 });
    expect(rep.daily.active_energy).toEqual({ '2025-06-01': 206 });
  });

  it.skipIf(!hasShared)('Garmin real report CSVs (read in place)', async () => {
    const d = db();
    expect((await importFile(d, U('garmin-connect/Steps.csv'))).rejected).toEqual([]);
    expect((await report(d)).daily.steps!['2025-07-27']).toBe(3724);
  });

  it('Google Fit daily metrics (the real Takeout summary): steps per day and average weight', async () => {
    const d = db();
    const r = await importFile(d, join(FIXTURES, 'real/google-fit/kaustubhgupta_Daily activity metrics.csv'));
    expect(r).toMatchObject({ format: 'google-fit-csv', rejected: [] });
    const rep = await report(d);
    expect(rep.metrics.body_weight).toMatchObject({ count: 21, min: 68.5, max: 72 });
    expect(rep.daily.steps!['2018-04-03']).toBe(1627);
  });

  it('Google Fit per-day file: 15-minute rows dated by the file name', async () => {
    const d = db();
    const text =
      'Start time,End time,Calories (kcal),Distance (m),Step count\n08:00:00.000+02:00,08:15:00.000+02:00,20,800,1000\n08:15:00.000+02:00,08:30:00.000+02:00,5,,0\n23:45:00.000+02:00,00:00:00.000+02:00,1,,12\n';
    const z = zipSync({ 'Takeout/Fit/Daily activity metrics/2024-06-11.csv': strToU8(text) }) as Uint8Array<ArrayBuffer>;
    const r = await importText(d, z, 'takeout.zip');
    expect(r.format).toBe('zip');
    const s = await readSamples(d, 'steps');
    expect([...s.value]).toEqual([1000, 0, 12]);
    expect(s.start[0]).toBe(Date.parse('2024-06-11T08:00:00+02:00'));
    expect(s.end[2]).toBe(Date.parse('2024-06-12T00:00:00+02:00'));
  });

  it('Google Fit Takeout with both the daily summary and per-day files counts each step once', async () => {
    const d = db();
    // The phone's files carry the phone's offset; the summary has none and is read in the device's
    // zone: the test writes the per-day file in this machine's zone, as one person's data would be.
    const off = -new Date(2018, 3, 3, 12).getTimezoneOffset();
    const zone = `${off < 0 ? '-' : '+'}${String(Math.floor(Math.abs(off) / 60)).padStart(2, '0')}:${String(Math.abs(off) % 60).padStart(2, '0')}`;
    const rows = Array.from({ length: 96 }, (_, i) => {
      const t = (m: number): string =>
        `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000${zone}`;
      return `${t(i * 15)},${t(i * 15 + 15)},${i === 32 ? 1000 : i === 60 ? 627 : ''}`;
    });
    const z = zipSync({
      'Takeout/Fit/Daily activity metrics/Daily activity metrics.csv': strToU8(
        'Date,Step count,Average weight (kg)\n2018-04-03,1627,\n2018-04-04,500,\n',
      ),
      'Takeout/Fit/Daily activity metrics/2018-04-03.csv': strToU8(`Start time,End time,Step count\n${rows.join('\n')}\n`),
    }) as Uint8Array<ArrayBuffer>;
    await importText(d, z, 'takeout.zip');
    // 04-03 from the per-day file only; 04-04 has only the summary.
    expect((await report(d)).daily.steps).toEqual({ '2018-04-03': 1627, '2018-04-04': 500 });
  });

  it('Samsung Health: metadata line, prefixed columns, UTC times with their offset', async () => {
    const d = db();
    await importText(
      d,
      'com.samsung.health.weight,6313004,5\nupdate_time,create_time,start_time,weight,height,body_fat,time_offset,deviceuuid\n2024-01-02 05:00:00.000,x,2024-01-02 05:00:00.000,81.5,,22.5,UTC+0300,abc\n',
      'com.samsung.health.weight.20240105.csv',
    );
    await importText(
      d,
      'com.samsung.health.blood_pressure,6313004,5\ncom.samsung.health.blood_pressure.start_time,com.samsung.health.blood_pressure.systolic,com.samsung.health.blood_pressure.diastolic,com.samsung.health.blood_pressure.pulse,com.samsung.health.blood_pressure.time_offset\n2024-01-02 06:00:00.000,131,85,70,UTC+0300\n',
      'bp.csv',
    );
    const w = await readSamples(d, 'body_weight');
    expect([w.start[0], w.offsetMin[0], w.value[0]]).toEqual([Date.parse('2024-01-02T05:00:00Z'), 180, 81.5]);
    expect((await readSamples(d, 'body_fat_percentage')).value[0]).toBe(22.5);
    expect((await readSamples(d, 'systolic_bp')).value[0]).toBe(131);
    expect((await report(d)).metrics.diastolic_bp!.first).toBe('2024-01-02T09:00:00+03:00');
  });
});
