import Dexie, { type DBCore } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DoppelDb } from '../../../src/data/db.ts';
import { DataError } from '../../../src/data/errors.ts';
import { commitImport, undoImport } from '../../../src/data/imports.ts';
import { saveProfileForm } from '../../../src/data/profile.ts';
import { getSetting, setSetting } from '../../../src/data/settings.ts';
import { ensureRoom, importWriteBytes, isStorageFailure, RESERVE_BYTES, StorageError } from '../../../src/data/storage.ts';
import { deleteWorkspace, workspaceDb } from '../../../src/data/workspace.ts';
import { importHandlers } from '../../../src/import/handlers.ts';
import { batch, useFreshDbs } from './helpers.ts';

/**
 * A full disk, as IndexedDB reports it: every write fails with QuotaExceededError while `full` is
 * set (a Dexie middleware below the transaction, where the browser's own error would arise).
 */
function fillDisk(db: DoppelDb): { full: boolean } {
  const disk = { full: false };
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) =>
            disk.full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : t.mutate(req),
        };
      },
    }),
  });
  return disk;
}

const input = () => ({
  fileName: 'scale.csv',
  format: 'generic-csv',
  bytes: 1,
  sources: [{ name: 'Scale', model: '' }],
  batches: [
    batch('body_weight', [
      ['2026-01-01T08:00:00Z', 82],
      ['2026-01-02T08:00:00Z', 81.5],
    ]),
  ],
  rejected: [],
  ignored: {},
});

const MB = 1024 * 1024;
const estimate = (freeMb: number) => ({ estimate: async () => ({ usage: 100 * MB, quota: 100 * MB + freeMb * MB }) });

describe('a full disk', () => {
  const fresh = useFreshDbs();

  it('turns a failed import write into one StorageError and stores nothing', async () => {
    const db = fresh();
    const disk = fillDisk(db);
    disk.full = true;
    const e = await commitImport(db, input()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StorageError);
    expect((e as StorageError).code).toBe('STORAGE_FULL');
    disk.full = false;
    expect(await db.imports.count()).toBe(0);
    expect(await db.sampleChunks.count()).toBe(0);
  });

  it('turns a failed undo, profile save and setting into a StorageError and keeps the data', async () => {
    const db = fresh();
    const disk = fillDisk(db);
    const row = await commitImport(db, input());
    await saveProfileForm(db, { heightCm: 170 });
    disk.full = true;
    await expect(undoImport(db, row.id!)).rejects.toBeInstanceOf(StorageError);
    await expect(saveProfileForm(db, { heightCm: 180 })).rejects.toBeInstanceOf(StorageError);
    await expect(setSetting(db, 'sourceOrder', ['x'])).rejects.toBeInstanceOf(StorageError);
    disk.full = false;
    expect(await db.imports.count()).toBe(1);
    expect(await db.sampleChunks.count()).toBeGreaterThan(0);
    expect((await db.profile.toArray())[0]?.heightCm).toBe(170);
    expect(await getSetting(db, 'sourceOrder')).not.toEqual(['x']);
  });

  it('recognises the disk failures Dexie wraps, and nothing else', () => {
    const io = new DOMException('Failed to write blobs (IOError)', 'UnknownError');
    expect(isStorageFailure(new Dexie.AbortError('Transaction aborted', io))).toBe(true);
    expect(isStorageFailure(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isStorageFailure(new Error('Internal error: Corruption detected.'))).toBe(true);
    // Chromium on a full disk, the database closed under the page and not reopened (a real tmpfs).
    const open = Object.assign(new Error('Internal error opening backing store for indexedDB.open.'), { name: 'UnknownError' });
    expect(isStorageFailure(new Dexie.DatabaseClosedError(open))).toBe(true);
    expect(
      isStorageFailure({ name: 'DatabaseClosedError', message: 'UnknownError Internal error opening backing store for indexedDB.open.' }),
    ).toBe(true);
    expect(isStorageFailure(new DataError('UNKNOWN_IMPORT', 'No import with id 6'))).toBe(false);
    expect(isStorageFailure(new TypeError('x is undefined'))).toBe(false);
  });
});

describe('room before a large write', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await deleteWorkspace('main');
  });

  it('refuses a write that would leave less than the reserve, and says how much is missing', async () => {
    await expect(ensureRoom(10 * MB, estimate(1000))).resolves.toBeUndefined();
    const e = await ensureRoom(10 * MB, estimate(20)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StorageError);
    expect((e as StorageError).detail.neededBytes).toBe(10 * MB + RESERVE_BYTES - 20 * MB);
    // Where the browser gives no estimate, the write goes ahead.
    await expect(ensureRoom(10 * MB, {})).resolves.toBeUndefined();
  });

  it('counts a zip at about ten times its size', () => {
    expect(importWriteBytes(100 * MB, true)).toBeGreaterThan(importWriteBytes(100 * MB, false) * 5);
  });

  it('refuses an import that will not fit before writing anything', async () => {
    vi.stubGlobal('navigator', { storage: estimate(1) });
    const csv = 'time,metric,value,unit\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg\n';
    const [out] = await importHandlers.importFiles('main', [new File([csv], 'weights.csv')], 't1');
    expect(out && 'error' in out ? out.error.code : undefined).toBe('STORAGE_FULL');
    expect(await workspaceDb('main').imports.count()).toBe(0);
  });

  it('refuses an undo when the disk is full, before touching the import', async () => {
    const { dataHandlers } = await import('../../../src/data/handlers.ts');
    const row = await commitImport(workspaceDb('main'), input());
    vi.stubGlobal('navigator', { storage: estimate(1) });
    await expect(dataHandlers.undoImport('main', row.id!)).rejects.toBeInstanceOf(StorageError);
    await expect(dataHandlers.setSourceOrder('main', ['x'])).rejects.toBeInstanceOf(StorageError);
    expect(await workspaceDb('main').imports.count()).toBe(1);
  });
});
