/**
 * The `.doppel` share file, version 1 (docs/share-format.md). Binary, little-endian:
 *
 *   0  magic "DOPPEL" 0x53 0x48 ("DOPPELSH", 8 bytes)
 *   8  format version (u8, 1)
 *   9  mode (u8): 0 plain (no encryption; only after an explicit warning), 1 passphrase, 2 code
 *  10  mode 1: Argon2id memory KiB (u32), iterations (u32), parallelism (u8), salt (16 bytes)
 *      mode 2: HKDF salt (16 bytes)
 *      then, modes 1 and 2: AES-GCM nonce (12 bytes)
 *   …  body: modes 1 and 2, AES-256-GCM of the deflated payload with the whole header as
 *      additional data (so a changed header fails like a changed body); mode 0, the deflated payload
 *      followed by a SHA-256 of everything before it
 *
 * The key: mode 1, Argon2id (RFC 9106; hash-wasm) of the passphrase, 64 MiB, 3 passes, 1 lane, 32
 * bytes; mode 2, HKDF-SHA-256 of a generated 160-bit code (high entropy: no slow hash needed).
 * The payload is UTF-8 JSON (`SharePayload`), deflated (fflate), inflated with a size cap.
 */
import { Inflate, deflateSync } from 'fflate';
import { argon2id } from 'hash-wasm';
import { ShareError } from './errors.ts';

export const MAGIC = new TextEncoder().encode('DOPPELSH');
export const SHARE_VERSION = 1;
export const enum Mode {
  Plain = 0,
  Passphrase = 1,
  Code = 2,
  /** Backups (src/backup/format.ts): the same keys, a segmented body. Never opened as a share. */
  BackupPassphrase = 3,
  BackupCode = 4,
}

/** Whether a mode is a backup's (src/backup): sharing refuses them, the backup reader takes only them. */
export const isBackupMode = (mode: number): boolean => mode === Mode.BackupPassphrase || mode === Mode.BackupCode;

/** Argon2id parameters of new files (RFC 9106 §4's second recommendation, one lane: the browser runs lanes on one thread). */
export const ARGON2 = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;
/**
 * Bounds a file may ask for, checked before any work (the header is authenticated only after the
 * key is derived): up to 256 MiB and 10 passes, and at most 4× the default's total work.
 */
const ARGON2_LIMITS = { memoryKiB: [8 * 1024, 256 * 1024], iterations: [1, 10], parallelism: [1, 4] } as const;
const ARGON2_MAX_WORK = 4 * ARGON2.memoryKiB * ARGON2.iterations;
/** The most a payload may inflate to (two years of minute heart rate is ~70 MB of JSON). */
export const MAX_PAYLOAD_BYTES = 256 * 2 ** 20;
/** Plain files end with a SHA-256 of everything before it: a changed byte is found without a key. */
const DIGEST_BYTES = 32;
export const MIN_PASSPHRASE_CHARS = 10;

export type Secret = { passphrase: string } | { code: string } | { plain: true };

export interface ShareHeader {
  version: number;
  mode: Mode;
  argon2?: { memoryKiB: number; iterations: number; parallelism: number; salt: Uint8Array };
  salt?: Uint8Array;
  nonce?: Uint8Array;
  /** Header length in bytes (= where the body starts). */
  length: number;
}

/** WebCrypto wants ArrayBuffer-backed views; every view here is one (files, fflate, getRandomValues). */
export const buf = (u: Uint8Array): Uint8Array<ArrayBuffer> => u as Uint8Array<ArrayBuffer>;

function need(bytes: Uint8Array, end: number, what: string): void {
  if (bytes.length < end)
    throw new ShareError(
      'TRUNCATED',
      `The file ends at byte ${bytes.length}, inside its ${what} (which ends at byte ${end}): it is incomplete.`,
    );
}

/** Reads a share file's header without any secret: which secret it needs, and whether this app can read it. */
export function readHeader(bytes: Uint8Array): ShareHeader {
  const h = parseHeader(bytes);
  if (isBackupMode(h.mode))
    throw new ShareError(
      'IS_BACKUP',
      "This is a Doppel backup of someone's own twin, not a shared twin: its owner restores it in Settings, under Back up and restore.",
    );
  return h;
}

/**
 * Reads the header of any `DOPPELSH` container, a share's or a backup's. Backups (modes 3 and 4)
 * carry the key fields of modes 1 and 2 and, instead of one nonce, an 8-byte nonce prefix that each
 * body segment completes with its index (src/backup/format.ts).
 */
