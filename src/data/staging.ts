import type { MetricId } from '../../models/metrics.ts';
import type { SampleBatch } from '../../models/samples.ts';
import { localDay } from '../../models/util/time.ts';
import type { DoppelDb } from './db.ts';
import { groupByMonth, mergeIntoChunk } from './chunk-merge.ts';
import type { ImportRow, StagingRow } from './rows.ts';
import { refreshDaily } from './samples.ts';
import { ensureSources, type SourceInput } from './sources.ts';
import { writeTx } from './tx.ts';
import { DataError } from './errors.ts';
import { validateBatch } from './validate.ts';
import { mergeImportedProfile, type ProfilePatch } from './profile.ts';
import type { ProfileMeta } from './profile-merge.ts';
import { writeDoses, type DoseInput } from './doses.ts';
import { tallyArrivals, type Arrivals } from './arrivals.ts';

/**
 * Large imports (more samples than fit the memory budget) are written in two phases:
 * 1. `beginStagedImport` records a `pending` import; `stageBatches` writes samples to `staging`
 *    in as many transactions as needed (duplicates within the file merge there);
 * 2. `finishStagedImport` moves everything into `sampleChunks` and `daily` in ONE transaction and
 *    marks the import `committed`.
 * Until phase 2 commits, no reader sees any of it; cancelling or a crash leaves only staging rows
 * and a pending import row, which `discardStagedImport` (or recovery, once nobody holds the import's
 * `lock`) deletes.
 */
export async function beginStagedImport(
  db: DoppelDb,
  meta: Pick<ImportRow, 'fileName' | 'format' | 'bytes'> & { lock?: string },
): Promise<number> {
  const row: ImportRow = {
    ...meta,
    startedAt: Date.now(),
    heartbeatAt: Date.now(),
    status: 'pending',
    added: 0,
    duplicates: 0,
    rejected: [],
    ignored: {},
    touched: {},
  };
  return (await db.imports.add(row)) as number;
}

/** Writes batches (source indices local to the import) into the import's staging rows. Returns duplicates merged. */
export async function stageBatches(db: DoppelDb, importId: number, batches: SampleBatch[], sourceCount = 65535): Promise<number> {
  for (const b of batches) validateBatch(b, sourceCount);
  let duplicates = 0;
  await writeTx(db, [db.staging, db.imports], async () => {
    const row = await db.imports.get(importId);
    // Crash recovery (another tab's start-up) rolled it back while it was staged.
    if (row?.status !== 'pending') throw new DataError('IMPORT_INTERRUPTED', `Import ${importId} is not pending`);
    await db.imports.update(importId, { heartbeatAt: Date.now() });
    for (const b of batches) {
      const byMonth = groupByMonth(b);
      const keys = [...byMonth.keys()].map((m) => `${importId}|${b.metric}|${m}`);
      const existing = await db.staging.bulkGet(keys);
      const rows: StagingRow[] = [];
      let k = 0;
      for (const [month, pick] of byMonth) {
        const merged = mergeIntoChunk(existing[k++], b, pick, importId);
        duplicates += merged.duplicates;
        rows.push({ key: `${importId}|${b.metric}|${month}`, stagedFor: importId, metric: b.metric, month, ...merged.columns });
      }
      await db.staging.bulkPut(rows);
    }
  });
  return duplicates;
}

export interface StagedSummary {
  /** The format, where parsing named it more precisely than detection (a zip's content). */
  format?: string;
  sources: SourceInput[];
  rejected: ImportRow['rejected'];
  ignored: ImportRow['ignored'];
  /** Duplicates already merged inside the file while staging. */
  duplicatesInFile: number;
  profile?: ProfilePatch;
  profileMeta?: ProfileMeta;
  doses?: DoseInput[];
}

