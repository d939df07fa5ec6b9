/**
 * Restoring a backup (or Doppel's own JSON export) into the owner's workspace, in one atomic step
 * (docs/privacy.md "Backups", docs/architecture.md):
 *
 * 1. The file is read a segment at a time. Sample chunks, and the samples undone imports keep for
 *    redo, go to `staging` under a pending import row (as a large import's samples do, its lock held
 *    while it runs); every other row is held in memory (they are small next to the samples).
 *    Nothing a reader sees changes: a wrong byte, a cut file, a cancel or a crash leaves the staged
 *    rows, which `discardStagedImport` (or start-up recovery, src/data/imports.ts) deletes.
 * 2. Once the whole file was read and authenticated, ONE transaction puts it in place:
 *    - on an empty workspace, every row as it was in the backup (same ids), so the state is the
 *      backed-up one table by table (the data revision apart);
 *    - on a workspace with data, by the import rules: each committed import of the backup becomes an
 *      import again (its samples deduplicated against what is there, undo removes exactly it), the
 *      profile keeps the newer of the person's own values field by field, and what the backup's
 *      imports say about the person goes through the import merge (profile-merge.ts).
 */
import type { MetricId } from '../../models/metrics.ts';
import { localDay } from '../../models/util/time.ts';
import type { DoppelDb } from '../data/db.ts';
import { DataError } from '../data/errors.ts';
import { holdLock, LOCK } from '../data/locks.ts';
import type { ImportRow, StagingRow } from '../data/rows.ts';
import { refreshDaily } from '../data/samples.ts';
import { beginStagedImport, discardStagedImport } from '../data/staging.ts';
import { writeTx } from '../data/tx.ts';
import { BackupError } from './errors.ts';
import { BACKUP_FORMAT, BACKUP_TABLES, type BackupRecord, type BackupTable } from './records.ts';
import { checkChunk, checkHead, checkRow, upgradeRow } from './restore-checks.ts';
import { CHUNK, STAGE_ROWS, UNDONE, emptyHeld, stagedKeys, type Held } from './restore-held.ts';
import { merge } from './restore-merge.ts';

export interface RestoreOptions {
  signal?: AbortSignal;
  /** Called after each record read, and once before the final transaction (`committing`). */
  onProgress?: (p: { phase: 'reading' | 'committing'; rows: number }) => void;
}

export interface RestoreResult {
  /** whole: the workspace was empty and is now the backup's; merged: the backup joined what was there. */
  mode: 'whole' | 'merged';
  /** The backup's imports as they now stand in the store (oldest first). */
  imports: ImportRow[];
  /** Samples the backup held. */
  samples: number;
  /** Merged only: undone imports of the backup, left out (their redo belongs to the device they were undone on). */
  undoneSkipped: number;
  /** Merged only: imports of the backup this device already holds (restored here before), not added again. */
  alreadyHere: number;
}

/**
 * Restores records (src/backup/reader.ts) into `db`. `dailyIncluded` false (the JSON export) has the
 * daily rows recomputed from the samples.
 */
