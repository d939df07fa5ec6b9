import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../src/backup/backup.ts';
import { BackupError } from '../../../src/backup/errors.ts';
import { restoreFile } from '../../../src/backup/reader.ts';
import { BACKUP_TABLES } from '../../../src/backup/records.ts';
import type { DoppelDb } from '../../../src/data/db.ts';
import { exportWorkspace } from '../../../src/data/export.ts';
import { commitImport, recoverInterruptedImports, undoImport, type ImportInput } from '../../../src/data/imports.ts';
import { setLockManager, type Locks } from '../../../src/data/locks.ts';
import { backupRecords } from '../../../src/backup/reader.ts';
import { restoreRecords } from '../../../src/backup/restore.ts';
import type { BackupRecord } from '../../../src/backup/records.ts';
import { saveProfile } from '../../../src/data/profile.ts';
import { REVISION_KEY } from '../../../src/data/revision.ts';
import { setSetting } from '../../../src/data/settings.ts';
import { generateCode } from '../../../src/share/format.ts';
import { batch, useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();
const code = generateCode();
const secret = { code };

const input = (fileName: string, rows: Parameters<typeof batch>[1], over: Partial<ImportInput> = {}): ImportInput => ({
  fileName,
  format: 'apple-health-xml',
  bytes: 1234,
  sources: [
    { name: 'Watch', model: 'Watch' },
    { name: 'Scale', model: '' },
  ],
  batches: [batch('body_weight', rows), batch('steps', [['2024-01-02T09:00:00+01:00', 1000, 0, 60, '2024-01-02T09:30:00+01:00']])],
  rejected: [{ where: 'line 7', reason: 'no value' }],
  ignored: { HKQuantityTypeIdentifierFoo: 3 },
  ...over,
});

const A = (): ImportInput =>
  input(
    'a.xml',
    [
      ['2024-01-02T07:00:00+01:00', 82.5, 1, 60],
      ['2024-02-02T07:00:00+01:00', 82.1, 1, 60],
    ],
    {
      profile: { sex: 'female', heightCm: 168 },
      profileMeta: { observedAt: { heightCm: '2024-01-02' } },
      doses: [{ kind: 'carbs', t: Date.parse('2024-01-02T08:00:00Z'), amount: 40, offsetMin: 60, source: 1 }],
    },
  );
const B = (): ImportInput =>
  input('b.xml', [
    ['2024-02-02T07:00:00+01:00', 82.1, 1, 60],
    ['2024-03-02T07:00:00+01:00', 81.7, 1, 60],
  ]);
const C = (): ImportInput => input('c.xml', [['2024-04-02T07:00:00+01:00', 80.9, 1, 60]]);

/** A workspace with something in every table: imports sharing samples, an undone one kept for redo, profile, settings, plans, a snapshot. */
async function seed(d: DoppelDb): Promise<void> {
  await commitImport(d, A());
  await commitImport(d, B());
  const c = await commitImport(d, C());
  await undoImport(d, c.id!);
  await saveProfile(d, { birthDate: '1974-08-16', name: 'Alex B.' });
  await setSetting(d, 'weightUnit', 'lb');
  await d.scenarios.add({ name: 'Walk more', scenario: { activityMinutesPerWeek: 150 }, createdAt: 1, updatedAt: 2 });
  await d.twinSnapshots.add({ createdAt: 5, watermark: { importId: 2, lastSampleMs: 9 }, engine: 'twin-v1', state: { p: [0.1, 0.2] } });
  await d.settings.put({ key: 'ml.glucose', value: { version: 3, horizons: [] } });
}

/** Every table, the data revision (the caches' counter) apart. */
async function dump(d: DoppelDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of d.tables) out[t.name] = (await t.toArray()).filter((r: { key?: unknown }) => r.key !== REVISION_KEY);
  return out;
}

async function backupOf(d: DoppelDb, s: { code: string } | { passphrase: string } = secret): Promise<Blob> {
  return (await createBackup(d, s)).blob;
}

async function bytesOf(b: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await b.arrayBuffer());
}

/** Restoring `file` (with `s`, the test's code when not given) fails with a BackupError and changes no table. */
async function refused(
  d: DoppelDb,
  file: Blob,
  ...given: [({ code: string } | { passphrase: string } | undefined)?]
): Promise<BackupError> {
  const s = given.length ? given[0] : secret;
  const before = await dump(d);
  const e = await restoreFile(d, file, 'x.doppel', s).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BackupError);
  expect(await dump(d)).toEqual(before);
  return e as BackupError;
}

