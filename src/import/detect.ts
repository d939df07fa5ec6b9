import { snippet } from '../../models/util/text.ts';
import { isPdf, pictureFormat } from './document.ts';
import { ImportError } from './errors.ts';
import { isDexcomHeader } from './formats/dexcom-clarity-csv.ts';
import { isLibreHeader } from './formats/libreview-csv.ts';
import { isGarminHeader } from './formats/garmin-csv.ts';
import { isGoogleFitHeader } from './formats/google-fit-csv.ts';
import { withingsKind } from './formats/withings-csv.ts';
import { isSamsungMeta } from './formats/samsung-health-csv.ts';
import { isClinicalDocument } from './formats/ccda-detect.ts';
import { isHealthConnectDb } from './formats/health-connect-zip.ts';

export type FormatId =
  | 'zip'
  | 'apple-health-zip'
  | 'apple-health-xml'
  | 'fhir-r4'
  | 'dexcom-clarity-csv'
  | 'libreview-csv'
  | 'nightscout-json'
  | 'fitbit-json'
  | 'google-fit-csv'
  | 'generic-csv'
  | 'garmin-csv'
  | 'withings-csv'
  | 'samsung-health-csv'
  | 'ccda-xml'
  | 'ccda-xdm-zip'
  | 'health-connect-zip'
  | 'health-connect-db';

/** How many leading bytes detection reads. */
export const SNIFF_BYTES = 64 * 1024;

const GENERIC_CSV_HEADER = /^time,metric,value,unit(,source)?$/i;

/** Starts with these bytes at `at`. */
function has(head: Uint8Array, at: number, ...sig: number[]): boolean {
  return sig.every((b, i) => head[at + i] === b);
}
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const NOT_AN_EXPORT = 'not a health data export';
/** File signatures of what people pick by mistake (a report, a video, an archive), with what to call them; pictures: document.ts. */
const SIGNATURES: [test: (h: Uint8Array) => boolean, what: string][] = [
  [isPdf, 'This is a PDF document'],
  [(h) => has(h, 4, ...ascii('ftyp')), 'This is a video'],
  [(h) => has(h, 0, 0x1f, 0x8b), 'This is a gzip-compressed file (Doppel reads .zip archives; unpack it first)'],
  [
    (h) => has(h, 0, ...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c) || has(h, 0, ...ascii('Rar!')),
    'This is a 7z or RAR archive (Doppel reads .zip archives)',
  ],
  [(h) => has(h, 0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'This is a Microsoft Office document (Word or Excel)'],
  [(h) => has(h, 0, ...ascii('SQLite format 3'), 0), 'This is an SQLite database'],
];

/** What a file that is no export looks like, when recognisable from its first bytes. */
function looksLike(head: Uint8Array): string | undefined {
  const picture = pictureFormat(head);
  if (picture) return `This is an image (${picture}), ${NOT_AN_EXPORT}`;
  // HEIC photos and MP4/MOV videos share the `ftyp` box: a brand that is no still image is a video.
  for (const [test, what] of SIGNATURES) if (test(head)) return `${what}, ${NOT_AN_EXPORT}`;
  if (has(head, 0, 0xff, 0xfe) || has(head, 0, 0xfe, 0xff))
    return 'This text file is in UTF-16: save it as UTF-8 (in a spreadsheet: "CSV UTF-8") and import it again';
  return undefined;
}

/**
 * Whether the first bytes are not text: a NUL, control bytes beyond a few, or mostly bytes that are
 * not UTF-8 (a text file in Latin-1 has a few of those, not one in ten).
 */
function binary(head: Uint8Array, text: string): boolean {
  const n = Math.min(head.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  const sample = text.slice(0, 4096);
  let invalid = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) invalid++;
  return control > Math.max(2, n / 50) || invalid > sample.length / 10;
}

/**
 * The format of a file from its first bytes, never from its name (docs/cli.md); the name only
 * breaks ties between formats that share one shape. A file of no known format gets a message that
 * says what it looks like where that is recognisable (a PDF, an image, a web page, UTF-16 text), and
 * quotes no more of it than a short printable snippet.
 */
export function detectFormat(head: Uint8Array, name = ''): FormatId {
  if (head.length === 0) throw new ImportError('EMPTY_FILE', 'The file is empty');
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) return 'zip';
  // Android Health Connect's database, by its name (in the export zip, or unpacked); its parser checks the SQLite header.
  if (isHealthConnectDb(name)) return 'health-connect-db';
  const like = looksLike(head);
  if (like) throw new ImportError('UNKNOWN_FORMAT', like);
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const t = text.trimStart();
  if (t === '' && head.length < SNIFF_BYTES) throw new ImportError('EMPTY_FILE', 'The file is empty (only blank space)');
  if (t.startsWith('<')) {
    if (/<HealthData[\s>]/.test(t) || /HealthKit Export Version/.test(t)) return 'apple-health-xml';
    if (isClinicalDocument(t)) return 'ccda-xml';
    if (/^<!doctype html|^<html[\s>]/i.test(t) || /^<\?xml[^>]*>\s*<html[\s>]/i.test(t))
      throw new ImportError('UNKNOWN_FORMAT', `This is a web page (HTML), ${NOT_AN_EXPORT}`);
    throw new ImportError('UNKNOWN_FORMAT', `An XML file that is not an Apple Health export (it starts "${snippet(t.trimEnd(), 60)}")`);
  }
  if (t.startsWith('{') || t.startsWith('[')) {
    if (/"resourceType"\s*:/.test(t)) return 'fhir-r4';
    if (/"sgv"\s*:/.test(t) || (/"type"\s*:\s*"(sgv|mbg|cal)"/.test(t) && /"date"\s*:/.test(t))) return 'nightscout-json';
    if (t.startsWith('[') && (/"dateTime"\s*:/.test(t) || (/"logId"\s*:/.test(t) && /"(weight|dateOfSleep)"\s*:/.test(t))))
      return 'fitbit-json';
    throw new ImportError('UNKNOWN_FORMAT', `A JSON file Doppel does not recognize (it starts "${snippet(t.trimEnd(), 60)}")`);
  }
  const firstLines = t.split(/\r\n|\r|\n/, 6);
  const firstLine = firstLines[0]!.trim();
  if (GENERIC_CSV_HEADER.test(firstLine)) return 'generic-csv';
  if (isDexcomHeader(firstLine)) return 'dexcom-clarity-csv';
  if (firstLines.slice(0, 5).some(isLibreHeader)) return 'libreview-csv';
  if (isGarminHeader(firstLine)) return 'garmin-csv';
  if (isGoogleFitHeader(firstLine)) return 'google-fit-csv';
  if (withingsKind(firstLine, name)) return 'withings-csv';
  if (isSamsungMeta(firstLine)) return 'samsung-health-csv';
  if (binary(head, text)) throw new ImportError('UNKNOWN_FORMAT', `This is a binary file Doppel does not recognize, ${NOT_AN_EXPORT}`);
  throw new ImportError('UNKNOWN_FORMAT', `Unrecognized file: it starts "${snippet(t.trimEnd(), 60)}"`);
}
