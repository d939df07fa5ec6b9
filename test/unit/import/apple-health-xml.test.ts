import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readSamples } from '../../../src/data/samples.ts';
import { deviceModel } from '../../../src/import/formats/apple-health-xml.ts';
import { FIXTURES, importFile, importText, report } from './helpers.ts';
import { useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();
const real = (name: string): string => join(FIXTURES, 'real/apple-health', name);

describe('Apple Health export.xml: real files', () => {
  it('tdda v3 (DTD, en_GB): steps into the daily total, distance ignored by name', async () => {
    const d = db();
    const r = await importFile(d, real('tdda-applehealthdata_export6s3sample.xml'));
    expect(r.format).toBe('apple-health-xml');
    expect(r.rejected).toEqual([]);
    expect(r.ignored).toMatchObject({
      HKQuantityTypeIdentifierDistanceWalkingRunning: expect.any(Number),
      ActivitySummary: 2,
      HKWorkoutActivityTypeOther: 1,
    });
    const rep = await report(d);
    expect(rep.metrics.steps!.count).toBe(r.added);
    expect(rep.metrics.steps!.first).toBe('2014-09-13T10:27:54+01:00');
    const total = Object.values(rep.daily.steps!).reduce((a, b) => a + b, 0);
    expect(total).toBe((await readSamples(d, 'steps')).value.reduce((a, b) => a + b, 0));
  });

  it('dogsheep (no prolog, no DTD): escaped device attribute, BMI with unit "count", Me into the profile', async () => {
    const d = db();
    const r = await importFile(d, real('dogsheep-healthkit-to-sqlite_export.xml'));
    expect(r).toMatchObject({ added: 2, duplicates: 0, rejected: [] });
    const rep = await report(d);
    expect(rep.metrics.bmi).toMatchObject({ count: 1, min: 22.5312, first: '2016-04-18T08:25:32-07:00' });
    expect(rep.metrics.heart_rate).toMatchObject({ count: 1, min: 72 });
    expect(rep.profile).toEqual({ birthDate: '1990-02-02', sex: 'male' });
    const sources = await d.sources.toArray();
    // The real file writes "Apple Watch" with a no-break space; names are kept as written.
    expect(sources.map((s) => [s.name.replace(/\s/g, ' '), s.model, s.kind]).sort()).toEqual([
      ['Apple Watch', 'Watch', 'watch'],
      ['Health Mate', '', 'other'],
    ]);
  });

  it('ahcd v11 with a blood-pressure Correlation: each reading stored once', async () => {
    const d = db();
    const r = await importFile(d, real('ahcd-go_export_v11_bp-correlation.xml'));
    const rep = await report(d);
    expect(rep.metrics.systolic_bp!.count).toBe(7);
    expect(rep.metrics.diastolic_bp!.count).toBe(1);
    // the implausible BMI 13.5 is accepted (within 8-150); everything else lands
    expect(r.rejected).toEqual([]);
    expect(rep.metrics.systolic_bp!.last).toBe('2020-08-02T19:12:21+09:00');
  });

  it('imports a file a second time adding nothing', async () => {
    const d = db();
    const first = await importFile(d, real('tdda-applehealthdata_export6s3sample.xml'));
    const again = await importFile(d, real('tdda-applehealthdata_export6s3sample.xml'));
    expect(again.added).toBe(0);
    expect(again.duplicates).toBe(first.added);
  });
});

const wrap = (body: string, dtd = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${dtd}<HealthData locale="en_US">\n <ExportDate value="2024-01-10 10:00:00 +0100"/>\n${body}\n</HealthData>\n`;
const rec = (type: string, unit: string, value: string, start = '2024-01-09 12:30:00 +0100', extra = ''): string =>
  ` <Record type="${type}" sourceName="Ann’s Apple Watch" sourceVersion="10.2" device="&lt;&lt;HKDevice: 0x1&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2&gt;" unit="${unit}" creationDate="${start}" startDate="${start}" endDate="${start}" value="${value}"${extra}/>`;

describe('Apple Health export.xml: traps', () => {
  it('reads mmol<180.1558800000541>/L glucose and converts to mg/dL', async () => {
    const d = db();
    await importText(d, wrap(rec('HKQuantityTypeIdentifierBloodGlucose', 'mmol&lt;180.1558800000541&gt;/L', '5.5')));
    const s = await readSamples(d, 'blood_glucose');
    expect(s.value[0]).toBeCloseTo(5.5 * 18.016, 6);
  });

  it('stores Apple body-fat fractions as percent and the Cal unit as kcal', async () => {
    const d = db();
    await importText(
      d,
      wrap(
        [
          rec('HKQuantityTypeIdentifierBodyFatPercentage', '%', '0.253'),
          rec('HKQuantityTypeIdentifierActiveEnergyBurned', 'Cal', '12.5'),
          rec('HKQuantityTypeIdentifierBodyMass', 'lb', '180'),
        ].join('\n'),
      ),
    );
    expect((await readSamples(d, 'body_fat_percentage')).value[0]).toBeCloseTo(25.3, 9);
    expect((await readSamples(d, 'active_energy')).value[0]).toBe(12.5);
    expect((await readSamples(d, 'body_weight')).value[0]).toBeCloseTo(81.6466266, 6);
  });

  it('counts asleep stages as sleep minutes and leaves InBed and Awake out', async () => {
    const d = db();
    const sleep = (v: string, s: string, e: string): string =>
      ` <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" startDate="${s}" endDate="${e}" value="${v}"/>`;
    const r = await importText(
      d,
      wrap(
        [
          sleep('HKCategoryValueSleepAnalysisInBed', '2024-01-08 22:30:00 +0100', '2024-01-09 06:30:00 +0100'),
          sleep('HKCategoryValueSleepAnalysisAsleepCore', '2024-01-08 23:00:00 +0100', '2024-01-09 01:00:00 +0100'),
          sleep('HKCategoryValueSleepAnalysisAwake', '2024-01-09 01:00:00 +0100', '2024-01-09 01:10:00 +0100'),
          sleep('HKCategoryValueSleepAnalysisAsleepDeep', '2024-01-09 01:10:00 +0100', '2024-01-09 02:00:00 +0100'),
          sleep('HKCategoryValueSleepAnalysisAsleepREM', '2024-01-09 02:00:00 +0100', '2024-01-09 02:30:00 +0100'),
        ].join('\n'),
      ),
    );
    expect(r.ignored).toEqual({ HKCategoryValueSleepAnalysisInBed: 1, HKCategoryValueSleepAnalysisAwake: 1 });
    expect([...(await readSamples(d, 'sleep')).value]).toEqual([120, 50, 30]);
  });

  it('oxygen saturation (written as a fraction) and breathing rate are stored in % and /min', async () => {
    const d = db();
    const r = await importText(
      d,
      wrap(
        [
          rec('HKQuantityTypeIdentifierOxygenSaturation', '%', '0.97'),
          rec('HKQuantityTypeIdentifierRespiratoryRate', 'count/min', '14.5', '2024-01-09 12:31:00 +0100'),
        ].join('\n'),
      ),
    );
    expect(r).toMatchObject({ added: 2, rejected: [] });
    expect([...(await readSamples(d, 'spo2')).value]).toEqual([97]);
    expect([...(await readSamples(d, 'respiratory_rate')).value]).toEqual([14.5]);
  });

  it('rejects bad records with their line and reason, and imports the rest', async () => {
    const d = db();
    const r = await importText(
      d,
      wrap(
        [
          rec('HKQuantityTypeIdentifierHeartRate', 'count/min', '0'),
          rec('HKQuantityTypeIdentifierHeartRate', 'count/min', 'abc', '2024-01-09 12:31:00 +0100'),
          rec('HKQuantityTypeIdentifierHeartRate', 'count/min', '61', 'yesterday'),
          rec('HKQuantityTypeIdentifierHeartRate', 'furlongs', '61', '2024-01-09 12:32:00 +0100'),
          rec('HKQuantityTypeIdentifierHeartRate', 'count/min', '64', '2024-01-09 12:33:00 +0100'),
        ].join('\n'),
      ),
    );
    expect(r.rejected).toEqual([
      { where: 'line 4', reason: 'heart_rate 0 /min outside 20-300' },
      { where: 'line 5', reason: 'heart_rate: value "abc" is not a number' },
      { where: 'line 6', reason: 'heart_rate: startDate "yesterday": not a date (YYYY-MM-DD expected)' },
      { where: 'line 7', reason: 'heart_rate: unit "furlongs" is not supported' },
    ]);
    expect(r.added).toBe(1);
  });

  it('never expands entities: a billion-laughs DTD is skipped and does nothing', async () => {
    const d = db();
    const lol = [
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`),
    ].join('\n');
    const text = wrap(
      rec('HKQuantityTypeIdentifierHeartRate', 'count/min', '70', '2024-01-09 12:30:00 +0100', ' note="&lol9;"'),
      `<!DOCTYPE HealthData [\n${lol}\n]>\n`,
    );
    const r = await importText(d, text);
    expect(r.added).toBe(1);
  });

  it('reads exports whose DTD is malformed (unterminated declarations, undeclared elements)', async () => {
    const d = db();
    const badDtd =
      '<!DOCTYPE HealthData [\n<!-- HealthKit Export Version: 16 -->\n<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation)*)\n<!ATTLIST Record\n  type CDATA #REQUIRED\n  startDate CDATA #REQUIRED "x"\n<!ATTLIST ExportDate value CDATA #REQUIRED >\n]>\n';
    const r = await importText(
      d,
      wrap(
        `${rec('HKQuantityTypeIdentifierHeartRate', 'count/min', '70')}\n <ClinicalRecord type="x" identifier="y" sourceName="z" receivedDate="2024-01-01 00:00:00 +0000" resourceFilePath="/clinical-records/a.json"/>`,
        badDtd,
      ),
    );
    expect(r.added).toBe(1);
    expect(r.ignored).toEqual({ ClinicalRecord: 1 });
  });

  it('keeps HTML in a source name as plain text', async () => {
    const d = db();
    await importText(
      d,
      wrap(
        ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="&lt;img src=x onerror=alert(1)&gt;" unit="count" startDate="2024-01-09 12:30:00 +0100" endDate="2024-01-09 12:40:00 +0100" value="100"/>',
      ),
    );
    expect((await d.sources.toArray())[0]!.name).toBe('<img src=x onerror=alert(1)>');
  });

  it("extracts the device model from Apple's device attribute", () => {
    expect(
      deviceModel('<<HKDevice: 0x282a45810>, name:Apple Watch, manufacturer:Apple, model:Watch, hardware:Watch2,4, software:4.3.1>'),
    ).toBe('Watch');
    expect(deviceModel('<<HKDevice: 0x1>, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone12,1>')).toBe('iPhone');
    expect(deviceModel(undefined)).toBe('');
  });
});

describe('Apple Health export.xml: malformed files store nothing', () => {
  it.each([
    [
      'truncated',
      wrap(rec('HKQuantityTypeIdentifierHeartRate', 'count/min', '70')).slice(0, -20),
      'TRUNCATED',
      /ends before <\/HealthData>|never ends/,
    ],
    ['wrong root', '<?xml version="1.0"?><Other><Record type="x"/></Other>', 'UNKNOWN_FORMAT', /not an Apple Health export/],
  ])('%s', async (_, text, code, message) => {
    const d = db();
    await expect(importText(d, text)).rejects.toMatchObject({ name: 'ImportError', code, message: expect.stringMatching(message) });
    expect(await d.imports.count()).toBe(0);
    expect(await d.sampleChunks.count()).toBe(0);
    expect(await d.sources.count()).toBe(0);
  });
});
