/**
 * The backup container (docs/share-format.md "Backups"): the `.doppel` container of share files with
 * its own modes (3 passphrase, 4 code), its keys derived as a share's (src/share/format.ts), and a
 * body of segments so that neither making nor restoring holds the whole backup in memory:
 *
 *   header (magic, version, mode, key-derivation fields, an 8-byte random nonce prefix)
 *   segments, each: ciphertext length (u32, little-endian) and AES-256-GCM ciphertext with its tag
 *
 * The payload is deflated as one stream (fflate, level 1) and cut into segments of at most
 * SEGMENT_BYTES of deflated bytes. Segment i is sealed with the nonce prefix ‖ i (u32, big-endian)
 * and the whole header plus one byte (1 on the last segment, 0 before) as additional data: the
 * STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár, CRYPTO 2015), so a changed byte, a
 * segment moved, dropped or repeated, and a file cut at a segment boundary all fail to open.
 */
import { Deflate, Inflate } from 'fflate';
import { ShareError } from '../share/errors.ts';
import { Mode, buf, checkPassphrase, deriveKey, isBackupMode, parseHeader, writeHeader, type ShareHeader } from '../share/format.ts';
import { BackupError } from './errors.ts';

/** A backup's secret: a passphrase (Argon2id) or a generated code (HKDF), as for share files. */
export type BackupSecret = { passphrase: string } | { code: string };

/** Deflated payload bytes per segment. */
export const SEGMENT_BYTES = 1 << 20;
const TAG_BYTES = 16;
/** A segment's length field beyond this is damage (never written), refused before reading it. */
const MAX_SEALED = SEGMENT_BYTES + TAG_BYTES;
/** The most a header takes (mode 3: 43 bytes); the reader reads this much first. */
const HEADER_READ = 64;

/** A ShareError from the shared container code, said of a backup. */
function asBackupError(e: unknown): unknown {
  if (!(e instanceof ShareError)) return e;
  switch (e.code) {
    case 'NOT_A_SHARE':
      return new BackupError('NOT_A_BACKUP', 'This is not a Doppel backup (it does not start with DOPPELSH).');
    case 'UNSUPPORTED_VERSION':
      return new BackupError('UNSUPPORTED_VERSION', `${e.message.replace('share file', 'backup').replace('open it', 'restore it')}`);
    case 'TRUNCATED':
    case 'WRONG_SECRET':
    case 'CORRUPT':
    case 'WEAK_PASSPHRASE':
    case 'BAD_CODE':
      return new BackupError(e.code, e.message.replace('share code', 'backup code'));
    default:
      return new BackupError('CORRUPT', e.message);
  }
}

const nonceOf = (prefix: Uint8Array, index: number): Uint8Array => {
  const n = new Uint8Array(12);
  n.set(prefix, 0);
  new DataView(n.buffer).setUint32(8, index, false);
  return n;
};

const aadOf = (header: Uint8Array, last: boolean): Uint8Array => {
  const a = new Uint8Array(header.length + 1);
  a.set(header, 0);
  a[header.length] = last ? 1 : 0;
  return a;
};

/**
 * Seals a payload given in pieces into a backup, handing the file's bytes to `sink` in order (a
 * segment at a time): memory holds one segment and the deflater's window, whatever the size.
 */
export class BackupSealer {
  private readonly deflate: Deflate;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private index = 0;
  /** Bytes handed to the sink so far. */
  written = 0;

  private constructor(
    private readonly header: Uint8Array,
    private readonly key: CryptoKey,
    private readonly sink: (bytes: Uint8Array) => void | Promise<void>,
  ) {
    this.deflate = new Deflate({ level: 1 }, (chunk) => {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
    });
  }

  static async create(secret: BackupSecret, sink: (bytes: Uint8Array) => void | Promise<void>): Promise<BackupSealer> {
    try {
      checkPassphrase(secret);
      const mode = 'passphrase' in secret ? Mode.BackupPassphrase : Mode.BackupCode;
      const header = writeHeader(mode, crypto.getRandomValues(new Uint8Array(16)), crypto.getRandomValues(new Uint8Array(8)));
      const key = await deriveKey(parseHeader(header), secret);
      const s = new BackupSealer(header, key, sink);
      await s.emit(header);
      return s;
    } catch (e) {
      throw asBackupError(e);
    }
  }

  /** Adds payload bytes; seals every full segment they complete. */
  async push(bytes: Uint8Array): Promise<void> {
    this.deflate.push(bytes, false);
    while (this.pendingBytes > SEGMENT_BYTES) await this.seal(this.take(SEGMENT_BYTES), false);
  }

  /** Ends the payload: the rest is sealed, the last segment marked as the last. */
  async finish(): Promise<void> {
    this.deflate.push(new Uint8Array(0), true);
    while (this.pendingBytes > SEGMENT_BYTES) await this.seal(this.take(SEGMENT_BYTES), false);
    await this.seal(this.take(this.pendingBytes), true);
  }

