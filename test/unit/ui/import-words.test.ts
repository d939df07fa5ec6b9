import { describe, expect, it } from 'vitest';
import { METRIC_IDS } from '../../../models/metrics.ts';
import { en } from '../../../src/ui/i18n/en.ts';
import { formatDate, formatDay } from '../../../src/ui/format.ts';
import {
  arrivalLines,
  cancelledText,
  daysText,
  formatName,
  listText,
  metricNoun,
  redoneText,
  undoneText,
} from '../../../src/ui/import-words.ts';

const FORMAT_IDS = [
  'zip',
  'apple-health-zip',
  'apple-health-xml',
  'fhir-r4',
  'dexcom-clarity-csv',
  'libreview-csv',
  'nightscout-json',
  'fitbit-json',
  'google-fit-csv',
  'generic-csv',
  'garmin-csv',
  'withings-csv',
  'samsung-health-csv',
  'ccda-xml',
  'ccda-xdm-zip',
] as const;

const DEC3 = Date.UTC(2024, 11, 3, 12);

describe('formats by their plain names', () => {
  it('names the exports people know, never the internal ids', () => {
    expect(formatName('apple-health-xml')).toBe('Apple Health export');
    expect(formatName('apple-health-zip')).toBe('Apple Health export');
    expect(formatName('dexcom-clarity-csv')).toBe('Dexcom Clarity CSV');
    expect(formatName('fhir-r4')).toBe('FHIR record');
    expect(formatName('ccda-xml')).toBe('Patient portal record (C-CDA)');
    expect(formatName('ccda-xdm-zip')).toBe('Patient portal record (C-CDA)');
    expect(formatName('generic-csv')).toBe('Doppel CSV');
    expect(formatName('doppel-demo')).toBe('demo person');
  });

  it('every format detection can name has a plain name; anything else is a "file"', () => {
    for (const id of FORMAT_IDS) {
      expect(`import.format.${id}` in en, id).toBe(true);
      // No id-like words (lower-case joined by - or _); a standard's own name such as "C-CDA" is fine.
      expect(formatName(id)).not.toMatch(/[a-z0-9]-[a-z0-9]|_/);
    }
    expect(formatName('something-new')).toBe('file');
  });

  it('every metric has a noun for sentences', () => {
    for (const m of METRIC_IDS) expect(`import.noun.${m}` in en, m).toBe(true);
    expect(metricNoun('body_weight')).toBe('weight');
  });
});

describe('what arrived', () => {
  it('one line per metric with its count and days, most readings first', () => {
    const lines = arrivalLines({
      steps: { count: 40, first: '2021-11-01', last: '2021-11-14' },
      body_weight: { count: 312, first: '2019-03-03', last: '2021-11-14' },
      height: { count: 1, first: '2020-01-05', last: '2020-01-05' },
    });
    expect(lines.map((l) => l.metric)).toEqual(['body_weight', 'steps', 'height']);
    expect(lines[0]!.text).toBe(`Weight: 312 readings, ${formatDay('2019-03-03')} – ${formatDay('2021-11-14')}`);
    expect(lines[2]!.text).toBe(`Height: 1 reading, ${formatDay('2020-01-05')}`);
    expect(lines[1]).toMatchObject({ count: 40, first: '2021-11-01', last: '2021-11-14' });
  });

  it('thousands are grouped as the locale writes them, and an empty arrival has no lines', () => {
    expect(arrivalLines({ cgm_glucose: { count: 12409, first: '2024-01-01', last: '2024-03-01' } })[0]!.text).toContain(
      `${(12409).toLocaleString()} readings`,
    );
    expect(arrivalLines(undefined)).toEqual([]);
    expect(arrivalLines({ steps: { count: 0, first: '2024-01-01', last: '2024-01-01' } })).toEqual([]);
  });

  it('writes a range as the timeline does, a single day alone', () => {
    expect(daysText('2024-01-02', '2024-01-02')).toBe(formatDay('2024-01-02'));
    expect(daysText('2024-01-02', '2024-02-03')).toBe(`${formatDay('2024-01-02')} – ${formatDay('2024-02-03')}`);
  });
});

describe('what undo removed and redo put back', () => {
  const row = {
    fileName: 'export.zip',
    format: 'apple-health-zip',
    startedAt: DEC3,
    undone: { removed: { body_weight: 312 }, dosesRemoved: 0, profileChanged: [] },
  };

  it('names the readings, the format and the day of the import', () => {
    expect(undoneText(row)).toBe(`Removed 312 weight readings from the Apple Health export of ${formatDate(DEC3)} (export.zip).`);
    expect(redoneText(row)).toBe(`Put back 312 weight readings from the Apple Health export of ${formatDate(DEC3)} (export.zip).`);
  });

  it('lists several metrics, records and profile values, most readings first', () => {
    const text = undoneText({
      ...row,
      format: 'dexcom-clarity-csv',
      undone: { removed: { cgm_glucose: 2148, blood_glucose: 1, steps: 30 }, dosesRemoved: 3, profileChanged: ['birthDate'] },
    });
    expect(text).toBe(
      `Removed ${(2148).toLocaleString()} CGM glucose readings, 30 step readings, 1 blood glucose reading, 3 carbohydrate and insulin records and 1 value it set in your profile from the Dexcom Clarity CSV of ${formatDate(DEC3)} (export.zip).`,
    );
  });

  it('names three metrics at most and counts the other readings together', () => {
    const removed = { body_weight: 3, height: 3, bmi: 3, hba1c: 3, systolic_bp: 2, diastolic_bp: 2 };
    expect(undoneText({ ...row, format: 'fhir-r4', undone: { removed, dosesRemoved: 0, profileChanged: ['sex', 'birthDate'] } })).toBe(
      `Removed 3 weight readings, 3 height readings, 3 BMI readings, 7 other readings and 2 values it set in your profile from the FHIR record of ${formatDate(DEC3)} (export.zip).`,
    );
    // Four metrics are named: "1 other reading" would say less than its name.
    const four = { body_weight: 3, height: 3, bmi: 3, hba1c: 1 };
    expect(undoneText({ ...row, undone: { removed: four, dosesRemoved: 0, profileChanged: [] } })).toContain(
      '3 BMI readings and 1 HbA1c reading from',
    );
  });

  it('says so when nothing left the device', () => {
    const nothing = { ...row, undone: { removed: {}, dosesRemoved: 0, profileChanged: [] } };
    expect(undoneText(nothing)).toBe(
      `Undid the Apple Health export of ${formatDate(DEC3)} (export.zip). Nothing left this device: other imports hold the same readings.`,
    );
    expect(redoneText(nothing)).toBe(`Put back the Apple Health export of ${formatDate(DEC3)} (export.zip).`);
  });

  it('joins lists with the catalog’s words', () => {
    expect(listText([])).toBe('');
    expect(listText(['a'])).toBe('a');
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('a stopped import', () => {
  it('says nothing of the file was kept, and how many files after it were not read', () => {
    expect(cancelledText('export.xml', 0)).toBe('Import stopped. Nothing from export.xml was kept.');
    expect(cancelledText('export.xml', 1)).toBe('Import stopped. Nothing from export.xml was kept. The file after it was not read.');
    expect(cancelledText('export.xml', 2)).toBe('Import stopped. Nothing from export.xml was kept. The 2 files after it were not read.');
  });
});
