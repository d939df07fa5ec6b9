import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoppelDb } from '../../../src/data/db.ts';
import { FIXTURES, importText, newDb } from './helpers.ts';

/**
 * The malformed-input corpus: files that cannot be used at all. Each must fail with an ImportError
 * whose code and message say what is wrong (and where, when a place exists), and must leave the
 * database exactly as it was: no import row, sample, daily row, source, profile field or staging row.
 */
type Case = [name: string, content: () => string | Uint8Array<ArrayBuffer>, code: string, message: RegExp, fileName?: string];

const apple = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US">\n${body}\n</HealthData>\n`;
const rec =
  ' <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="W" unit="count/min" startDate="2024-01-09 12:30:00 +0100" endDate="2024-01-09 12:30:00 +0100" value="70"/>';
const zip = (files: Record<string, string | Uint8Array>): Uint8Array<ArrayBuffer> =>
  zipSync(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])),
  ) as Uint8Array<ArrayBuffer>;
const bytes = (...b: number[]): Uint8Array<ArrayBuffer> => new Uint8Array(b);
const fhir = (entries: string): string => `{"resourceType":"Bundle","type":"collection","entry":[${entries}]}`;
const obs =
  '{"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"effectiveDateTime":"2024-03-01T09:00:00Z","valueQuantity":{"value":80,"unit":"kg"}}}';
const goodAppleZip = (): Uint8Array => readFileSync(join(FIXTURES, 'hostile/zeros-400mib.zip'));