export async function restoreRecords(
  db: DoppelDb,
  records: AsyncIterable<BackupRecord>,
  file: { fileName: string; bytes: number; dailyIncluded: boolean },
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  const lock = LOCK.importRun(crypto.randomUUID());
  const unlock = await holdLock(lock);
  let stagedFor: number | undefined;
  try {
    const id = (stagedFor = await beginStagedImport(db, { fileName: file.fileName, format: BACKUP_FORMAT, bytes: file.bytes, lock }));
    const held: Held = emptyHeld();
    const counts: Partial<Record<BackupTable, number>> = {};
    let buffer: StagingRow[] = [];
    let schema = 0;
    let end = false;
    let rows = 0;
    let samples = 0;
    const flush = async (): Promise<void> => {
      if (!buffer.length) return;
      const put = buffer;
      buffer = [];
      await writeTx(db, [db.staging, db.imports], async () => {
        // Start-up recovery in another tab may have rolled it back.
        if ((await db.imports.get(id))?.status !== 'pending') throw new DataError('IMPORT_INTERRUPTED', 'The restore was interrupted.');
        await db.staging.bulkPut(put);
      });
    };
    for await (const rec of records) {
      if (opts.signal?.aborted) throw new BackupError('CANCELLED', 'The restore was cancelled; nothing was changed.');
      if (end) throw new BackupError('CORRUPT', 'The backup has records after its end.');
      if (!schema) {
        schema = checkHead(rec);
        continue;
      }
      if (rec.k === 'end') {
        for (const t of BACKUP_TABLES)
          if ((rec.counts?.[t] ?? 0) !== (counts[t] ?? 0))
            throw new BackupError('CORRUPT', `The backup says it holds ${rec.counts?.[t] ?? 0} ${t} rows but ${counts[t] ?? 0} were read.`);
        end = true;
        continue;
      }
      if (rec.k !== 'row' || !(BACKUP_TABLES as readonly string[]).includes(rec.t) || !rec.r || typeof rec.r !== 'object')
        throw new BackupError('CORRUPT', `Record ${rows + 2} of the backup is not a row of a table Doppel knows.`);
      counts[rec.t] = (counts[rec.t] ?? 0) + 1;
      rows++;
      const r = upgradeRow(schema, rec.t, rec.r);
      if (rec.t === 'sampleChunks') {
        const c = checkChunk(r, rows);
        samples += c.n;
        buffer.push({ ...c, key: `${id}|${CHUNK}|${c.key}`, stagedFor: id });
      } else if (rec.t === 'staging') {
        const s = r as unknown as StagingRow;
        checkChunk({ ...s, key: `${s.metric}|${s.month}` }, rows);
        buffer.push({ ...s, key: `${id}|${UNDONE}|${s.key}`, stagedFor: id });
      } else (held[rec.t] as unknown[]).push(checkRow(rec.t, r, rows));
      if (buffer.length >= STAGE_ROWS) await flush();
      opts.onProgress?.({ phase: 'reading', rows });
    }
    if (!schema) throw new BackupError('CORRUPT', 'The backup holds nothing.');
    if (!end) throw new BackupError('CORRUPT', 'The backup ends before its last record.');
    await flush();
    if (opts.signal?.aborted) throw new BackupError('CANCELLED', 'The restore was cancelled; nothing was changed.');
    const result = await writeTx(db, db.tables, async () => {
      opts.onProgress?.({ phase: 'committing', rows });
      if ((await db.imports.get(id))?.status !== 'pending') throw new DataError('IMPORT_INTERRUPTED', 'The restore was interrupted.');
      const whole = await isEmpty(db, id);
      // Its staged rows stay under its id until moved; the row goes first (a restored import may take its id).
      await db.imports.delete(id);
      const r = whole ? await putWhole(db, id, held, file.dailyIncluded) : await merge(db, id, held);
      return { ...r, samples };
    });
    stagedFor = undefined;
    return result;
  } finally {
    if (stagedFor !== undefined) await discardStagedImport(db, stagedFor).catch(() => undefined);
    void unlock();
  }
}

/** No data of the person: no profile, sample, import (but the restore's own), source, plan, snapshot or dose. */
async function isEmpty(db: DoppelDb, restoreId: number): Promise<boolean> {
  const counts = await Promise.all([
    db.profile.count(),
    db.sampleChunks.count(),
    db.sources.count(),
    db.scenarios.count(),
    db.twinSnapshots.count(),
    db.doses.count(),
    db.imports.where('id').notEqual(restoreId).count(),
  ]);
  return counts.every((n) => n === 0);
}

/** Every row as the backup holds it. */
async function putWhole(db: DoppelDb, id: number, held: Held, dailyIncluded: boolean): Promise<Omit<RestoreResult, 'samples'>> {
  // The backup's settings are the person's (units, source order); an empty workspace's are defaults.
  await db.settings.clear();
  await db.settings.bulkPut(held.settings);
  await db.sources.bulkPut(held.sources);
  await db.profile.bulkPut(held.profile);
  await db.imports.bulkPut(held.imports);
  await db.scenarios.bulkPut(held.scenarios);
  await db.twinSnapshots.bulkPut(held.twinSnapshots);
  await db.doses.bulkPut(held.doses);
  await db.daily.bulkPut(held.daily);
  const days = new Map<MetricId, Set<string>>();
  for (const key of await stagedKeys(db, id, CHUNK)) {
    const { stagedFor: _, ...row } = (await db.staging.get(key))!;
    await db.staging.delete(key);
    await db.sampleChunks.put({ ...row, key: key.slice(`${id}|${CHUNK}|`.length) });
    if (dailyIncluded) continue;
    let d = days.get(row.metric);
    if (!d) days.set(row.metric, (d = new Set()));
    for (let i = 0; i < row.n; i++) d.add(localDay(row.start[i]!, row.offsetMin[i]!));
  }
  for (const key of await stagedKeys(db, id, UNDONE)) {
    const row = (await db.staging.get(key))!;
    await db.staging.delete(key);
    const original = key.slice(`${id}|${UNDONE}|`.length);
    await db.staging.put({ ...row, key: original, stagedFor: Number(original.split('|')[0]) });
  }
  for (const [m, d] of days) await refreshDaily(db, m, d);
  return { mode: 'whole', imports: [...held.imports].sort((a, b) => a.id! - b.id!), undoneSkipped: 0, alreadyHere: 0 };
}
