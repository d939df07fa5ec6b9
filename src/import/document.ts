/**
 * PDF reports and pictures (a photo or scan of a lab report) are what people most often pick instead
 * of an export. The Import page recognises them from their first bytes before anything is sent to the
 * import worker, so nothing is read further and nothing is stored, and it says what to get instead
 * (docs/import-formats.md, "Files that are no export"). Detection (detect.ts) names them from the same
 * signatures. No dependencies: the main bundle imports this file.
 */

/** Bytes the checks need from the start of a file. */
export const DOCUMENT_SNIFF_BYTES = 512;

export type DocumentKind = 'pdf' | 'image';
export type PictureFormat = 'PNG' | 'JPEG' | 'GIF' | 'WebP' | 'HEIC' | 'TIFF';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
function has(head: Uint8Array, at: number, sig: number[]): boolean {
  return sig.every((b, i) => head[at + i] === b);
}

/** "%PDF-" at the start (ISO 32000-2, 7.5.2 "File header"). */
export function isPdf(head: Uint8Array): boolean {
  return has(head, 0, ascii('%PDF-'));
}

/** HEIF brands of still images (ISO/IEC 23008-12) and AVIF; other `ftyp` brands are videos. */
const STILL_BRANDS = /^(heic|heix|heim|heis|hevc|mif1|msf1|avif)$/;

/** The picture format of a file from its signature (PNG, JPEG, GIF, WebP, HEIC/AVIF, TIFF), if it is one. */
export function pictureFormat(head: Uint8Array): PictureFormat | undefined {
  if (has(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (has(head, 0, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (has(head, 0, ascii('GIF87a')) || has(head, 0, ascii('GIF89a'))) return 'GIF';
  if (has(head, 0, ascii('RIFF')) && has(head, 8, ascii('WEBP'))) return 'WebP';
  if (has(head, 4, ascii('ftyp')) && STILL_BRANDS.test(String.fromCharCode(...head.subarray(8, 12)))) return 'HEIC';
  // TIFF, little- or big-endian (TIFF 6.0, section 2): scanners write it.
  if (has(head, 0, [0x49, 0x49, 0x2a, 0x00]) || has(head, 0, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  return undefined;
}

const PDF_NAME = /\.pdf$/i;
const PICTURE_NAME = /\.(png|jpe?g|gif|webp|heic|heif|avif|tiff?|bmp)$/i;

/** Whether the first bytes cannot be text (a NUL or another control byte a text file does not hold). */
function notText(head: Uint8Array): boolean {
  const n = Math.min(head.length, DOCUMENT_SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) return true;
  }
  return false;
}

/**
 * Whether a file is a PDF or a picture rather than an export: by its signature; by its name only
 * when its first bytes are neither text nor a zip (a BMP, or a PDF whose header was damaged) or it
 * is empty. A file named `.pdf` that holds text or a zip goes on to detection, which reads content.
 */
export function documentKind(head: Uint8Array, name = ''): DocumentKind | undefined {
  if (isPdf(head)) return 'pdf';
  if (pictureFormat(head)) return 'image';
  // A zip may hold an export, whatever it is called: detection looks inside.
  if (has(head, 0, [0x50, 0x4b])) return undefined;
  if (head.length > 0 && !notText(head)) return undefined;
  if (PDF_NAME.test(name)) return 'pdf';
  if (PICTURE_NAME.test(name)) return 'image';
  return undefined;
}