const CASES: Case[] = [
  // not a health export at all
  ['an empty file', () => '', 'EMPTY_FILE', /^The file is empty$/],
  ['only whitespace', () => '  \n\t\n', 'EMPTY_FILE', /^The file is empty \(only blank space\)$/],
  [
    'random binary',
    () => bytes(...Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256)),
    'UNKNOWN_FORMAT',
    /^This is a binary file Doppel does not recognize/,
  ],
  ['a PNG image', () => bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'UNKNOWN_FORMAT', /^This is an image \(PNG\)/],
  ['a PDF', () => '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'UNKNOWN_FORMAT', /^This is a PDF document, not a health/],
  [
    'an HTML page',
    () => '<!doctype html><html><body><script>alert(1)</script></body></html>',
    'UNKNOWN_FORMAT',
    /^This is a web page \(HTML\), not a health data export$/,
  ],
  [
    'XML with another root',
    () => '<?xml version="1.0"?><ClinicalDocument><title>x</title></ClinicalDocument>',
    'UNKNOWN_FORMAT',
    /not an Apple Health export/,
  ],
  [
    'a UTF-16 file',
    () => bytes(0xff, 0xfe, ...[...'time,metric,value,unit\n'].flatMap((c) => [c.charCodeAt(0), 0])),
    'UNKNOWN_FORMAT',
    /^This text file is in UTF-16: save it as UTF-8/,
  ],
  ['a lone byte-order mark', () => bytes(0xef, 0xbb, 0xbf), 'EMPTY_FILE', /^The file is empty/],
  ['NUL bytes', () => bytes(0, 0, 0, 0, 0, 0), 'UNKNOWN_FORMAT', /^This is a binary file Doppel does not recognize/],
  ['a JSON object of no known export', () => '{"foo": 1, "bar": [1, 2]}', 'UNKNOWN_FORMAT', /^A JSON file Doppel does not recognize/],
  ['a JSON array of numbers', () => '[1, 2, 3]', 'UNKNOWN_FORMAT', /^A JSON file Doppel does not recognize/],
  ['JSON null', () => 'null', 'UNKNOWN_FORMAT', /^Unrecognized file: it starts "null"/],
  ['a CSV of no known export', () => 'name,age\nann,40\n', 'UNKNOWN_FORMAT', /^Unrecognized file: it starts "name,age ann,40"$/],
  ['Doppel CSV with an extra column', () => 'time,metric,value,unit,source,extra\n', 'UNKNOWN_FORMAT', /^Unrecognized file/],
  [
    'LibreView metadata without a header in the first lines',
    () => 'Glucose Data,Generated on,13-12-2020\n\n\n\n\n\nfoo,bar\n',
    'UNKNOWN_FORMAT',
    /^Unrecognized file/,
  ],

  // Apple Health XML
  ['Apple XML cut inside a record', () => apple(rec).slice(0, 120), 'TRUNCATED', /ends before <\/HealthData>|never ends/],
  ['Apple XML cut inside an attribute value', () => apple(rec).slice(0, 160), 'TRUNCATED', /ends before <\/HealthData>|never ends/],
  ['Apple XML without its closing tag', () => apple(rec).replace('</HealthData>', ''), 'TRUNCATED', /the file is incomplete/],
  [
    'Apple XML ending in an unterminated tag',
    () => apple(rec).replace('</HealthData>\n', '<Record type="HKQuantityTypeIdentifierHeartRate" value="5"'),
    'TRUNCATED',
    /ends before <\/HealthData>|never ends/,
  ],
  [
    'Apple XML whose first element is not HealthData',
    () => `<!-- HealthKit Export Version: 11 -->\n<Export>${rec}</Export>`,
    'MALFORMED',
    /first element is <Export>, not <HealthData>/,
  ],
  [
    'Apple XML with a records-only body before the root',
    () => `<?xml version="1.0"?>\n<!-- HealthKit Export Version: 12 -->\n${rec}\n<HealthData></HealthData>`,
    'MALFORMED',
    /first element is <Record>/,
  ],
  [
    'Apple XML with a DOCTYPE that never closes (entity bomb cut off)',
    () => `<?xml version="1.0"?>\n<!DOCTYPE HealthData [\n${'<!ENTITY a "&b;&b;&b;">\n'.repeat(200)}`,
    'UNKNOWN_FORMAT',
    /not an Apple Health export/,
  ],
  [
    'Apple XML with a tag over 16 MB',
    () => apple(`<Record type="x" value="${'9'.repeat(17 * 2 ** 20)}`),
    'MALFORMED',
    /single XML tag is longer than 16 MB/,
  ],
  [
    'Apple XML with no records and no profile',
    () => apple(' <ExportDate value="2024-01-10 10:00:00 +0100"/>'),
    'NO_DATA',
    /^No health records found/,
  ],
  [
    'Apple XML that is only a DTD',
    () => `<?xml version="1.0"?>\n<!DOCTYPE HealthData [\n<!-- HealthKit Export Version: 14 -->\n]>\n`,
    'MALFORMED',
    /no <HealthData> element/,
  ],

  // zip archives
  ['a zip with nothing readable', () => zip({ 'readme.txt': 'hello' }), 'NO_DATA', /holds no file Doppel can read/],
  [
    'a zip of only GPX routes',
    () => zip({ 'apple_health_export/workout-routes/r.gpx': '<gpx/>' }),
    'NO_DATA',
    /holds no file Doppel can read/,
  ],
  ['a zip inside a zip', () => zip({ 'inner.zip': zip({ 'export.xml': apple(rec) }) }), 'NO_DATA', /holds no file Doppel can read/],
  [
    'a zip cut in half',
    () => {
      const z = zip({ 'apple_health_export/export.xml': apple(rec.repeat(200)) });
      return z.slice(0, z.length >> 1);
    },
    'TRUNCATED_ZIP',
    /incomplete/,
  ],
  ['a zip missing its last byte', () => zip({ 'export.xml': apple(rec) }).slice(0, -1), 'TRUNCATED_ZIP', /incomplete/],
  [
    'a zip with corrupted compressed data',
    () => {
      const z = zip({ 'export.xml': apple(rec.repeat(50)) });
      for (let i = 60; i < 200; i++) z[i] = 0xff;
      return z;
    },
    'MALFORMED',
    /zip/i,
  ],
  [
    'a zip bomb',
    () => goodAppleZip() as Uint8Array<ArrayBuffer>,
    'ZIP_BOMB',
    /more than 200 times its size: refused as a possible zip bomb/,
  ],
  [
    'a zip whose first export is cut, followed by another large file',
    () =>
      zip({
        'a/export.xml': apple(rec).slice(0, 200),
        'b/weights.csv': `time,metric,value,unit\n${'2024-05-01T07:30:00+02:00,body_weight,82.4,kg\n'.repeat(200_000)}`,
      }),
    'TRUNCATED',
    /never ends|ends before <\/HealthData>/,
  ],
  ['zip magic followed by junk', () => bytes(0x50, 0x4b, 3, 4, ...Array.from({ length: 100 }, () => 7)), 'TRUNCATED_ZIP', /incomplete/],

  // FHIR
  ['a FHIR bundle cut off', () => fhir(`${obs},${obs}`).slice(0, -40), 'TRUNCATED', /ends early/],
  [
    'a FHIR bundle with an invalid entry',
    () => fhir(`${obs},{"resource":{"resourceType":"Observation",}}`),
    'MALFORMED',
    /Invalid JSON in element 2/,
  ],
  ['a FHIR bundle followed by garbage', () => `${fhir(obs)} trailing`, 'MALFORMED', /Unexpected data after the end of the JSON document/],
  ['a FHIR bundle with unbalanced brackets', () => fhir(obs).replace(/}$/, '}}'), 'MALFORMED', /Unbalanced JSON brackets|Unexpected data/],
  ['a FHIR bundle without entries', () => '{"resourceType":"Bundle","type":"searchset","total":0}', 'NO_DATA', /^No health records found/],
  ['a FHIR Patient with nothing Doppel reads', () => '{"resourceType":"Patient","id":"x"}', 'NO_DATA', /^No health records found/],
  ['NDJSON of plain objects (no FHIR resources)', () => '{"a":1}\n{"b":2}\n', 'UNKNOWN_FORMAT', /does not recognize/],

  // CGM
  ['a Nightscout array cut off', () => '[{"type":"sgv","sgv":120,"date":1405792155000},{"type":"sgv","sg', 'TRUNCATED', /ends early/],
  ['an empty Nightscout array with a type hint', () => '[{"type":"cal","date":1405792155000}', 'TRUNCATED', /ends early/],
  [
    'a Dexcom export with only its header',
    () =>
      'Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,Device Info,Source Device ID,Glucose Value (mg/dL)\n',
    'NO_DATA',
    /^No health records found/,
  ],
  [
    'a LibreView export with only its header',
    () => 'Device,Serial Number,Device Timestamp,Record Type,Historic Glucose mg/dL,Scan Glucose mg/dL\n',
    'NO_DATA',
    /^No health records found/,
  ],

  // wearables
  ['a Fitbit array cut off', () => '[{"dateTime":"05/21/18 14:24:59","value":{"bpm":70', 'TRUNCATED', /ends early/],
  [
    'an empty Fitbit array',
    () => '[{"dateTime":"05/21/18 14:24:59","value":"0"}]',
    'NO_DATA',
    /^No health records found/,
    'steps-2018-05-21.json',
  ],
  ['a Garmin report with only its header', () => '\uFEFF,Actual,Goal\n', 'NO_DATA', /^No health records found/],
  [
    'a Withings weight export with only its header',
    () => 'Date,"Weight (kg)","Fat mass (kg)",Comments\n',
    'NO_DATA',
    /^No health records found/,
  ],
  [
    'a Google Fit per-day file without its dated name',
    () => 'Start time,End time,Step count\n08:00:00.000+02:00,08:15:00.000+02:00,10\n',
    'MALFORMED',
    /needs its YYYY-MM-DD\.csv file name/,
    'steps.csv',
  ],
  [
    'a Samsung Health file with only its metadata line',
    () => 'com.samsung.health.weight,6313004,5\n',
    'NO_DATA',
    /^No health records found/,
  ],

  // Doppel CSV
  [
    'a Doppel CSV with a quote that never closes',
    () =>
      'time,metric,value,unit,source\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg,"Scale\n2024-05-02T07:30:00+02:00,body_weight,82.1,kg,Scale\n',
    'MALFORMED',
    /quoted field starting on line 2 is never closed/,
  ],
  [
    'a Doppel CSV with a 2 MB field',
    () => `time,metric,value,unit,source\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg,${'x'.repeat(2 * 2 ** 20)}\n`,
    'MALFORMED',
    /A field on line 2 is longer than 1 MB/,
  ],
  [
    'a Doppel CSV with a line of 8 million commas',
    () => `time,metric,value,unit,source\n${','.repeat(8 * 2 ** 20)}\n`,
    'MALFORMED',
    /^Line 2 has more than 4096 fields: no health export's CSV is that wide \(at line 2\)$/,
  ],
  [
    "a Doppel CSV with a 20 MB record (twenty fields, each under the field's limit)",
    () => `time,metric,value,unit,source\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg${`,${'x'.repeat(2 ** 20 - 10)}`.repeat(20)}\n`,
    'MALFORMED',
    /^The record on line 2 is longer than 16 MB/,
  ],
  [
    'Apple XML with a quote that never closes',
    () => apple(`${rec.replace('value="70"', 'value="70')}\n${rec}`),
    'TRUNCATED',
    /never ends.*quote/,
  ],
  ['a Doppel CSV with only its header', () => 'time,metric,value,unit\n', 'NO_DATA', /^No health records found/],
  ['a Doppel CSV whose header is repeated in another case', () => 'TIME,Metric,Value,Unit\n', 'NO_DATA', /^No health records found/],
];

export { CASES };
let db: DoppelDb;
async function snapshot(d: DoppelDb): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const t of d.tables) out[t.name] = await t.toArray();
  return out;
}
let before: unknown;

beforeAll(async () => {
  db = newDb();
  // Something already stored that no failed import may touch.
  await importText(
    db,
    'time,metric,value,unit,source\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg,Scale\n2024-05-01T00:00:00+02:00,steps,8123,count,Phone\n',
    'base.csv',
  );
  before = await snapshot(db);
});
afterAll(async () => {
  await db.delete();
});

describe(`malformed-input corpus (${CASES.length} files)`, () => {
  it('holds at least 50 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(CASES)(
    '%s',
    async (_, content, code, message, fileName) => {
      const err = await importText(db, content(), fileName ?? 'upload.bin').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, 'the import must fail').toBeDefined();
      expect(err).toMatchObject({ name: 'ImportError', code });
      expect((err as Error).message).toMatch(message);
      expect(await snapshot(db)).toEqual(before);
    },
    30_000,
  );
});
