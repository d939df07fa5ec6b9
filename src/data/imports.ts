import type { MetricId } from '../../models/metrics.ts';
import type { SampleBatch } from '../../models/samples.ts';
import type { StoredEntry } from '../../models/entry/measurement-entry.ts';
import type { DoppelDb } from './db.ts';
import { DataError } from './errors.ts';
import type { ImportRow, RejectedRecord, UndoneImport } from './rows.ts';
import { refreshDaily, writeBatches } from './samples.ts';
import { allocColumns, copyColumns, holdsImport, withoutImport, type ChunkColumns } from './chunk-merge.ts';
import { ensureSources, type SourceInput } from './sources.ts';
import { DAY_MS, utcMonth } from '../../models/util/time.ts';
import { writeTx } from './tx.ts';
import { validateBatch } from './validate.ts';
import { mergeImportedProfile, redoImportedProfile, undoImportedProfile, type ProfilePatch } from './profile.ts';
import type { ProfileMeta } from './profile-merge.ts';
import { discardStagedImport, moveStagedIntoStore } from './staging.ts';
import { ifFree } from './locks.ts';
import { releaseDoses, restoreDoses, writeDoses, type DoseInput } from './doses.ts';

export interface ImportInput {
  fileName: string;
  format: string;
  bytes: number;
  /** Sources the batches refer to: `batch.source[i]` indexes this list. */
  sources: SourceInput[];
  batches: SampleBatch[];
  rejected: RejectedRecord[];
  ignored: Record<string, number>;
  /**
   * What the export says about the person (validated by the caller); merged in the same transaction
   * without replacing what the person entered (profile-merge.ts).
   */
  profile?: ProfilePatch;
  /** When each dated profile value was measured, and list items from indirect sources (claims). */
  profileMeta?: ProfileMeta;
  /** Carbohydrate and insulin records (not canonical metrics; for the glucose forecaster). */
  doses?: DoseInput[];
  /** A measurement entered by hand (src/data/entries.ts), kept on the import's row, and the entry it changes. */
  entry?: StoredEntry;
  replaces?: number;
}

/**
 * Stores one parsed import atomically (docs/metrics.md "Atomicity"): the import row, its sources, its
 * samples and the daily rows land in one IndexedDB transaction, or nothing does. Returns the row.
 */
export async function commitImport(db: DoppelDb, input: ImportInput): Promise<ImportRow> {
  for (const b of input.batches) validateBatch(b, input.sources.length);
  return writeTx(db, [db.imports, db.sources, db.sampleChunks, db.daily, db.profile, db.settings, db.doses], async () => {
    const ids = await ensureSources(db, input.sources);
    const batches = input.batches.map((b) => ({ ...b, source: Uint32Array.from(b.source, (s) => ids[s]!) }));
    const row: ImportRow = {
      fileName: input.fileName,
      format: input.format,
      bytes: input.bytes,
      startedAt: Date.now(),
      status: 'pending',
      added: 0,
      duplicates: 0,
      rejected: input.rejected,
      ignored: input.ignored,
      touched: {},
      ...(input.entry ? { entry: input.entry } : {}),
      ...(input.replaces !== undefined ? { replaces: input.replaces } : {}),
    };
    const id = (await db.imports.add(row)) as number;
    const res = await writeBatches(db, batches, id);
    const touched: ImportRow['touched'] = {};
    for (const [m, days] of res.touched) touched[m] = [...days].sort();
    const doses = await writeDoses(db, input.doses ?? [], ids, id);
    const profile = await mergeImportedProfile(db, id, input.fileName, input.profile ?? {}, input.profileMeta);
    const done: ImportRow = {
      ...row,
      id,
      status: 'committed',
      finishedAt: Date.now(),
      added: res.added,
      duplicates: res.duplicates,
      touched,
      arrived: res.arrived,
      ...(doses ? { doses } : {}),
      ...(profile.length ? { profile } : {}),
    };
    await db.imports.put(done);
    return done;
  });
}

/**
 * Removes exactly the samples one import added, recomputes the days it touched, and takes back the
 * profile values it set (a value the person entered or chose stays). In the same transaction it keeps
 * what redo needs: every sample the import held (in `staging`, under its id), its carbohydrate and
 * insulin records and its profile values (on its row, now `undone`), with what left the store. Only
 * the latest undo can be redone: an earlier undone import's kept copy is deleted here.
 */