describe('backup and restore', () => {
  it('backs up every table but staging of pending imports; the tables list is the database’s', () => {
    const d = db();
    expect([...BACKUP_TABLES].sort()).toEqual(d.tables.map((t) => t.name).sort());
  });

  it('restores onto an empty workspace identically, table by table (passphrase)', async () => {
    const src = db();
    await seed(src);
    const file = await backupOf(src, { passphrase: 'correct horse battery' });
    const dst = db();
    const r = await restoreFile(dst, file, 'b.doppel', { passphrase: 'correct horse battery' });
    expect(r.mode).toBe('whole');
    const [a, b] = [await dump(src), await dump(dst)];
    for (const t of Object.keys(a)) expect({ [t]: b[t] }).toEqual({ [t]: a[t] });
    // New ids continue after the restored ones.
    const next = await commitImport(dst, input('d.xml', [['2024-05-02T07:00:00+01:00', 80, 1, 60]]));
    expect(next.id).toBe(4);
  });

  it('merges into a workspace with data by the import rules: deduplicated, each import undoable exactly', async () => {
    const src = db();
    await commitImport(src, A());
    await commitImport(src, B());
    const file = await backupOf(src);
    const dst = db();
    await commitImport(dst, B());
    const before = await dump(dst);
    const r = await restoreFile(dst, file, 'b.doppel', secret);
    expect(r.mode).toBe('merged');
    expect(r.imports.map((i) => [i.fileName, i.added, i.duplicates])).toEqual([
      ['a.xml', 1, 2],
      ['b.xml', 0, 3],
    ]);
    // The same samples as importing B, A and B.
    const ref = db();
    await commitImport(ref, B());
    await commitImport(ref, A());
    await commitImport(ref, B());
    const samples = async (d: DoppelDb) => (await d.sampleChunks.toArray()).map((c) => [c.key, [...c.value], [...c.start]]);
    expect(await samples(dst)).toEqual(await samples(ref));
    expect((await dst.daily.toArray()).map(({ key, n, sum }) => [key, n, sum])).toEqual(
      (await ref.daily.toArray()).map(({ key, n, sum }) => [key, n, sum]),
    );
    // Undoing the restored imports leaves what was there before.
    for (const i of [...r.imports].reverse()) await undoImport(dst, i.id!);
    const after = await dump(dst);
    expect(after.sampleChunks).toEqual(before.sampleChunks);
    expect(after.daily).toEqual(before.daily);
    expect(after.doses).toEqual(before.doses);
  });

  it('on merge: settings set here win, the rest come from the backup; plans and snapshots are not doubled; undone imports stay out', async () => {
    const src = db();
    await seed(src); // weight in lb, a plan, a snapshot of import 2, import 3 undone
    await setSetting(src, 'glucoseUnit', 'mmol/L');
    const dst = db();
    await commitImport(dst, C());
    await setSetting(dst, 'weightUnit', 'kg');
    await dst.scenarios.add({ name: 'Walk more', scenario: { activityMinutesPerWeek: 150 }, createdAt: 7, updatedAt: 8 });
    const r = await restoreFile(dst, await backupOf(src), 'b.doppel', secret);
    expect([r.mode, r.undoneSkipped, r.imports.map((i) => i.fileName)]).toEqual(['merged', 1, ['a.xml', 'b.xml']]);
    expect((await dst.settings.get('weightUnit'))?.value).toBe('kg');
    expect((await dst.settings.get('glucoseUnit'))?.value).toBe('mmol/L');
    expect(await dst.settings.get('ml.glucose')).toBeUndefined();
    expect(await dst.scenarios.count()).toBe(1);
    const snaps = await dst.twinSnapshots.toArray();
    // The snapshot's watermark names import 2 of the backup (b.xml), which is import 3 here.
    expect(snaps.map((x) => x.watermark.importId)).toEqual([r.imports[1]!.id]);
    // The backup's undo data did not come along: only this device's undone import could be redone.
    expect(await dst.staging.count()).toBe(0);
    // Restoring the same backup again adds nothing: its imports are here already, and are not doubled.
    const importsBefore = await dst.imports.count();
    const samplesBefore = (await dump(dst)).sampleChunks;
    const again = await restoreFile(dst, await backupOf(src), 'b.doppel', secret);
    expect([again.imports.length, again.alreadyHere]).toEqual([0, 2]);
    expect(await dst.imports.count()).toBe(importsBefore);
    expect((await dump(dst)).sampleChunks).toEqual(samplesBefore);
    expect(await dst.scenarios.count()).toBe(1);
    expect(await dst.twinSnapshots.count()).toBe(1);
  });

  it('keeps the newer of the person’s own values per field on merge', async () => {
    const src = db();
    await saveProfile(src, { birthDate: '1974-08-16', heightCm: 170 });
    await new Promise((r) => setTimeout(r, 5));
    const dst = db();
    await saveProfile(dst, { heightCm: 171 });
    await commitImport(dst, C());
    await new Promise((r) => setTimeout(r, 5));
    await saveProfile(src, { sex: 'male' });
    await restoreFile(dst, await backupOf(src), 'b.doppel', secret);
    const p = (await dst.profile.get('self'))!;
    // Height: the device's is newer; birth date: only the backup has it; sex: the backup's is newer.
    expect([p.heightCm, p.birthDate, p.sex]).toEqual([171, '1974-08-16', 'male']);
  });

  it('restores the JSON export (unencrypted) onto an empty workspace', async () => {
    const src = db();
    await commitImport(src, A());
    await commitImport(src, B());
    await setSetting(src, 'weightUnit', 'lb');
    const { blob } = await exportWorkspace(src, 'json');
    const dst = db();
    const r = await restoreFile(dst, blob, 'doppel-export.json', undefined);
    expect(r.mode).toBe('whole');
    const [a, b] = [await dump(src), await dump(dst)];
    for (const t of ['imports', 'sources', 'settings', 'profile', 'doses', 'daily']) expect({ [t]: b[t] }).toEqual({ [t]: a[t] });
    // The export has no shadows (which imports also hold a sample): the samples themselves are the same.
    const cols = (x: unknown[]) =>
      (x as { key: string; value: Float64Array; importId: Uint32Array }[]).map((c) => [c.key, c.value, c.importId]);
    expect(cols(b.sampleChunks!)).toEqual(cols(a.sampleChunks!));
  });

  it('refuses an export with a row Doppel cannot store, naming it, and changes nothing', async () => {
    const src = db();
    await commitImport(src, A());
    const doc = JSON.parse(await (await exportWorkspace(src, 'json')).blob.text());
    const d = db();
    for (const spoil of [
      (x: typeof doc) => (x.imports[0].status = 'maybe'),
      (x: typeof doc) => (x.sources[0].id = 'one'),
      (x: typeof doc) => (x.samples[0].value = x.samples[0].value.slice(1)),
      (x: typeof doc) => (x.samples[0].metric = 'mood'),
      (x: typeof doc) => (x.version = 2),
    ]) {
      const bad = structuredClone(doc);
      spoil(bad);
      const e = await refused(d, new Blob([JSON.stringify(bad)]), undefined);
      expect(e.message).toMatch(/^(Row \d+ of the backup is not|This export is version 2)/);
    }
    const text = JSON.stringify(doc);
    expect((await refused(d, new Blob([text.slice(0, -40)]), undefined)).code).toBe('TRUNCATED');
  });

  it('a cancel or failure at any point leaves every table as it was', async () => {
    const src = db();
    await seed(src);
    const file = await backupOf(src);
    for (const target of ['empty', 'data'] as const) {
      const dst = db();
      if (target === 'data') await commitImport(dst, B());
      for (const at of [1, 3, 8, 12]) {
        const ac = new AbortController();
        const before = await dump(dst);
        const e = await restoreFile(dst, file, 'b.doppel', secret, {
          signal: ac.signal,
          onProgress: (p) => void (p.rows >= at && ac.abort()),
        }).catch((x: unknown) => x);
        expect((e as BackupError).code).toBe('CANCELLED');
        expect(await dump(dst)).toEqual(before);
      }
      // A failure inside the final transaction (as a full disk would) rolls all of it back.
      const before = await dump(dst);
      const e = await restoreFile(dst, file, 'b.doppel', secret, {
        onProgress: (p) => {
          if (p.phase === 'committing') throw new Error('disk full');
        },
      }).catch((x: unknown) => x);
      expect((e as Error).message).toMatch(/disk full/);
      expect(await dump(dst)).toEqual(before);
    }
  });

  it('a crash mid-restore leaves the earlier data as it was, and start-up recovery removes what it staged', async () => {
    const src = db();
    await seed(src);
    // Twenty months of weights: more month chunks than one staging write takes.
    const months = Array.from({ length: 20 }, (_, i) => [Date.UTC(2020, i, 3, 7), 80 + i / 10, 1, 0] as [number, number, number, number]);
    await commitImport(src, input('months.xml', months));
    const file = await backupOf(src);
    const dst = db();
    await commitImport(dst, B());
    const before = await dump(dst);
    // Locks whose holder has died: every request is granted at once (as after a closed tab).
    const dead: Locks = { request: (_n, _o, fn) => Promise.resolve(fn({})) };
    setLockManager(dead);
    try {
      let reached!: () => void;
      const stalled = new Promise<void>((r) => (reached = r));
      // The file stops arriving at its end record (the process "dies" there: nothing after runs).
      async function* crashing(): AsyncGenerator<BackupRecord> {
        for await (const r of backupRecords(file, secret)) {
          if (r.k === 'end') {
            reached();
            await new Promise(() => undefined);
          }
          yield r;
        }
      }
      void restoreRecords(dst, crashing(), { fileName: 'b.doppel', bytes: file.size, dailyIncluded: true });
      await stalled;
      const during = await dump(dst);
      for (const t of ['profile', 'sampleChunks', 'daily', 'sources', 'scenarios', 'twinSnapshots', 'doses'])
        expect({ [t]: during[t] }).toEqual({ [t]: before[t] });
      expect(during.staging!.length).toBeGreaterThan(8);
      expect(await recoverInterruptedImports(dst)).toBe(1);
      expect(await dump(dst)).toEqual(before);
    } finally {
      setLockManager(undefined);
    }
  });

  it('refuses a wrong passphrase or code, a secret of the other kind, and no secret', async () => {
    const src = db();
    await seed(src);
    const file = await backupOf(src);
    const d = db();
    await commitImport(d, B());
    expect((await refused(d, file, { code: generateCode() })).code).toBe('WRONG_SECRET');
    expect((await refused(d, file, { passphrase: 'some long passphrase' })).code).toBe('WRONG_SECRET');
    expect((await refused(d, file, undefined)).code).toBe('WRONG_SECRET');
    const pf = await backupOf(src, { passphrase: 'correct horse battery' });
    expect((await refused(d, pf, { passphrase: 'correct horse batterY' })).message).toMatch(/passphrase or code is wrong/);
  });

  it('refuses a file with one byte changed anywhere, and a file cut anywhere (property test)', async () => {
    const src = db();
    await seed(src);
    const bytes = await bytesOf(await backupOf(src));
    const d = db();
    await commitImport(d, B());
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const b = bytes.slice();
        b[at]! ^= xor;
        const e = await refused(d, new Blob([b]));
        expect(['WRONG_SECRET', 'CORRUPT', 'TRUNCATED', 'NOT_A_BACKUP', 'UNSUPPORTED_VERSION', 'IS_SHARE']).toContain(e.code);
      }),
      { numRuns: 40, seed: 19 },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), async (end) => {
        const e = await refused(d, new Blob([bytes.slice(0, end)]));
        expect(['TRUNCATED', 'NOT_A_BACKUP']).toContain(e.code);
      }),
      { numRuns: 30, seed: 19 },
    );
    expect((await refused(d, new Blob([bytes, new Uint8Array([0, 0, 0, 0])]))).code).toBe('CORRUPT');
  });

  it('refuses a backup from a newer version, a share file, and a file that is not a backup', async () => {
    const src = db();
    await seed(src);
    const bytes = await bytesOf(await backupOf(src));
    const d = db();
    const newer = bytes.slice();
    newer[8] = 2;
    expect((await refused(d, new Blob([newer]))).message).toMatch(/Update Doppel to restore it/);
    const { createShare } = await import('../../../src/share/share.ts');
    const share = await createShare(
      src,
      { fromDay: '2024-01-01', toDay: '2024-12-31', metrics: ['body_weight'], scenarioIds: [] },
      'Alex',
      secret,
    );
    const e = await refused(d, new Blob([share.bytes as Uint8Array<ArrayBuffer>]));
    expect(e.code).toBe('IS_SHARE');
    expect(e.message).toMatch(/share file.*Open a shared twin/);
    expect((await refused(d, new Blob(['PK\u0003\u0004 a zip']))).code).toBe('NOT_A_BACKUP');
    expect((await refused(d, new Blob(['{"resourceType":"Bundle"}']))).code).toBe('NOT_A_BACKUP');
  });

  it('a backup offered to "open a shared twin" is refused with a sentence saying to restore it in Settings', async () => {
    const src = db();
    await seed(src);
    const bytes = await bytesOf(await backupOf(src));
    const { openShareInto } = await import('../../../src/share/share.ts');
    const review = db();
    const e = await openShareInto(review, bytes, secret).catch((x: unknown) => x);
    expect((e as { code: string }).code).toBe('IS_BACKUP');
    expect((e as Error).message).toMatch(/backup.*restores it in Settings/);
    expect(await review.imports.count()).toBe(0);
  });
});
