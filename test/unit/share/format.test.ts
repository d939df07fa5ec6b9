import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { ARGON2, decodeCode, generateCode, open, readHeader, seal } from '../../../src/share/format.ts';
import { ShareError } from '../../../src/share/errors.ts';

const payload = new TextEncoder().encode(
  JSON.stringify({ format: 'doppel-share', version: 1, weights: Array.from({ length: 500 }, (_, i) => 80 + Math.sin(i)) }),
);
const PASS = { passphrase: 'correct horse battery staple' };

async function code(e: Promise<unknown>): Promise<string> {
  try {
    await e;
  } catch (err) {
    expect(err).toBeInstanceOf(ShareError);
    return (err as ShareError).code;
  }
  throw new Error('expected a ShareError');
}

describe('.doppel share file', () => {
  it('round-trips under a passphrase (Argon2id 64 MiB, 3 passes) and under a generated code', async () => {
    const a = await seal(payload, PASS);
    expect(readHeader(a)).toMatchObject({ version: 1, mode: 1, argon2: { memoryKiB: ARGON2.memoryKiB, iterations: 3, parallelism: 1 } });
    expect(await open(a, PASS)).toEqual(payload);
    const c = generateCode();
    expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    const b = await seal(payload, { code: c });
    expect(await open(b, { code: c.toLowerCase().replace(/-/g, ' ') })).toEqual(payload);
    // The same content never gives the same file (fresh salt and nonce).
    expect(await seal(payload, { code: c })).not.toEqual(b);
  });

  it('a plain file is readable without a secret, and says it is plain', async () => {
    const p = await seal(payload, { plain: true });
    expect(readHeader(p).mode).toBe(0);
    expect(await open(p, { plain: true })).toEqual(payload);
  });

  it('refuses a wrong passphrase or code, and a secret of the other kind', async () => {
    const a = await seal(payload, PASS);
    expect(await code(open(a, { passphrase: 'correct horse battery stapler' }))).toBe('WRONG_SECRET');
    expect(await code(open(a, { code: generateCode() }))).toBe('WRONG_SECRET');
    const b = await seal(payload, { code: generateCode() });
    expect(await code(open(b, { code: generateCode() }))).toBe('WRONG_SECRET');
    expect(await code(seal(payload, { passphrase: 'short' }))).toBe('WEAK_PASSPHRASE');
    expect(() => decodeCode('ABCD-EFGH')).toThrow('A share code has 32 letters and digits');
  });

  it('one flipped byte anywhere (header, salt, nonce, ciphertext, tag) opens nothing', async () => {
    const a = await seal(payload, { code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789' });
    const positions = [8, 9, 10, 20, 30, 37, 38, 100, a.length - 17, a.length - 1];
    for (const at of positions) {
      const t = a.slice();
      t[at] = t[at]! ^ 0x01;
      const got = await code(open(t, { code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789' }));
      expect(['WRONG_SECRET', 'CORRUPT', 'UNSUPPORTED_VERSION'], `byte ${at}`).toContain(got);
    }
  });

  it('property: a single-bit change at a random position of a sealed file (60 draws) is detected', async () => {
    const secret = { code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789' };
    const a = await seal(payload, secret);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 8, max: a.length - 1 }), fc.integer({ min: 0, max: 7 }), async (at, bit) => {
        const t = a.slice();
        t[at] = t[at]! ^ (1 << bit);
        await expect(open(t, secret)).rejects.toBeInstanceOf(ShareError);
      }),
      { numRuns: 60 },
    );
  });

  it('a cut-short file, a newer version, an unknown mode and other files each get their own message', async () => {
    const a = await seal(payload, PASS);
    expect(await code(open(a.subarray(0, 30), PASS))).toBe('TRUNCATED');
    expect(await code(open(a.subarray(0, a.length - 40), PASS))).toBe('WRONG_SECRET');
    const newer = a.slice();
    newer[8] = 2;
    await expect(open(newer, PASS)).rejects.toThrow('This share file is version 2; this Doppel reads version 1. Update Doppel to open it.');
    const mode = a.slice();
    mode[9] = 7;
    await expect(open(mode, PASS)).rejects.toThrow('Byte 9: mode 7 is unknown');
    const zip = zipSync({ 'export.xml': new TextEncoder().encode('<HealthData/>') });
    expect(await code(open(zip, PASS))).toBe('NOT_A_SHARE');
    expect(await code(open(new TextEncoder().encode('{"resourceType":"Bundle"}'), PASS))).toBe('NOT_A_SHARE');
    expect(await code(open(new Uint8Array(0), PASS))).toBe('NOT_A_SHARE');
    const hugeArgon = a.slice();
    new DataView(hugeArgon.buffer).setUint32(10, 64 * 1024 * 1024, true);
    await expect(open(hugeArgon, PASS)).rejects.toThrow('Byte 10: Argon2 memory (KiB) 67108864 is outside');
    // Within each bound but too much work together (256 MiB × 10 passes): refused before any hashing.
    const heavy = a.slice();
    new DataView(heavy.buffer).setUint32(10, 256 * 1024, true);
    new DataView(heavy.buffer).setUint32(14, 10, true);
    await expect(open(heavy, PASS)).rejects.toThrow('is more work than Doppel allows');
  });

  it('a plain file: past the size cap it is refused while unpacking; any changed byte is caught by its checksum', async () => {
    const zeros = new Uint8Array(64 * 2 ** 20);
    const file = await seal(zeros, { plain: true });
    // 64 MiB of zeros deflate to ~64 KB: under a 16 MiB cap it is refused, under the default it opens.
    await expect(open(file, { plain: true }, 16 * 2 ** 20)).rejects.toThrow('The payload unpacks to more than 16 MiB; Doppel refuses it.');
    expect((await open(file, { plain: true })).length).toBe(zeros.length);
    const p = await seal(payload, { plain: true });
    for (const at of [9, 12, Math.floor(p.length / 2), p.length - 40, p.length - 1]) {
      const t = p.slice();
      t[at] = t[at]! ^ 0x10;
      expect(['CORRUPT', 'NOT_A_SHARE'], `byte ${at}`).toContain(await code(open(t, { plain: true })));
    }
    expect(await code(open(p.subarray(0, 20), { plain: true }))).toBe('TRUNCATED');
  });
});
