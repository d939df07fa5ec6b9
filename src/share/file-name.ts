/**
 * The name of a share file: whose twin it is and the day it was made, e.g.
 * `doppel-twin-alex-b-2026-12-03.doppel`, or `doppel-twin-2026-12-03.doppel` without a name. Only the
 * name the patient gave and a date: never a measurement, a condition or anything else from the twin.
 */

/** Longest name part, in characters (a file name stays readable in a mail or a downloads list). */
const MAX_NAME_CHARS = 40;

/**
 * A name as a file-name part: lower case, accents dropped ("José" → "jose"), letters and digits of
 * any script kept, everything else (spaces, dots, slashes, quotes, emoji) one hyphen. Empty when
 * nothing usable is left.
 */
export function nameSlug(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
  const slug = plain.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return [...slug].slice(0, MAX_NAME_CHARS).join('').replace(/-+$/, '');
}

export function shareFileName(name: string | undefined, day: string): string {
  const slug = name ? nameSlug(name) : '';
  return slug ? `doppel-twin-${slug}-${day}.doppel` : `doppel-twin-${day}.doppel`;
}
