/**
 * What a scanned QR code says. The share screen's QR code holds the share code as text, in groups
 * (`7K3M-…`, docs/share-format.md); a camera may read it with stray spaces or line ends. Anything
 * else (a web address, another app's code) is not a share code.
 */
import { ShareError } from './errors.ts';
import { cleanCode, decodeCode } from './format.ts';

/** The share code a QR code holds, in its usual form (8 groups of 4), or undefined if it holds none. */
export function codeFromQr(raw: string): string | undefined {
  const text = raw.trim();
  // A share code is 32 characters; with its dashes, and perhaps spaces, well under 64.
  if (text.length > 64 || !/^[0-9A-Za-z\s-]+$/.test(text)) return undefined;
  try {
    decodeCode(text);
  } catch (e) {
    if (e instanceof ShareError) return undefined;
    throw e;
  }
  return cleanCode(text).match(/.{4}/g)!.join('-');
}