  private take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const head = this.pending[0]!;
      const k = Math.min(head.length, n - at);
      out.set(head.subarray(0, k), at);
      at += k;
      if (k === head.length) this.pending.shift();
      else this.pending[0] = head.subarray(k);
    }
    this.pendingBytes -= n;
    return out;
  }

  private async seal(plain: Uint8Array, last: boolean): Promise<void> {
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt(
        {
          name: 'AES-GCM',
          iv: buf(nonceOf(this.header.subarray(this.header.length - 8), this.index++)),
          additionalData: buf(aadOf(this.header, last)),
          tagLength: 128,
        },
        this.key,
        buf(plain),
      ),
    );
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, sealed.length, true);
    await this.emit(len);
    await this.emit(sealed);
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    this.written += bytes.length;
    await this.sink(bytes);
  }
}

/** Reads a backup's header (no secret needed): refuses a share file and anything else with a sentence. */
export async function readBackupHeader(file: Blob): Promise<ShareHeader & { bytes: Uint8Array }> {
  const head = new Uint8Array(await file.slice(0, HEADER_READ).arrayBuffer());
  let h: ShareHeader;
  try {
    h = parseHeader(head);
  } catch (e) {
    throw asBackupError(e);
  }
  if (!isBackupMode(h.mode))
    throw new BackupError(
      'IS_SHARE',
      'This is a Doppel share file, a part of a twin made for a clinician, not a backup: it restores nothing. Open it with "Open a shared twin", where it opens read-only, apart from your own data.',
    );
  return { ...h, bytes: head.slice(0, h.length) };
}

/**
 * Opens a backup a segment at a time and yields its payload, inflated, in pieces. Each piece comes
 * from segments that authenticated; the last piece is yielded only once the last segment did, so a
 * caller that commits after the loop commits nothing from a changed, cut or lengthened file.
 */
export async function* openBackup(file: Blob, secret: BackupSecret, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const h = await readBackupHeader(file);
  let key: CryptoKey;
  try {
    key = await deriveKey(h, secret);
  } catch (e) {
    throw asBackupError(e);
  }
  const prefix = h.nonce!;
  let out: Uint8Array[] = [];
  const inflate = new Inflate((chunk) => out.push(chunk));
  let pos = h.length;
  let ended = false;
  for (let index = 0; !ended; index++) {
    if (signal?.aborted) throw new BackupError('CANCELLED', 'The restore was cancelled; nothing was changed.');
    if (pos + 4 > file.size)
      throw new BackupError('TRUNCATED', `The backup ends at byte ${file.size}, inside segment ${index}: it is incomplete.`);
    const len = new DataView(await file.slice(pos, pos + 4).arrayBuffer()).getUint32(0, true);
    if (len < TAG_BYTES || len > MAX_SEALED) {
      throw index === 0
        ? new BackupError('WRONG_SECRET', 'The passphrase or code is wrong, or the backup was changed after it was made.')
        : new BackupError('CORRUPT', `Bytes ${pos}-${pos + 3}: segment ${index} has an impossible length; the backup is damaged.`);
    }
    if (pos + 4 + len > file.size)
      throw new BackupError('TRUNCATED', `The backup ends at byte ${file.size}, inside segment ${index}: it is incomplete.`);
    const sealed = new Uint8Array(await file.slice(pos + 4, pos + 4 + len).arrayBuffer());
    pos += 4 + len;
    const atEnd = pos === file.size;
    const open = (last: boolean): Promise<ArrayBuffer> =>
      crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: buf(nonceOf(prefix, index)), additionalData: buf(aadOf(h.bytes, last)), tagLength: 128 },
        key,
        buf(sealed),
      );
    let plain: Uint8Array;
    try {
      plain = new Uint8Array(await open(atEnd));
    } catch {
      // The other flag opening it tells a cut file (or bytes added after its end) from a changed one.
      const other = await open(!atEnd).then(
        () => true,
        () => false,
      );
      if (other && atEnd)
        throw new BackupError('TRUNCATED', `The backup ends at byte ${file.size}, after segment ${index} of more: it is incomplete.`);
      if (other) throw new BackupError('CORRUPT', `The backup has bytes after its end (from byte ${pos}); it was changed.`);
      throw index === 0
        ? new BackupError('WRONG_SECRET', 'The passphrase or code is wrong, or the backup was changed or cut short after it was made.')
        : new BackupError(
            'CORRUPT',
            `Segment ${index} (bytes ${pos - 4 - len}-${pos - 1}) was changed or damaged after the backup was made.`,
          );
    }
    ended = atEnd;
    try {
      inflate.push(plain, ended);
    } catch {
      throw new BackupError('CORRUPT', "The backup's content could not be unpacked: it is damaged.");
    }
    for (const piece of out) yield piece;
    out = [];
  }
}
