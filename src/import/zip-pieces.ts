/**
 * Cuts a zip's byte stream into the pieces handed to fflate's `Unzip`: each piece holds at most one
 * local file header, at its start and whole. fflate's `Unzip.push` calls itself once or twice for
 * every entry in the bytes it is given, so a chunk holding many small entries overflowed the stack
 * ("Maximum call stack size exceeded": a 3,000-entry Takeout zip in the app's import worker, or
 * read from memory as one chunk in Node); with one header per piece its depth stays a few calls
 * whatever the archive.
 * Each header is read on the way (`header`), for the fields fflate does not pass on (the encryption
 * flag). Zip layout: PKWARE APPNOTE.TXT 6.3.10, 4.3.7.
 */

/** Local file header: PK\3\4, then 26 bytes of fields, the name and the extra field. */
const SIG = [0x50, 0x4b, 0x03, 0x04] as const;
const FIXED = 30;

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);

/** The index of the first local header signature at or after `from`, or -1. */
function findSig(b: Uint8Array, from: number): number {
  for (let i = b.indexOf(SIG[0], from); i >= 0 && i + 3 < b.length; i = b.indexOf(SIG[0], i + 1)) {
    if (b[i + 1] === SIG[1] && b[i + 2] === SIG[2] && b[i + 3] === SIG[3]) return i;
  }
  return -1;
}

/** How many of the last bytes of `b` (at most 3, none before `from`) could begin a signature. */
function partialSigAtEnd(b: Uint8Array, from: number): number {
  for (let k = Math.min(3, b.length - from); k > 0; k--) {
    let match = true;
    for (let j = 0; j < k && match; j++) match = b[b.length - k + j] === SIG[j];
    if (match) return k;
  }
  return 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export interface LocalHeader {
  name: string;
  /** General-purpose flags: bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name. */
  flags: number;
  method: number;
}

export class ZipPieces {
  /** Bytes held back: a local header not yet whole, or the start of a signature. */
  private pending: Uint8Array = new Uint8Array(0);
  /** Headers cut so far and not yet claimed, in order (a signature inside an entry's data among them). */
  private readonly headers: LocalHeader[] = [];

  /**
   * The header of the entry fflate announces as `name`: fflate announces entries in order, each
   * after its header was cut here, so the first unclaimed header of that name is its own.
   */
  header(name: string): LocalHeader | undefined {
    const i = this.headers.findIndex((h) => h.name === name);
    return i < 0 ? undefined : this.headers.splice(0, i + 1)[i];
  }

  /** The pieces of `chunk` (after the bytes held back), in order; with `final`, the rest too. */
  *cut(chunk: Uint8Array, final = false): Generator<Uint8Array> {
    const b = this.pending.length ? concat(this.pending, chunk) : chunk;
    this.pending = new Uint8Array(0);
    let start = 0;
    // Where the current piece's header ends (no signature may be held back from inside it).
    let headerEnd = 0;
    for (let sig = findSig(b, 0); sig >= 0; sig = findSig(b, headerEnd)) {
      if (sig > start) yield b.subarray(start, sig);
      start = sig;
      const whole = b.length >= sig + FIXED && b.length >= sig + FIXED + u16(b, sig + 26) + u16(b, sig + 28);
      if (!whole) {
        if (final) break;
        this.pending = b.slice(sig);
        return;
      }
      headerEnd = sig + FIXED + u16(b, sig + 26) + u16(b, sig + 28);
      this.headers.push(readHeader(b, sig));
    }
    const hold = final ? 0 : partialSigAtEnd(b, Math.max(start, headerEnd));
    if (b.length - hold > start) yield b.subarray(start, b.length - hold);
    if (hold) this.pending = b.slice(b.length - hold);
  }
}

/** The fields of the local header at `at` (whole in `b`) that fflate does not pass on. */
function readHeader(b: Uint8Array, at: number): LocalHeader {
  const flags = u16(b, at + 6);
  const nameBytes = b.subarray(at + FIXED, at + FIXED + u16(b, at + 26));
  // The name is UTF-8 when flag bit 11 is set, else CP437, which fflate reads as Latin-1.
  const name = flags & 0x800 ? new TextDecoder().decode(nameBytes) : latin1(nameBytes);
  return { name, flags, method: u16(b, at + 8) };
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += String.fromCharCode(c);
  return s;
}
