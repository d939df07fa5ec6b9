/**
 * Making a backup: every table of the person's workspace, a row per record, streamed through the
 * sealer (format.ts) a page of rows at a time, so memory stays bounded whatever the history holds.
 * Left out, as device-local: the data revision (the caches' bookkeeping, revision.ts) and imports
 * still pending with their staged samples (work in progress, rolled back if it does not finish).
 */
import type { Table } from 'dexie';
import type { DoppelDb } from '../data/db.ts';
import { LATEST_VERSION } from '../data/db.ts';
import { dataRevision, REVISION_KEY } from '../data/revision.ts';
import type { SampleChunkRow } from '../data/rows.ts';
import { BackupError } from './errors.ts';
import { BackupSealer, type BackupSecret } from './format.ts';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, encodeRecord, type BackupTable } from './records.ts';

export interface BackupSummary {
  /** Bytes of the backup file. */
  bytes: number;
  rows: Partial<Record<BackupTable, number>>;
  samples: number;
}

/** Rows read per page (a page of month chunks can hold a month of minute heart rate each). */
const PAGE: Record<BackupTable, number> = {
  settings: 1000,
  sources: 1000,
  profile: 10,
  imports: 100,
  scenarios: 1000,
  twinSnapshots: 100,
  doses: 5000,
  daily: 2000,
  staging: 8,
  sampleChunks: 8,
};

/**
 * Writes a backup of `db` to `sink` (the file's bytes in order). Throws BackupError CHANGED when the
 * person's data changed while it was read (an import finished meanwhile): the backup would not be
 * one moment's state, so it is made again.
 */
export async function writeBackup(
  db: DoppelDb,
  secret: BackupSecret,
  sink: (bytes: Uint8Array) => void | Promise<void>,
  nowMs = Date.now(),
): Promise<BackupSummary> {
  const revision = await dataRevision(db);
  const sealer = await BackupSealer.create(secret, sink);
  await sealer.push(
    encodeRecord({
      k: 'head',
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      schema: LATEST_VERSION,
      madeAt: new Date(nowMs).toISOString(),
    }),
  );
  const pending = new Set((await db.imports.where('status').equals('pending').primaryKeys()) as number[]);
  const keep: Partial<Record<BackupTable, (r: Record<string, unknown>) => boolean>> = {
    settings: (r) => r.key !== REVISION_KEY,
    imports: (r) => !pending.has(r.id as number),
    staging: (r) => !pending.has(r.stagedFor as number),
  };
  const rows: BackupSummary['rows'] = {};
  let samples = 0;
  for (const t of BACKUP_TABLES) {
    const table = db.table(t) as Table<Record<string, unknown>, unknown>;
    let n = 0;
    let last: unknown;
    for (;;) {
      const page = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(PAGE[t]).toArray();
      if (!page.length) break;
      last = table.schema.primKey.keyPath ? (page.at(-1)! as Record<string, unknown>)[table.schema.primKey.keyPath as string] : undefined;
      for (const r of page) {
        if (keep[t] && !keep[t]!(r)) continue;
        await sealer.push(encodeRecord({ k: 'row', t, r }));
        n++;
        if (t === 'sampleChunks') samples += (r as unknown as SampleChunkRow).n;
      }
      if (page.length < PAGE[t]) break;
    }
    rows[t] = n;
  }
  if ((await dataRevision(db)) !== revision)
    throw new BackupError(
      'CHANGED',
      'Your data changed while the backup was being made (an import finished meanwhile); make the backup again.',
    );
  await sealer.push(encodeRecord({ k: 'end', counts: rows }));
  await sealer.finish();
  return { bytes: sealer.written, rows, samples };
}