/** Phase 2: one transaction moves the staged samples into the store and commits the import. */
export async function finishStagedImport(db: DoppelDb, importId: number, s: StagedSummary): Promise<ImportRow> {
  return writeTx(db, [db.imports, db.sources, db.staging, db.sampleChunks, db.daily, db.profile, db.settings, db.doses], async () => {
    const row = await db.imports.get(importId);
    // Crash recovery (another tab's start-up) rolled it back while it was staged.
    if (row?.status !== 'pending') throw new DataError('IMPORT_INTERRUPTED', `Import ${importId} is not pending`);
    const ids = await ensureSources(db, s.sources);
    const moved = await moveStagedIntoStore(db, importId, (i) => ids[i]!);
    const duplicates = s.duplicatesInFile + moved.duplicates;
    const doses = await writeDoses(db, s.doses ?? [], ids, importId);
    const profile = await mergeImportedProfile(db, importId, row.fileName, s.profile ?? {}, s.profileMeta);
    const done: ImportRow = {
      ...row,
      format: s.format ?? row.format,
      status: 'committed',
      finishedAt: Date.now(),
      added: moved.added,
      duplicates,
      rejected: s.rejected,
      ignored: s.ignored,
      touched: moved.touched,
      arrived: moved.arrived,
      ...(doses ? { doses } : {}),
      ...(profile.length ? { profile } : {}),
    };
    await db.imports.put(done);
    return done;
  });
}

/** What moving an import's staged samples into the store did. */
export interface Moved {
  added: number;
  duplicates: number;
  touched: ImportRow['touched'];
  arrived: Arrivals;
}

/**
 * Moves every staged sample of an import into the month chunks (merging duplicates as an import
 * does), deletes the staged rows and recomputes the touched days, inside the caller's transaction
 * over staging, sampleChunks, daily, sources and settings. `sourceId` maps the staged source column
 * to source ids (a pending import's own indices; identity for an undone import's kept samples).
 */
export async function moveStagedIntoStore(db: DoppelDb, importId: number, sourceId: (s: number) => number): Promise<Moved> {
  const keys = (await db.staging.where('stagedFor').equals(importId).primaryKeys()) as string[];
  let added = 0;
  let duplicates = 0;
  const touched = new Map<MetricId, Set<string>>();
  const arrived: Arrivals = {};
  for (const key of keys) {
    const st = (await db.staging.get(key))!;
    const batch: SampleBatch = {
      metric: st.metric,
      start: st.start,
      end: st.end,
      value: st.value,
      offsetMin: st.offsetMin,
      source: Uint32Array.from(st.source, sourceId),
      flags: st.flags,
    };
    const mainKey = `${st.metric}|${st.month}`;
    const merged = mergeIntoChunk(await db.sampleChunks.get(mainKey), batch, range(st.n), importId);
    added += merged.added;
    duplicates += merged.duplicates;
    await db.sampleChunks.put({ key: mainKey, metric: st.metric, month: st.month, ...merged.columns });
    // Each month's chunk is merged once (one staging row per metric and month).
    tallyArrivals(arrived, st.metric, merged.columns, importId);
    await db.staging.delete(key);
    let days = touched.get(st.metric);
    if (!days) touched.set(st.metric, (days = new Set()));
    for (let i = 0; i < st.n; i++) days.add(localDay(st.start[i]!, st.offsetMin[i]!));
  }
  const touchedObj: ImportRow['touched'] = {};
  for (const [m, days] of touched) {
    await refreshDaily(db, m, days);
    touchedObj[m] = [...days].sort();
  }
  return { added, duplicates, touched: touchedObj, arrived };
}

/** Deletes a pending import and its staged samples (cancel, fatal error, crash recovery). */
export async function discardStagedImport(db: DoppelDb, importId: number): Promise<void> {
  await writeTx(db, [db.imports, db.staging], async () => {
    await db.staging.where('stagedFor').equals(importId).delete();
    const row = await db.imports.get(importId);
    if (row?.status === 'pending') await db.imports.delete(importId);
  });
}

function range(n: number): Uint32Array {
  const r = new Uint32Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  return r;
}
