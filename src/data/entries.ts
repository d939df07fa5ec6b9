/**
 * Measurements the person enters by hand (issue 18 §1), stored through the same atomic import path
 * every file takes (imports.ts): one entry is one import of format `doppel-entry` from the source
 * "entered by you", so it has an import history line, Undo and Redo, and the twin re-calibrates from
 * it as from any import. A change to an entry replaces its samples in one transaction (its earlier
 * import undone, the new one committed); undoing the change puts the earlier values back.
 */
import { checkEntry, type EntryDraft, type EntryUnits } from '../../models/entry/measurement-entry.ts';
import { emptyBatch, type SampleBatch } from '../../models/samples.ts';
import type { DoppelDb } from './db.ts';
import { DataError } from './errors.ts';
import { commitImport, redoImport, undoImport } from './imports.ts';
import type { ImportRow } from './rows.ts';
import { ENTRY_FILE_NAME, ENTRY_FORMAT, ENTRY_SOURCE } from './entry-source.ts';
import { writeTx } from './tx.ts';

export { ENTRY_FILE_NAME, ENTRY_FORMAT, ENTRY_SOURCE, ENTRY_SOURCE_KEY } from './entry-source.ts';

/** The entry as batches of one source (index 0): one sample per value, all at the entry's time. */
function entryInput(draft: EntryDraft, units: EntryUnits, nowMs: number): Parameters<typeof commitImport>[1] {
  const r = checkEntry(draft, units, nowMs);
  if (!r.ok) throw new DataError('INVALID_ENTRY', `entry refused: ${JSON.stringify(r.errors)}`);
  const batches: SampleBatch[] = r.samples.map((s) => {
    const b = emptyBatch(s.metric, 1);
    b.start[0] = b.end[0] = r.entry.atMs;
    b.value[0] = s.value;
    b.offsetMin[0] = r.entry.offsetMin;
    b.flags[0] = s.flags;
    return b;
  });
  return {
    fileName: ENTRY_FILE_NAME,
    format: ENTRY_FORMAT,
    bytes: 0,
    sources: [ENTRY_SOURCE],
    batches,
    rejected: [],
    ignored: {},
    entry: r.entry,
  };
}

const TABLES = (db: DoppelDb) => [db.imports, db.sources, db.sampleChunks, db.daily, db.profile, db.settings, db.doses, db.staging];

/** Stores a new entry as one import; a value that cannot be stored stores nothing (DataError INVALID_ENTRY). */
export async function saveEntry(db: DoppelDb, draft: EntryDraft, units: EntryUnits, nowMs = Date.now()): Promise<ImportRow> {
  return commitImport(db, entryInput(draft, units, nowMs));
}

async function entryRow(db: DoppelDb, id: number, status: ImportRow['status']): Promise<ImportRow> {
  const row = await db.imports.get(id);
  if (row?.format !== ENTRY_FORMAT || row.status !== status) throw new DataError('UNKNOWN_IMPORT', `No ${status} entry with id ${id}`);
  return row;
}

/**
 * Changes an entry: in one transaction its import is undone (kept for the undo of this change) and
 * the new values are committed as an import that `replaces` it. Returns the new import's row.
 */
export async function editEntry(db: DoppelDb, id: number, draft: EntryDraft, units: EntryUnits, nowMs = Date.now()): Promise<ImportRow> {
  const input = entryInput(draft, units, nowMs);
  return writeTx(db, TABLES(db), async () => {
    await entryRow(db, id, 'committed');
    await undoImport(db, id);
    const row = await commitImport(db, { ...input, replaces: id });
    await db.imports.update(id, { replacedBy: row.id! });
    return row;
  });
}

/**
 * Undo as the history offers it: an import is undone; a change to an entry is undone by putting the
 * entry's earlier values back in the same transaction (while they are still kept).
 */
export async function undoStep(db: DoppelDb, id: number): Promise<ImportRow> {
  return writeTx(db, TABLES(db), async () => {
    const row = await db.imports.get(id);
    const before = row?.replaces !== undefined ? await db.imports.get(row.replaces) : undefined;
    if (row?.status === 'committed' && before?.status === 'undone' && before.replacedBy === id) {
      await redoImport(db, before.id!);
      await db.imports.update(before.id!, { replacedBy: undefined });
    }
    return undoImport(db, id);
  });
}

/** Redo of `undoStep`: a change to an entry is made again (its earlier values undone once more). */
export async function redoStep(db: DoppelDb, id: number): Promise<ImportRow> {
  return writeTx(db, TABLES(db), async () => {
    const row = await redoImport(db, id);
    const before = row.replaces !== undefined ? await db.imports.get(row.replaces) : undefined;
    if (before?.status === 'committed') {
      await undoImport(db, before.id!);
      await db.imports.update(before.id!, { replacedBy: id });
    }
    return row;
  });
}

/** Deletes an entry: its import is undone (the history offers Redo), whatever it replaced stays gone. */
export async function deleteEntry(db: DoppelDb, id: number): Promise<ImportRow> {
  return writeTx(db, TABLES(db), async () => {
    await entryRow(db, id, 'committed');
    return undoImport(db, id);
  });
}

/** The entries in the store, newest measurement first. */
export async function listEntries(db: DoppelDb): Promise<ImportRow[]> {
  const rows = await db.imports.where('status').equals('committed').toArray();
  return rows.filter((r) => r.format === ENTRY_FORMAT && r.entry).sort((a, b) => b.entry!.atMs - a.entry!.atMs);
}
