import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { printable, snippet } from '../../../models/util/text.ts';
import { detectFormat } from '../../../src/import/detect.ts';
import { ImportError } from '../../../src/import/errors.ts';
import { ImportSink } from '../../../src/import/sink.ts';
import { useFreshDbs } from '../data/helpers.ts';
import { importText } from './helpers.ts';

/**
 * What a person reads when a file cannot be used: what the file looks like where that is
 * recognisable, and never the file's raw bytes. Every message from the import is printable text
 * (no control characters, no bytes that are not UTF-8) and short, whatever the file holds.
 */
const db = useFreshDbs();
const bytes = (...b: number[]): Uint8Array<ArrayBuffer> => new Uint8Array(b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
/** No C0/C1 control character, DEL, U+FFFD or unpaired surrogate: what `printable` guarantees. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const PRINTABLE = /^[^\u0000-\u001f\u007f-\u009f\ufffd\ud800-\udfff]*$/u;

const PDF = bytes(
  ...ascii('%PDF-1.7\n%'),
  0xe2,
  0xe3,
  0xcf,
  0xd3,
  0x0a,
  ...ascii('1 0 obj\n<< /Type /Catalog >>\nstream\n'),
  0,
  1,
  2,
  0x9b,
  0xff,
);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...ascii('IHDR'), 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0);

describe('an unrecognised file is named by what it looks like, never echoed', () => {
  it.each([
    ['a PDF', PDF, /^This is a PDF document, not a health data export\b/],
    ['a PNG image', PNG, /^This is an image \(PNG\), not a health data export\b/],
    ['a JPEG image', JPEG, /^This is an image \(JPEG\), not a health data export\b/],
    ['a GIF image', bytes(...ascii('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0), /^This is an image \(GIF\)/],
    ['a HEIC photo', bytes(0, 0, 0, 0x18, ...ascii('ftypheic'), 0, 0, 0, 0, ...ascii('mif1heic')), /^This is an image \(HEIC\)/],
    [
      'an MP4 video',
      bytes(0, 0, 0, 0x18, ...ascii('ftypisom'), 0, 0, 2, 0, ...ascii('isomiso2')),
      /^This is a video, not a health data export/,
    ],
    ['a gzip file', bytes(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3), /^This is a gzip-compressed file/],
    ['an old Office document', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), /^This is a Microsoft Office document/],
    ['an SQLite database', bytes(...ascii('SQLite format 3'), 0, 0x10, 0), /^This is an SQLite database/],
    [
      'a UTF-16 text file',
      bytes(0xff, 0xfe, ...[...'time,metric,value,unit\n'].flatMap((c) => [c.charCodeAt(0), 0])),
      /^This text file is in UTF-16: save it as UTF-8/,
    ],
    [
      'a web page',
      strToU8('<!DOCTYPE html>\n<html><body><script>alert(1)</script>'),
      /^This is a web page \(HTML\), not a health data export/,
    ],
    [
      'random binary',
      bytes(...Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256)),
      /^This is a binary file Doppel does not recognize/,
    ],
    ['NUL bytes', bytes(0, 0, 0, 0, 0, 0), /^This is a binary file Doppel does not recognize/],
  ])('%s', (_, head, message) => {
    const e = (() => {
      try {
        detectFormat(head, 'upload.bin');
      } catch (x) {
        return x as ImportError;
      }
      throw new Error('detected');
    })();
    expect(e).toMatchObject({ name: 'ImportError', code: 'UNKNOWN_FORMAT' });
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(PRINTABLE);
    expect(e.message).not.toContain('<script>');
    expect(e.message.length).toBeLessThan(240);
  });

  it('an empty file, or one of blank space only, says it is empty', () => {
    expect(() => detectFormat(new Uint8Array(0))).toThrow(expect.objectContaining({ code: 'EMPTY_FILE', message: 'The file is empty' }));
    expect(() => detectFormat(strToU8(' \n\t\r\n'))).toThrow(
      expect.objectContaining({ code: 'EMPTY_FILE', message: 'The file is empty (only blank space)' }),
    );
  });

  it('unrecognised text is quoted printable and short', () => {
    const e = (() => {
      try {
        detectFormat(strToU8(`name,\u0007age\u001b[31m\u202e,${'9'.repeat(100_000)}`));
      } catch (x) {
        return x as ImportError;
      }
      throw new Error('detected');
    })();
    expect(e.message).toMatch(/^Unrecognized file: it starts "name,age\[31m,9+…"$/);
    expect(e.message.length).toBeLessThan(120);
  });
});

describe('a zip without a known export', () => {
  it('names what it holds', async () => {
    const r = await importText(
      db(),
      zipSync({ 'readme.txt': strToU8('hello'), 'scan\u0007.pdf': PDF, 'photo.png': PNG }) as Uint8Array<ArrayBuffer>,
      'upload.zip',
    ).catch((e: unknown) => e as ImportError);
    expect(r).toMatchObject({ code: 'NO_DATA' });
    expect((r as ImportError).message).toBe(
      'The zip archive holds no file Doppel can read (3 files: "readme.txt", "scan.pdf", "photo.png")',
    );
  });

  it('says when it is an Office document', async () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
      'word/document.xml': strToU8('<?xml version="1.0"?><w:document/>'),
    }) as Uint8Array<ArrayBuffer>;
    await expect(importText(db(), docx, 'report.docx')).rejects.toMatchObject({
      code: 'NO_DATA',
      message: 'This is a Word document (a zip of Office XML), not a health data export',
    });
  });
});

describe('rejections and ignored names from a file stay short and printable', () => {
  it("in Doppel's CSV: a huge number, HTML and control characters", async () => {
    const r = await importText(
      db(),
      [
        'time,metric,value,unit,source',
        `2024-05-01T07:30:00+02:00,body_weight,1${'0'.repeat(500_000)},kg,Scale`,
        `2024-05-01T07:31:00+02:00,body_weight,<img src=x onerror=alert(1)>\u0000\u0008,kg,Scale`,
        `2024-05-01T07:32\u001b[2J:00+02:00,body_weight,80,kg,Scale`,
        `2024-05-01T07:33:00+02:00,weird\u0001metric\u009b,80,kg,Scale`,
      ].join('\n'),
      'doppel.csv',
    );
    expect(r.rejected).toHaveLength(3);
    for (const { where, reason } of r.rejected) {
      expect(`${where} ${reason}`).toMatch(PRINTABLE);
      expect(reason.length).toBeLessThan(160);
    }
    expect(r.rejected[0]!.reason).toBe(`body_weight: value "1${'0'.repeat(39)}…" is not a number`);
    expect(Object.keys(r.ignored)).toEqual(['weirdmetric']);
  });

  it('a huge timestamp is rejected with a reason, not a crash', async () => {
    const r = await importText(
      db(),
      JSON.stringify([
        { type: 'sgv', sgv: 120, date: 1e300 },
        { type: 'sgv', sgv: 121, date: Date.UTC(2024, 0, 1) },
      ]),
      'entries.json',
    );
    expect(r.rejected).toEqual([{ where: 'entry 1', reason: 'cgm_glucose: date (out of range) is more than a day in the future' }]);
    expect(r.added).toBe(1);
  });

  it('the import sink cleans what parsers hand it', () => {
    const sink = new ImportSink(Date.UTC(2026, 0, 1));
    sink.reject('line 1\u0000', `value "${'\u0007'.repeat(10)}x" ${'y'.repeat(10_000)}`);
    sink.ignore('Type\u001b[31m');
    const [r] = sink.rejectedReport();
    expect(r!.where).toBe('line 1');
    expect(r!.reason).toMatch(PRINTABLE);
    expect(r!.reason.length).toBeLessThanOrEqual(300);
    expect(Object.keys(sink.ignored)).toEqual(['Type[31m']);
  });

  it('an ImportError never carries control characters', () => {
    const e = new ImportError('MALFORMED', `bad \u0000\u0085\ud800 thing ${'z'.repeat(5000)}`, 'line\u0007 3');
    expect(e.message).toMatch(PRINTABLE);
    expect(e.message.length).toBeLessThanOrEqual(500);
    expect(e.where).toBe('line 3');
  });
});

describe('printable and snippet', () => {
  it.each([
    ['plain text', 'plain text'],
    ['tabs\tand\r\nnew lines', 'tabs and new lines'],
    ['bell\u0007 DEL\u007f C1\u009b U+FFFD\ufffd BOM\ufeff RLO\u202e ZWJ\u200d', 'bell DEL C1 U+FFFD BOM RLO ZWJ'],
    ['emoji 😀 and accents é ü', 'emoji 😀 and accents é ü'],
    ['lone \ud83d surrogate', 'lone  surrogate'],
  ])('printable(%j) = %j', (s, out) => {
    expect(printable(s)).toBe(out);
  });

  it('snippet cuts at code points, marks the cut, and works on huge input in bounded time', () => {
    expect(snippet('short')).toBe('short');
    expect(snippet('a'.repeat(41))).toBe(`${'a'.repeat(40)}…`);
    expect(snippet('😀'.repeat(50), 3)).toBe('😀😀😀…');
    expect(snippet(`\u0000${'\u0001'.repeat(1_000_000)}`, 10)).toBe('…');
  });
});

describe('the CLI says what an unrecognised file is', () => {
  it('import of a PDF exits 2 with a printable one-line reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doppel-msg-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, PDF);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/cli/main.ts', 'import', '--json', file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    const { error } = JSON.parse(r.stdout) as { error: string };
    expect(error).toMatch(/report\.pdf: This is a PDF document, not a health data export/);
    expect(error).toMatch(PRINTABLE);
    expect(r.stderr.trim()).toBe(`doppel: ${error}`);
  });
});
