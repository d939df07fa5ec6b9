import { describe, expect, it } from 'vitest';
import { documentKind, pictureFormat } from '../../../src/import/document.ts';
import { detectFormat } from '../../../src/import/detect.ts';
import { ImportError } from '../../../src/import/errors.ts';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

const PDF = bytes(...ascii('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 10);
const PICTURES: [string, Uint8Array][] = [
  ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)],
  ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, ...ascii('JFIF'))],
  ['GIF', bytes(...ascii('GIF89a'), 1, 0, 1, 0)],
  ['WebP', bytes(...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WEBPVP8 '))],
  ['HEIC', bytes(0, 0, 0, 0x18, ...ascii('ftypheic'), 0, 0, 0, 0, ...ascii('mif1heic'))],
  ['TIFF', bytes(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0)],
  ['TIFF', bytes(0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8)],
];

describe('PDFs and pictures are told from exports before anything is read', () => {
  it('a PDF by its header, whatever its name', () => {
    expect(documentKind(PDF, 'labs.pdf')).toBe('pdf');
    expect(documentKind(PDF, 'export.csv')).toBe('pdf');
  });

  it.each(PICTURES)('a %s picture by its signature', (format, head) => {
    expect(pictureFormat(head)).toBe(format);
    expect(documentKind(head, 'scan')).toBe('image');
    // Detection in the worker and the CLI names the same picture.
    expect(() => detectFormat(head, 'scan')).toThrow(new RegExp(`^This is an image \\(${format}\\), not a health data export`));
  });

  it('a video shares HEIC’s box but is no picture', () => {
    const mp4 = bytes(0, 0, 0, 0x18, ...ascii('ftypisom'), 0, 0, 2, 0);
    expect(pictureFormat(mp4)).toBeUndefined();
    expect(documentKind(mp4, 'clip.mp4')).toBeUndefined();
    expect(() => detectFormat(mp4)).toThrow(/^This is a video/);
  });

  it('by name only when the bytes are not text (a BMP, a damaged PDF) or the file is empty', () => {
    expect(documentKind(bytes(...ascii('BM'), 0x36, 0x10, 0, 0, 0, 0), 'scan.bmp')).toBe('image');
    expect(documentKind(bytes(0, 1, 2, 3), 'report.PDF')).toBe('pdf');
    expect(documentKind(new Uint8Array(0), 'photo.jpeg')).toBe('image');
    expect(documentKind(new Uint8Array(0), 'empty.csv')).toBeUndefined();
  });

  it('never refuses an export, whatever it is named', () => {
    const exports = [
      text('<?xml version="1.0"?>\n<HealthData locale="en_US">'),
      text('{"resourceType":"Bundle","entry":[]}'),
      text('time,metric,value,unit\n2024-05-01T07:30:00Z,body_weight,82.4,kg\n'),
      text('BMI,Weight\n24.1,80\n'),
      bytes(0x50, 0x4b, 3, 4, 20, 0, 0, 0),
    ];
    for (const head of exports) {
      for (const name of ['export.xml', 'results.pdf', 'photo.jpg', 'data.csv']) {
        expect(documentKind(head, name), `${new TextDecoder().decode(head.subarray(0, 20))} as ${name}`).toBeUndefined();
      }
    }
  });

  it('detection still calls a PDF a PDF (the CLI and the share inbox read the same words)', () => {
    expect(() => detectFormat(PDF, 'labs.pdf')).toThrow(ImportError);
    expect(() => detectFormat(PDF, 'labs.pdf')).toThrow(/^This is a PDF document, not a health data export/);
  });
});
