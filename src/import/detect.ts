import { ImportError } from './errors.ts';
import { isDexcomHeader } from './formats/dexcom-clarity-csv.ts';
import { isLibreHeader } from './formats/libreview-csv.ts';
import { isGarminHeader } from './formats/garmin-csv.ts';
import { isGoogleFitHeader } from './formats/google-fit-csv.ts';
import { withingsKind } from './formats/withings-csv.ts';
import { isSamsungMeta } from './formats/samsung-health-csv.ts';

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
  | 'samsung-health-csv';

/** How many leading bytes detection reads. */
export const SNIFF_BYTES = 64 * 1024;

const GENERIC_CSV_HEADER = /^time,metric,value,unit(,source)?$/i;

/**
 * The format of a file from its first bytes, never from its name (contracts §2); the name only
 * breaks ties between formats that share one shape.
 */
export function detectFormat(head: Uint8Array, name = ''): FormatId {
  if (head.length === 0) throw new ImportError('EMPTY_FILE', 'The file is empty');
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) return 'zip';
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const t = text.trimStart();
  if (t.startsWith('<')) {
    if (/<HealthData[\s>]/.test(t) || /HealthKit Export Version/.test(t)) return 'apple-health-xml';
    throw new ImportError('UNKNOWN_FORMAT', `An XML file that is not an Apple Health export (it starts "${preview(t)}")`);
  }
  if (t.startsWith('{') || t.startsWith('[')) {
    if (/"resourceType"\s*:/.test(t)) return 'fhir-r4';
    if (/"sgv"\s*:/.test(t) || (/"type"\s*:\s*"(sgv|mbg|cal)"/.test(t) && /"date"\s*:/.test(t))) return 'nightscout-json';
    if (t.startsWith('[') && (/"dateTime"\s*:/.test(t) || (/"logId"\s*:/.test(t) && /"(weight|dateOfSleep)"\s*:/.test(t))))
      return 'fitbit-json';
    throw new ImportError('UNKNOWN_FORMAT', `A JSON file Doppel does not recognize (it starts "${preview(t)}")`);
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
  throw new ImportError('UNKNOWN_FORMAT', `Unrecognized file: it starts "${preview(t)}"`);
}

function preview(t: string): string {
  const s = t.slice(0, 60).replace(/\s+/g, ' ').trim();
  // Shown as text only, never as HTML; control characters are dropped.
  const printable = [...s].filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127).join('');
  return printable + (t.length > 60 ? '…' : '');
}