export async function undoImport(db: DoppelDb, importId: number): Promise<ImportRow> {
  return writeTx(db, [db.imports, db.sampleChunks, db.daily, db.sources, db.settings, db.doses, db.profile, db.staging], async () => {
    const row = await db.imports.get(importId);
    if (row?.status !== 'committed') throw new DataError('UNKNOWN_IMPORT', `No import with id ${importId}`);
    for (const old of await db.imports.where('status').equals('undone').primaryKeys()) await forget(db, old as number);
    const removed: UndoneImport['removed'] = {};
    for (const [metric, days] of Object.entries(row.touched) as [MetricId, string[]][]) {
      if (!days.length) continue;
      const from = Date.parse(`${days[0]}T00:00:00Z`) - DAY_MS;
      const to = Date.parse(`${days[days.length - 1]}T00:00:00Z`) + 2 * DAY_MS;
      const chunks = await db.sampleChunks
        .where('[metric+month]')
        .between([metric, utcMonth(from)], [metric, utcMonth(to)], true, true)
        .toArray();
      for (const c of chunks) {
        if (!holdsImport(c, importId)) continue;
        await db.staging.put({
          ...heldSamples(c, importId),
          key: `${importId}|${metric}|${c.month}`,
          stagedFor: importId,
          metric,
          month: c.month,
        });
        const left = withoutImport(c, importId);
        if (left.n < c.n) removed[metric] = (removed[metric] ?? 0) + c.n - left.n;
        if (left.n === 0) await db.sampleChunks.delete(c.key);
        else await db.sampleChunks.put({ ...c, ...left });
      }
      await refreshDaily(db, metric, new Set(days));
    }
    const doses = await releaseDoses(db, importId);
    const profile = await undoImportedProfile(db, importId);
    const done: ImportRow = {
      ...row,
      status: 'undone',
      undone: {
        at: Date.now(),
        removed,
        dosesRemoved: doses.removed,
        profileChanged: profile.changed,
        doses: doses.held,
        profile: profile.held,
      },
    };
    await db.imports.put(done);
    return done;
  });
}

/**
 * Redoes the latest undo: puts back every sample the import held (a reading deleted comes back, one
 * another import holds is shared again), its carbohydrate and insulin records and its profile
 * values, under the same import id, and the import is committed as it was. One transaction.
 */
export async function redoImport(db: DoppelDb, importId: number): Promise<ImportRow> {
  return writeTx(db, [db.imports, db.sampleChunks, db.daily, db.sources, db.settings, db.doses, db.profile, db.staging], async () => {
    const row = await db.imports.get(importId);
    if (row?.status !== 'undone' || !row.undone) throw new DataError('UNKNOWN_IMPORT', `No undone import with id ${importId}`);
    await moveStagedIntoStore(db, importId, (s) => s);
    await restoreDoses(db, row.undone.doses, importId);
    await redoImportedProfile(db, importId, row.undone.profile);
    const { undone: _, ...rest } = row;
    const done: ImportRow = { ...rest, status: 'committed' };
    await db.imports.put(done);
    return done;
  });
}

/** Gives up the redo of an undone import: what undo kept goes (its samples and its row). */
export async function forgetUndone(db: DoppelDb, importId: number): Promise<void> {
  await writeTx(db, [db.imports, db.staging], () => forget(db, importId));
}

async function forget(db: DoppelDb, importId: number): Promise<void> {
  const row = await db.imports.get(importId);
  if (row?.status !== 'undone') return;
  await db.staging.where('stagedFor').equals(importId).delete();
  await db.imports.delete(importId);
}

/**
 * The samples of a chunk (or a staging row) an import holds, its own and those it shares with other
 * imports, as columns credited to it (undo keeps them for redo; a restore moves them to a new import).
 */
export function heldSamples(c: ChunkColumns, importId: number): ChunkColumns {
  const held = new Set<number>();
  for (let i = 0; i < c.n; i++) if (c.importId[i] === importId) held.add(i);
  const of = c.shadowOf ?? [];
  const imp = c.shadowImport ?? [];
  for (let s = 0; s < of.length; s++) if (imp[s] === importId) held.add(of[s]!);
  const idx = [...held].sort((a, b) => a - b);
  const out = allocColumns(idx.length);
  idx.forEach((i, j) => {
    copyColumns(out, c, i, i + 1, j);
    out.importId[j] = importId;
  });
  out.t0 = idx.length ? out.start[0]! : 0;
  out.t1 = idx.length ? out.start[idx.length - 1]! : 0;
  return out;
}

/**
 * Rolls back imports that a crash, a closed tab or a killed worker left unfinished: their staged
 * samples and pending rows go; nothing they staged ever reached the store. An import is alive while
 * somebody holds its lock (the worker running it, in any tab), however long it has gone without
 * progress; once nobody holds it, it is dead, however recent (docs/architecture.md "Tabs").
 * A pending row without a lock was left by a version before locks: nobody runs it any more.
 */
export async function recoverInterruptedImports(db: DoppelDb): Promise<number> {
  const pending = await db.imports.where('status').equals('pending').toArray();
  let n = 0;
  for (const r of pending) {
    if (!r.lock) {
      await discardStagedImport(db, r.id!);
      n++;
      continue;
    }
    const done = await ifFree(r.lock, () => discardStagedImport(db, r.id!));
    if (done.ran) n++;
  }
  return n;
}

/** Import history, newest first. */
export function listImports(db: DoppelDb): Promise<ImportRow[]> {
  return db.imports.orderBy('startedAt').reverse().toArray();
}
