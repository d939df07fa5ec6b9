import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSamples } from '../../../src/data/samples.ts';
import { FIXTURES, importText } from './helpers.ts';
import { useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();

const dogsheep = join(FIXTURES, 'real/apple-health/dogsheep-zip_contents/apple_health_export');
const appleZip = (xmlName = 'export.xml'): Uint8Array<ArrayBuffer> =>
  zipSync({
    apple_health_export: {
      [xmlName]: readFileSync(join(dogsheep, 'export.xml')),
      'export_cda.xml': strToU8('<ClinicalDocument/>'),
      'workout-routes': { 'route_2019-06-11_3.00pm.gpx': readFileSync(join(dogsheep, 'workout-routes/route_2019-06-11_3.00pm.gpx')) },
    },
  } as Zippable) as Uint8Array<ArrayBuffer>;

describe('zip archives', () => {
  it('Apple Health export.zip (the real dogsheep layout): the XML is read, GPX skipped, a CDA stub that is no C-CDA ignored', async () => {
    const d = db();
    const r = await importText(d, appleZip(), 'export.zip');
    expect(r.format).toBe('apple-health-zip');
    expect(r.added).toBe(2);
    expect(r.ignored).toMatchObject({ 'GPX route': 1, 'file apple_health_export/export_cda.xml': 1 });
    expect((await readSamples(d, 'heart_rate')).value[0]).toBe(72);
  });

  it.each(['导出.xml', 'Export.xml', 'exportación.xml'])('finds the export under a localized name (%s)', async (name) => {
    const d = db();
    const r = await importText(d, appleZip(name), 'x.zip');
    expect(r).toMatchObject({ format: 'apple-health-zip', added: 2 });
  });

  it('imports a zip of several exports as one import, locating rejections by entry and line', async () => {
    const d = db();
    const csv = 'time,metric,value,unit\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg\n2024-05-01T07:31:00+02:00,body_weight,9999,kg\n';
    const z = zipSync({
      'weights.csv': strToU8(csv),
      'notes/readme.txt': strToU8('hello'),
      'apple/export.xml': readFileSync(join(dogsheep, 'export.xml')),
    }) as Uint8Array<ArrayBuffer>;
    const r = await importText(d, z, 'bundle.zip');
    expect(r.format).toBe('apple-health-zip');
    expect(r.added).toBe(3);
    expect(r.rejected).toEqual([{ where: 'weights.csv line 3', reason: 'body_weight 9999 kg outside 2-650' }]);
    expect(r.ignored).toMatchObject({ 'file notes/readme.txt': 1 });
  });

  it('stops a zip bomb at the documented ratio and stores nothing', async () => {
    const d = db();
    // 400 MiB of zeros deflated to ~400 KiB (made with fflate's zipSync, level 9).
    const bomb = readFileSync(join(FIXTURES, 'hostile/zeros-400mib.zip')) as Uint8Array<ArrayBuffer>;
    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    await expect(importText(d, bomb, 'bomb.zip')).rejects.toMatchObject({
      code: 'ZIP_BOMB',
      message: expect.stringContaining('more than 200 times its size'),
    });
    expect(await d.imports.count()).toBe(0);
    expect(await d.staging.count()).toBe(0);
  });

  it.each([
    ['truncated in the middle of the export', (z: Uint8Array) => z.slice(0, Math.floor(z.length * 0.6)), /TRUNCATED_ZIP|MALFORMED/],
    ['cut right after the local header', (z: Uint8Array) => z.slice(0, 40), /TRUNCATED_ZIP|MALFORMED/],
  ])('a zip %s gets a clear message and stores nothing', async (_, cut, code) => {
    const d = db();
    const e = await importText(d, cut(appleZip()) as Uint8Array<ArrayBuffer>, 'export.zip').catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'ImportError', code: expect.stringMatching(code) });
    expect(await d.imports.count()).toBe(0);
    expect(await d.sampleChunks.count()).toBe(0);
  });

  it('reads the FHIR clinical records an Apple export.zip carries', async () => {
    const d = db();
    const hba1c = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '4548-4' }] },
      effectiveDateTime: '2023-02-01T09:00:00-05:00',
      valueQuantity: { value: 6.2, unit: '%' },
    };
    const z = zipSync({
      apple_health_export: {
        'export.xml': readFileSync(join(dogsheep, 'export.xml')),
        clinical_records: { 'Observation-1.json': strToU8(JSON.stringify(hba1c)) },
      },
    } as Zippable) as Uint8Array<ArrayBuffer>;
    const r = await importText(d, z, 'export.zip');
    expect(r.format).toBe('apple-health-zip');
    expect((await readSamples(d, 'hba1c')).value[0]).toBe(6.2);
  });

  it('reads a Google Takeout zip of Fitbit files, each series known by its entry name', async () => {
    const d = db();
    const z = zipSync({
      'Takeout/Fitbit/Global Export Data/steps-2024-03-21.json': strToU8(JSON.stringify([{ dateTime: '03/21/24 08:00:00', value: '120' }])),
      'Takeout/Fitbit/Global Export Data/weight-2024-03-21.json': strToU8(
        JSON.stringify([{ logId: 1, weight: 219.5, bmi: 33.28, date: '03/27/24', time: '07:20:00', source: 'Aria' }]),
      ),
    }) as Uint8Array<ArrayBuffer>;
    const r = await importText(d, z, 'takeout.zip');
    expect(r).toMatchObject({ format: 'zip', added: 3, rejected: [] });
    expect((await readSamples(d, 'steps')).value[0]).toBe(120);
    expect((await readSamples(d, 'body_weight')).value[0]).toBeCloseTo(219.5 * 0.45359237, 9);
  });

  it('a zip with nothing readable is refused', async () => {
    const d = db();
    const z = zipSync({ 'a.txt': strToU8('hello') }) as Uint8Array<ArrayBuffer>;
    await expect(importText(d, z, 'a.zip')).rejects.toMatchObject({ code: 'NO_DATA' });
  });
});
