import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile, importText } from './helpers.ts';
import { useFreshDbs } from '../data/helpers.ts';
import { ZipPieces } from '../../../src/import/zip-pieces.ts';

const db = useFreshDbs();

/** A Takeout-like zip: `n` small Fitbit step files, one a day, two readings each. */
function takeout(n: number): Uint8Array<ArrayBuffer> {
  const files: Zippable = {};
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2017, 0, 1) + i * 86_400_000);
    const mdy = `${String(day.getUTCMonth() + 1).padStart(2, '0')}/${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCFullYear() % 100).padStart(2, '0')}`;
    const readings = [
      { dateTime: `${mdy} 08:00:00`, value: String(100 + (i % 900)) },
      { dateTime: `${mdy} 18:30:00`, value: String(200 + (i % 700)) },
    ];
    files[`Takeout/Fitbit/Global Export Data/steps-${day.toISOString().slice(0, 10)}.json`] = strToU8(JSON.stringify(readings));
  }
  return zipSync(files, { level: 0 }) as Uint8Array<ArrayBuffer>;
}

/** The names fflate's Unzip announces for `pieces`, pushed one by one. */
function entryNames(pieces: Iterable<Uint8Array>): string[] {
  const names: string[] = [];
  const uz = new Unzip((f) => names.push(f.name));
  uz.register(UnzipInflate);
  for (const p of pieces) uz.push(p);
  uz.push(new Uint8Array(0), true);
  return names;
}

describe('zips with thousands of entries', () => {
  const z = takeout(3000);

  it('the 3,000-entry Takeout zip is about 1 MB and overflows the stack when fflate gets it in one chunk', () => {
    expect(z.length).toBeGreaterThan(700_000);
    // The failure the app showed: fflate's Unzip.push recurses once or twice per entry in the chunk.
    expect(() => entryNames([z])).toThrow(/call stack/);
  });

  it('imports in one chunk (a File read from memory, as in the app) and from disk (as the CLI reads it), with the same report', async () => {
    const inMemory = await importText(db(), z, 'takeout.zip');
    expect(inMemory).toMatchObject({ format: 'zip', added: 6000, duplicates: 0, rejected: [] });
    const dir = mkdtempSync(join(tmpdir(), 'doppel-zip-'));
    writeFileSync(join(dir, 'takeout.zip'), z);
    const fromDisk = await importFile(db(), join(dir, 'takeout.zip'));
    expect({ ...fromDisk, importId: 0 }).toEqual({ ...inMemory, importId: 0 });
  });

  it('cuts any chunking into pieces that each hold at most one local header, at their start and whole', () => {
    const small = takeout(50);
    for (const size of [1, 7, 31, 64, 1000, small.length]) {
      const cut = new ZipPieces();
      const pieces: Uint8Array[] = [];
      for (let at = 0; at < small.length; at += size) pieces.push(...cut.cut(small.subarray(at, at + size)));
      pieces.push(...cut.cut(new Uint8Array(0), true));
      // Nothing lost or reordered.
      expect(Buffer.concat(pieces).equals(Buffer.from(small))).toBe(true);
      for (const p of pieces) {
        const sigs = Buffer.from(p).toString('latin1').split('PK\x03\x04').length - 1;
        expect(sigs).toBeLessThanOrEqual(1);
        if (sigs) {
          expect(Buffer.from(p.subarray(0, 4)).toString('latin1')).toBe('PK\x03\x04');
          expect(p.length).toBeGreaterThanOrEqual(30 + (p[26]! | (p[27]! << 8)) + (p[28]! | (p[29]! << 8)));
        }
      }
      expect(entryNames(pieces)).toHaveLength(50);
    }
  });
});

/** A one-entry zip whose local and central headers say `flags` and `method`. */
function patched(flags: number, method: number, name = 'export.csv'): Uint8Array<ArrayBuffer> {
  const z = zipSync({ [name]: strToU8('time,metric,value,unit\n2024-05-01T07:30:00Z,body_weight,82.4,kg\n') }, { level: 6 });
  const v = new DataView(z.buffer, z.byteOffset, z.length);
  v.setUint16(6, flags, true);
  v.setUint16(8, method, true);
  for (let i = 0; i + 4 < z.length; i++)
    if (v.getUint32(i, true) === 0x02014b50) {
      v.setUint16(i + 8, flags, true);
      v.setUint16(i + 10, method, true);
    }
  return z as Uint8Array<ArrayBuffer>;
}

describe('zip entries Doppel cannot open say which and what to do', () => {
  it('the encryption flag is read whatever the chunking (a chunk may end anywhere, right after the header too)', () => {
    const z = patched(1, 8);
    for (let size = 1; size <= z.length; size++) {
      const cut = new ZipPieces();
      const flags: (number | undefined)[] = [];
      const uz = new Unzip((f) => flags.push(cut.header(f.name)?.flags));
      for (let at = 0; at < z.length; at += size) for (const p of cut.cut(z.subarray(at, at + size))) uz.push(p);
      for (const p of cut.cut(new Uint8Array(0), true)) uz.push(p);
      uz.push(new Uint8Array(0), true);
      expect(flags, `chunks of ${size}`).toEqual([1]);
    }
  });

  it.each([
    [
      'encrypted (ZipCrypto, flag bit 0)',
      1,
      8,
      'ENCRYPTED_ZIP',
      '"export.csv" in the zip is encrypted: export it again without a password',
    ],
    [
      'encrypted (WinZip AES, method 99)',
      1,
      99,
      'ENCRYPTED_ZIP',
      '"export.csv" in the zip is encrypted: export it again without a password',
    ],
    ['Deflate64 (method 9)', 0, 9, 'UNSUPPORTED_ZIP', '"export.csv" in the zip uses Deflate64: re-zip it with standard compression'],
    ['bzip2 (method 12)', 0, 12, 'UNSUPPORTED_ZIP', '"export.csv" in the zip uses bzip2: re-zip it with standard compression'],
  ])('%s', async (_, flags, method, code, message) => {
    const d = db();
    const e = await importText(d, patched(flags, method), 'export.zip').catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'ImportError', code, message });
    expect(String((e as Error).message)).not.toMatch(/constructor/);
    expect(await d.imports.count()).toBe(0);
    expect(await d.sampleChunks.count()).toBe(0);
  });

  it('the CLI exits 2 with that message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doppel-zip-'));
    const path = join(dir, 'export.zip');
    writeFileSync(path, patched(1, 99));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/cli/main.ts', 'import', '--json', path], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: `${path}: "export.csv" in the zip is encrypted: export it again without a password` });
  });
});
