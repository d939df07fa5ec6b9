/**
 * Text from a file quoted in a message (an import rejection, an error, the CLI's output): printable
 * characters only, and short. A PDF's bytes, an HTML page or a megabyte-long number then stay a few
 * harmless words: messages are shown as text, never as HTML, and never hold control characters.
 */

// C0 and C1 controls, DEL, soft hyphen, bidi and zero-width marks, line/paragraph separators, BOM,
// specials (U+FFF0-FFFF, U+FFFD: bytes that were not UTF-8) and unpaired surrogates.
const NOT_PRINTABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff0-\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `s` with whitespace runs as one space and every other non-printable character dropped. */
export function printable(s: string): string {
  if (!/[^\x20-\x7e]/.test(s)) return s; // plain ASCII, the common case: nothing to do
  return s.replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ').replace(NOT_PRINTABLE, '');
}

/**
 * At most `max` printable characters of `s` (code points, never half a pair), with "…" when
 * anything was cut. Work is bounded by `max`, not by the length of `s`.
 */
export function snippet(s: string, max = 40): string {
  const head = s.slice(0, max * 4 + 1);
  const chars = Array.from(printable(head));
  const cut = s.length > head.length || chars.length > max;
  return cut ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
