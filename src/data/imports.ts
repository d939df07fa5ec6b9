import type { MetricId } from '../../models/metrics.ts';
import type { SampleBatch } from '../../models/samples.ts';
import type { DoppelDb } from './db.ts';
import { DataError } from './errors.ts';
import type { ImportRow, RejectedRecord } from './rows.ts';
import { refreshDaily, writeBatches } from './samples.ts';
import { holdsImport, withoutImport } from './chunk-merge.ts';
import { ensureSources, type SourceInput } from './sources.ts';
import { DAY_MS, utcMonth } from '../../models/util/time.ts';
import { writeTx } from './tx.ts';
import { validateBatch } from './validate.ts';
import { mergeImportedProfile, undoImportedProfile, type ProfilePatch } from './profile.ts';
import type { ProfileMeta } from './profile-merge.ts';
import { discardStagedImport } from './staging.ts';
import { ifFree } from './locks.ts';
import { releaseDoses, writeDoses, type DoseInput } from './doses.ts';

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
      ...(doses ? { doses } : {}),
      ...(profile.length ? { profile } : {}),
    };
    await db.imports.put(done);
    return done;
  });
}

/**
 * Removes exactly the samples one import added, recomputes the days it touched, and takes back the
 * profile values it set (a value the person entered or chose stays).
 */
export async function undoImport(db: DoppelDb, importId: number): Promise<void> {
  await writeTx(db, [db.imports, db.sampleChunks, db.daily, db.sources, db.settings, db.doses, db.profile], async () => {
    const row = await db.imports.get(importId);
    if (!row) throw new DataError('UNKNOWN_IMPORT', `No import with id ${importId}`);
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
        const left = withoutImport(c, importId);
        if (left.n === 0) await db.sampleChunks.delete(c.key);
        else await db.sampleChunks.put({ ...c, ...left });
      }
      await refreshDaily(db, metric, new Set(days));
    }
    await releaseDoses(db, importId);
    await undoImportedProfile(db, importId);
    await db.imports.delete(importId);
  });
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
