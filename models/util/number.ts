/**
 * Numbers as health exports write them: decimal notation only. `Number()` also reads hex ("0x50" is
 * 80), binary and octal prefixes, "Infinity", and empty or blank text as 0, none of which an export
 * means as a measurement; so every importer reads its numbers through `decimal`.
 */

/** Optional sign, digits with an optional point (or a point and digits), an optional exponent. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** More characters than any measurement is written with (and a bound on the work for hostile text). */
const MAX_CHARS = 64;

/** The value of decimal text (surrounding white space allowed), else NaN (also when not finite: "1e999"). */
export function decimal(text: string): number {
  const t = text.trim();
  if (t.length > MAX_CHARS || !DECIMAL.test(t)) return NaN;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

/** `decimal`, with one decimal comma read as a point ("82,4", as European exports write it). */
export function decimalComma(text: string): number {
  return decimal(text.replace(',', '.'));
}