export function parseHeader(bytes: Uint8Array): ShareHeader {
  if (bytes.length < MAGIC.length || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new ShareError('NOT_A_SHARE', 'This is not a Doppel share file (it does not start with DOPPELSH).');
  }
  need(bytes, 10, 'header');
  const version = bytes[8]!;
  const mode = bytes[9]!;
  if (version > SHARE_VERSION)
    throw new ShareError(
      'UNSUPPORTED_VERSION',
      `This share file is version ${version}; this Doppel reads version ${SHARE_VERSION}. Update Doppel to open it.`,
    );
  if (version < 1) throw new ShareError('CORRUPT', `Byte 8: format version ${version} does not exist.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (mode === Mode.Plain) return { version, mode, length: 10 };
  if (mode === Mode.Passphrase || mode === Mode.BackupPassphrase) {
    const nonceBytes = mode === Mode.Passphrase ? 12 : 8;
    need(bytes, 10 + 9 + 16 + nonceBytes, 'key-derivation parameters');
    const memoryKiB = view.getUint32(10, true),
      iterations = view.getUint32(14, true),
      parallelism = bytes[18]!;
    for (const [name, v, [lo, hi], at] of [
      ['memory (KiB)', memoryKiB, ARGON2_LIMITS.memoryKiB, 10],
      ['iterations', iterations, ARGON2_LIMITS.iterations, 14],
      ['parallelism', parallelism, ARGON2_LIMITS.parallelism, 18],
    ] as const) {
      if (v < lo || v > hi) throw new ShareError('CORRUPT', `Byte ${at}: Argon2 ${name} ${v} is outside ${lo}-${hi}.`);
    }
    if (memoryKiB * iterations > ARGON2_MAX_WORK)
      throw new ShareError('CORRUPT', `Bytes 10-17: Argon2 ${memoryKiB} KiB × ${iterations} passes is more work than Doppel allows.`);
    return {
      version,
      mode,
      argon2: { memoryKiB, iterations, parallelism, salt: bytes.slice(19, 35) },
      nonce: bytes.slice(35, 35 + nonceBytes),
      length: 35 + nonceBytes,
    };
  }
  if (mode === Mode.Code || mode === Mode.BackupCode) {
    const nonceBytes = mode === Mode.Code ? 12 : 8;
    need(bytes, 10 + 16 + nonceBytes, 'salt and nonce');
    return { version, mode, salt: bytes.slice(10, 26), nonce: bytes.slice(26, 26 + nonceBytes), length: 26 + nonceBytes };
  }
  throw new ShareError('CORRUPT', `Byte 9: mode ${mode} is unknown (0 plain, 1 passphrase, 2 code, 3 and 4 backups).`);
}

/** A header of `mode` with the given salt and nonce (a backup's nonce is its 8-byte prefix). */
export function writeHeader(mode: Mode, salt?: Uint8Array, nonce?: Uint8Array): Uint8Array {
  const len = mode === Mode.Plain ? 10 : 10 + (mode === Mode.Passphrase || mode === Mode.BackupPassphrase ? 25 : 16) + nonce!.length;
  const out = new Uint8Array(len);
  out.set(MAGIC, 0);
  out[8] = SHARE_VERSION;
  out[9] = mode;
  const view = new DataView(out.buffer);
  if (mode === Mode.Passphrase || mode === Mode.BackupPassphrase) {
    view.setUint32(10, ARGON2.memoryKiB, true);
    view.setUint32(14, ARGON2.iterations, true);
    out[18] = ARGON2.parallelism;
    out.set(salt!, 19);
    out.set(nonce!, 35);
  } else if (mode === Mode.Code || mode === Mode.BackupCode) {
    out.set(salt!, 10);
    out.set(nonce!, 26);
  }
  return out;
}

/** The AES-256-GCM key for a header and a secret (a backup's code key has its own HKDF info). */
export async function deriveKey(h: ShareHeader, secret: Secret): Promise<CryptoKey> {
  if (h.mode === Mode.Passphrase || h.mode === Mode.BackupPassphrase) {
    if (!('passphrase' in secret)) throw new ShareError('WRONG_SECRET', 'This file is protected by a passphrase.');
    // Argon2 itself would throw an untyped error for an empty passphrase.
    if (!secret.passphrase) throw new ShareError('WRONG_SECRET', 'No passphrase was given for this file.');
    const a = h.argon2!;
    const raw = await argon2id({
      password: secret.passphrase.normalize('NFC'),
      salt: a.salt,
      parallelism: a.parallelism,
      iterations: a.iterations,
      memorySize: a.memoryKiB,
      hashLength: 32,
      outputType: 'binary',
    });
    return crypto.subtle.importKey('raw', buf(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
  }
  if (!('code' in secret)) throw new ShareError('WRONG_SECRET', 'This file is protected by a share code.');
  const ikm = await crypto.subtle.importKey('raw', buf(decodeCode(secret.code)), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: buf(h.salt!),
      info: new TextEncoder().encode(h.mode === Mode.BackupCode ? 'doppel-backup v1' : 'doppel-share v1'),
    },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A new file's passphrase must be long enough (WEAK_PASSPHRASE). */
export function checkPassphrase(secret: Secret): void {
  if ('passphrase' in secret && [...secret.passphrase.normalize('NFC')].length < MIN_PASSPHRASE_CHARS) {
    throw new ShareError(
      'WEAK_PASSPHRASE',
      `A passphrase needs at least ${MIN_PASSPHRASE_CHARS} characters (several words are easiest to remember).`,
    );
  }
}

/** Seals a payload (UTF-8 JSON bytes) into a share file. */
export async function seal(payload: Uint8Array, secret: Secret): Promise<Uint8Array> {
  // Level 1: most of the size gain of DEFLATE at a fraction of its time (a 2-year share with minute heart rate).
  const body = deflateSync(payload, { level: 1 });
  if ('plain' in secret) {
    const header = writeHeader(Mode.Plain);
    const unsigned = concat(header, body);
    return concat(unsigned, new Uint8Array(await crypto.subtle.digest('SHA-256', buf(unsigned))));
  }
  checkPassphrase(secret);
  const mode = 'passphrase' in secret ? Mode.Passphrase : Mode.Code;
  const header = writeHeader(mode, crypto.getRandomValues(new Uint8Array(16)), crypto.getRandomValues(new Uint8Array(12)));
  const h = readHeader(header);
  const key = await deriveKey(h, secret);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: buf(h.nonce!), additionalData: buf(header), tagLength: 128 }, key, buf(body)),
  );
  return concat(header, sealed);
}

/** Opens a share file: the payload bytes, or a ShareError saying what is wrong (nothing partial). */
export async function open(bytes: Uint8Array, secret: Secret, maxPayloadBytes = MAX_PAYLOAD_BYTES): Promise<Uint8Array> {
  const h = readHeader(bytes);
  let body = bytes.subarray(h.length);
  if (h.mode === Mode.Plain) {
    if (body.length < DIGEST_BYTES)
      throw new ShareError('TRUNCATED', `The file ends at byte ${bytes.length}, before its checksum: it is incomplete.`);
    const end = bytes.length - DIGEST_BYTES;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buf(bytes.subarray(0, end))));
    if (digest.some((b, i) => b !== bytes[end + i]))
      throw new ShareError('CORRUPT', 'The file was changed or damaged after it was made (its checksum does not match).');
    body = bytes.subarray(h.length, end);
  } else {
    if (body.length < 16)
      throw new ShareError('TRUNCATED', `The file ends at byte ${bytes.length}, before its authentication tag: it is incomplete.`);
    const key = await deriveKey(h, secret);
    try {
      body = new Uint8Array(
        await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: buf(h.nonce!), additionalData: buf(bytes.subarray(0, h.length)), tagLength: 128 },
          key,
          buf(body),
        ),
      );
    } catch {
      throw new ShareError(
        'WRONG_SECRET',
        h.mode === Mode.Passphrase
          ? 'The passphrase is wrong, or the file was changed or cut short after it was made.'
          : 'The share code is wrong, or the file was changed or cut short after it was made.',
      );
    }
  }
  return inflateCapped(body, maxPayloadBytes);
}

function inflateCapped(body: Uint8Array, max: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let failed: unknown;
  const inf = new Inflate((chunk) => {
    total += chunk.length;
    if (total > max) throw new ShareError('TOO_LARGE', `The payload unpacks to more than ${max / 2 ** 20} MiB; Doppel refuses it.`);
    parts.push(chunk);
  });
  try {
    for (let i = 0; i < body.length; i += 1 << 16)
      inf.push(body.subarray(i, Math.min(body.length, i + (1 << 16))), i + (1 << 16) >= body.length);
  } catch (e) {
    failed = e;
  }
  if (failed instanceof ShareError) throw failed;
  if (failed || parts.length === 0)
    throw new ShareError('CORRUPT', "The file's content could not be unpacked: it is damaged or incomplete.");
  return concat(...parts);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// Share codes: 20 random bytes (160 bits) in Crockford base32, in groups of four: 8 groups.
const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let bits = 0,
    acc = 0,
    out = '';
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** A typed code as its 32 characters: case, spaces and dashes dropped, and I, L, O read as 1, 1, 0. */
export function cleanCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** A typed code back to its 20 bytes; forgiving of case, spaces, dashes and the letters I, L, O (read as 1, 1, 0). */
export function decodeCode(code: string): Uint8Array {
  const clean = cleanCode(code);
  if (clean.length !== 32 || [...clean].some((c) => !B32.includes(c))) {
    throw new ShareError('BAD_CODE', 'A share code has 32 letters and digits in 8 groups of 4 (for example 7K3M-…); check what was typed.');
  }
  const out = new Uint8Array(20);
  let bits = 0,
    acc = 0,
    i = 0;
  for (const c of clean) {
    acc = (acc << 5) | B32.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out[i++] = (acc >>> (bits - 8)) & 255;
      bits -= 8;
    }
  }
  return out;
}
