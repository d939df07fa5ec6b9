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
import { METRICS, type MetricId } from '../../models/metrics.ts';
import type { SampleBatch } from '../../models/samples.ts';
import { localDay } from '../../models/util/time.ts';
import { tallyArrivals, type Arrivals } from '../data/arrivals.ts';
import { mergeIntoChunk } from '../data/chunk-merge.ts';
import { LATEST_VERSION, type DoppelDb } from '../data/db.ts';
import { writeDoses, type DoseInput } from '../data/doses.ts';
import { DataError } from '../data/errors.ts';
import { holdLock, LOCK } from '../data/locks.ts';
import { mergeImportedProfile, type ProfilePatch } from '../data/profile.ts';
import { LIST_FIELDS, TOP_FIELDS, getValue, isListField, resolve, setValue, type ProfileMeta } from '../data/profile-merge.ts';
import type {
  DailyRow,
  DoseRow,
  ImportRow,
  ProfileRow,
  SampleChunkRow,
  ScenarioRow,
  SettingRow,
  SourceRow,
  StagingRow,
  TwinSnapshotRow,
} from '../data/rows.ts';
import { recomputeTotals, refreshDaily } from '../data/samples.ts';
import { ensureSources } from '../data/sources.ts';
import { beginStagedImport, discardStagedImport } from '../data/staging.ts';
import { heldSamples } from '../data/imports.ts';
import { writeTx } from '../data/tx.ts';
import { BackupError } from './errors.ts';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type BackupRecord, type BackupTable } from './records.ts';

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
}

interface Held {
  settings: SettingRow[];
  sources: SourceRow[];
  profile: ProfileRow[];
  imports: ImportRow[];
  scenarios: ScenarioRow[];
  twinSnapshots: TwinSnapshotRow[];
  doses: DoseRow[];
  daily: DailyRow[];
}

/** Staged rows are written this many at a time (a chunk can hold a month of minute heart rate). */
const STAGE_ROWS = 8;
const CHUNK = 'c';
const UNDONE = 'u';

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
    const held: Held = { settings: [], sources: [], profile: [], imports: [], scenarios: [], twinSnapshots: [], doses: [], daily: [] };
    const counts: Partial<Record<BackupTable, number>> = {};
    let buffer: StagingRow[] = [];
    let head = false;
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
      if (!head) {
        checkHead(rec);
        head = true;
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
      if (rec.t === 'sampleChunks') {
        const c = checkChunk(rec.r, rows);
        samples += c.n;
        buffer.push({ ...c, key: `${id}|${CHUNK}|${c.key}`, stagedFor: id });
      } else if (rec.t === 'staging') {
        const s = rec.r as unknown as StagingRow;
        checkChunk({ ...s, key: `${s.metric}|${s.month}` }, rows);
        buffer.push({ ...s, key: `${id}|${UNDONE}|${s.key}`, stagedFor: id });
      } else (held[rec.t] as unknown[]).push(checkRow(rec.t, rec.r, rows));
      if (buffer.length >= STAGE_ROWS) await flush();
      opts.onProgress?.({ phase: 'reading', rows });
    }
    if (!head) throw new BackupError('CORRUPT', 'The backup holds nothing.');
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

function checkHead(rec: BackupRecord): void {
  if (rec.k !== 'head' || rec.format !== BACKUP_FORMAT) throw new BackupError('CORRUPT', 'The backup does not start with its head record.');
  if (!(rec.version <= BACKUP_VERSION) || !(rec.schema <= LATEST_VERSION))
    throw new BackupError(
      'UNSUPPORTED_VERSION',
      `This backup was made by a newer Doppel (backup version ${rec.version}, database version ${rec.schema}; this Doppel reads ${BACKUP_VERSION} and ${LATEST_VERSION}). Update Doppel to restore it.`,
    );
  if (rec.schema !== LATEST_VERSION)
    throw new BackupError(
      'UNSUPPORTED_VERSION',
      `This backup holds database version ${rec.schema}; this Doppel restores version ${LATEST_VERSION} only.`,
    );
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown): boolean => Number.isInteger(x) && (x as number) > 0;

/** Each table's rows have their keys and the fields the restore reads, of their types (an export is not authenticated). */
const ROW_CHECKS: Record<Exclude<BackupTable, 'sampleChunks' | 'staging'>, (r: Record<string, unknown>) => boolean> = {
  settings: (r) => typeof r.key === 'string',
  sources: (r) => isId(r.id) && typeof r.key === 'string' && typeof r.name === 'string' && typeof r.model === 'string',
  profile: (r) => r.id === 'self' && typeof r.updatedAt === 'number',
  imports: (r) =>
    isId(r.id) &&
    typeof r.fileName === 'string' &&
    typeof r.format === 'string' &&
    (r.status === 'committed' || r.status === 'undone') &&
    Array.isArray(r.rejected) &&
    isObject(r.ignored) &&
    isObject(r.touched),
  scenarios: (r) => isId(r.id) && typeof r.name === 'string' && isObject(r.scenario),
  twinSnapshots: (r) => isId(r.id) && typeof r.createdAt === 'number' && isObject(r.watermark) && typeof r.watermark.importId === 'number',
  doses: (r) =>
    typeof r.key === 'string' &&
    (r.kind === 'carbs' || r.kind === 'insulin') &&
    typeof r.t === 'number' &&
    typeof r.amount === 'number' &&
    typeof r.source === 'number' &&
    Array.isArray(r.importIds),
  daily: (r) => typeof r.key === 'string' && typeof r.metric === 'string' && Object.hasOwn(METRICS, r.metric),
};

function checkRow(t: Exclude<BackupTable, 'sampleChunks' | 'staging'>, r: Record<string, unknown>, row: number): Record<string, unknown> {
  if (!ROW_CHECKS[t](r)) throw new BackupError('CORRUPT', `Row ${row} of the backup is not a ${t} row Doppel can store.`);
  return r;
}

const COLUMNS = ['start', 'end', 'value', 'offsetMin', 'source', 'importId', 'flags'] as const;

/** A chunk row's columns are typed arrays of its length, of a metric Doppel knows. */
function checkChunk(r: Record<string, unknown>, row: number): SampleChunkRow {
  const c = r as unknown as SampleChunkRow;
  const ok =
    typeof c.metric === 'string' &&
    Object.hasOwn(METRICS, c.metric) &&
    typeof c.month === 'string' &&
    /^\d{4}-\d{2}$/.test(c.month) &&
    c.key === `${c.metric}|${c.month}` &&
    Number.isInteger(c.n) &&
    COLUMNS.every((k) => ArrayBuffer.isView(c[k]) && (c[k] as ArrayLike<number>).length === c.n) &&
    (c.shadowOf?.length ?? 0) === (c.shadowImport?.length ?? 0);
  if (!ok) throw new BackupError('CORRUPT', `Row ${row} of the backup is not a month of samples Doppel can store.`);
  return c;
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

/** The staged rows of the restore, by kind, keys first (they are read one at a time). */
async function stagedKeys(db: DoppelDb, id: number, kind: string): Promise<string[]> {
  const keys = (await db.staging.where('stagedFor').equals(id).primaryKeys()) as string[];
  return keys.filter((k) => k.startsWith(`${id}|${kind}|`));
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
  return { mode: 'whole', imports: [...held.imports].sort((a, b) => a.id! - b.id!), undoneSkipped: 0 };
}

interface ImportTally {
  added: number;
  duplicates: number;
  touched: Map<MetricId, Set<string>>;
  arrived: Arrivals;
}

/** The backup joins the data already there, by the import rules (see the top of this file). */
async function merge(db: DoppelDb, id: number, held: Held): Promise<Omit<RestoreResult, 'samples'>> {
  const ids = await ensureSources(
    db,
    held.sources.map((s) => ({ name: s.name, model: s.model, ...(s.wallZone ? { wallZone: s.wallZone } : {}) })),
  );
  // Backup source id -> source id here (a sparse array: writeDoses indexes it by source).
  const sourceIds: number[] = [];
  held.sources.forEach((s, i) => (sourceIds[s.id!] = ids[i]!));
  const committed = held.imports.filter((r) => r.status === 'committed').sort((a, b) => a.id! - b.id!);
  const newId = new Map<number, number>();
  const tally = new Map<number, ImportTally>();
  for (const r of committed) {
    const row: ImportRow = {
      fileName: r.fileName,
      format: r.format,
      bytes: r.bytes,
      startedAt: r.startedAt,
      status: 'pending',
      added: 0,
      duplicates: 0,
      rejected: r.rejected,
      ignored: r.ignored,
      touched: {},
      ...(r.entry ? { entry: r.entry } : {}),
    };
    const n = (await db.imports.add(row)) as number;
    newId.set(r.id!, n);
    tally.set(n, { added: 0, duplicates: 0, touched: new Map(), arrived: {} });
  }
  // Samples: one pass over the months; in each, the backup's imports in their order.
  const allDays = new Map<MetricId, Set<string>>();
  for (const key of await stagedKeys(db, id, CHUNK)) {
    const st = (await db.staging.get(key))!;
    await db.staging.delete(key);
    const holders = new Set<number>([...st.importId, ...(st.shadowImport ?? [])]);
    const mainKey = `${st.metric}|${st.month}`;
    let main: SampleChunkRow | undefined = await db.sampleChunks.get(mainKey);
    for (const from of [...holders].filter((h) => newId.has(h)).sort((a, b) => a - b)) {
      const to = newId.get(from)!;
      const t = tally.get(to)!;
      const cols = heldSamples(st, from);
      const batch: SampleBatch = {
        metric: st.metric,
        start: cols.start,
        end: cols.end,
        value: cols.value,
        offsetMin: cols.offsetMin,
        source: Uint32Array.from(cols.source, (s) => sourceIds[s] ?? s),
        flags: cols.flags,
      };
      const merged = mergeIntoChunk(
        main,
        batch,
        Uint32Array.from({ length: cols.n }, (_, i) => i),
        to,
      );
      main = { key: mainKey, metric: st.metric, month: st.month, ...merged.columns };
      t.added += merged.added;
      t.duplicates += merged.duplicates;
      tallyArrivals(t.arrived, st.metric, merged.columns, to);
      let days = t.touched.get(st.metric);
      if (!days) t.touched.set(st.metric, (days = new Set()));
      let all = allDays.get(st.metric);
      if (!all) allDays.set(st.metric, (all = new Set()));
      for (let i = 0; i < cols.n; i++) {
        const day = localDay(cols.start[i]!, cols.offsetMin[i]!);
        days.add(day);
        all.add(day);
      }
    }
    if (main) await db.sampleChunks.put(main);
  }
  // What undo keeps for redo stays with the device it was undone on.
  for (const key of await stagedKeys(db, id, UNDONE)) await db.staging.delete(key);
  for (const [m, days] of allDays) await refreshDaily(db, m, days);

  const backupProfile = held.profile[0];
  const imports: ImportRow[] = [];
  for (const r of committed) {
    const to = newId.get(r.id!)!;
    const t = tally.get(to)!;
    const doses: DoseInput[] = held.doses
      .filter((d) => d.importIds.includes(r.id!))
      .map((d) => ({ kind: d.kind, t: d.t, amount: d.amount, offsetMin: d.offsetMin, source: d.source }));
    const dosesAdded = await writeDoses(db, doses, sourceIds, to);
    const { patch, meta } = importedBy(backupProfile, r.id!);
    const profile = await mergeImportedProfile(db, to, r.fileName, patch, meta);
    const touched: ImportRow['touched'] = {};
    for (const [m, days] of t.touched) touched[m] = [...days].sort();
    const done: ImportRow = {
      ...(await db.imports.get(to))!,
      status: 'committed',
      finishedAt: Date.now(),
      added: t.added,
      duplicates: t.duplicates,
      touched,
      arrived: t.arrived,
      ...(dosesAdded ? { doses: dosesAdded } : {}),
      ...(profile.length ? { profile } : {}),
      ...(r.replaces !== undefined && newId.has(r.replaces) ? { replaces: newId.get(r.replaces)! } : {}),
      ...(r.replacedBy !== undefined && newId.has(r.replacedBy) ? { replacedBy: newId.get(r.replacedBy)! } : {}),
    };
    await db.imports.put(done);
    imports.push(done);
  }
  if (backupProfile) await mergePersonValues(db, backupProfile);
  await mergeScenarios(db, held.scenarios);
  await mergeSnapshots(db, held.twinSnapshots, newId);
  if (await mergeSettings(db, held.settings)) await recomputeTotals(db);
  return { mode: 'merged', imports, undoneSkipped: held.imports.filter((r) => r.status === 'undone').length };
}

/** What the backup's profile says one of its imports gave, as that import's patch. */
function importedBy(p: ProfileRow | undefined, importId: number): { patch: ProfilePatch; meta: ProfileMeta } {
  const patch: Record<string, unknown> = {};
  const meta: ProfileMeta = {};
  for (const v of p?.fromImports ?? []) {
    if (!v.importIds.includes(importId)) continue;
    if (isListField(v.field)) {
      if (v.indirect) ((meta.indirect ??= {})[v.field] ??= []).push(String(v.value));
      else ((patch[v.field] ??= []) as string[]).push(String(v.value));
    } else if (v.field.startsWith('answers.')) ((patch.answers ??= {}) as Record<string, unknown>)[v.field.slice(8)] = v.value;
    else {
      patch[v.field] = v.value;
      if (v.observedAt) (meta.observedAt ??= {})[v.field] = v.observedAt;
    }
  }
  return { patch: patch as ProfilePatch, meta };
}

/**
 * The person's own values (entered or chosen) of the backup against this device's: per field, the
 * newer wins (the time each was entered, `provenance.at`); a value the device has none of is taken.
 * An imported value never replaces the person's, as for imports.
 */
async function mergePersonValues(db: DoppelDb, b: ProfileRow): Promise<void> {
  const cur = await db.profile.get('self');
  const row: ProfileRow = cur ? structuredClone(cur) : { id: 'self', updatedAt: b.updatedAt, provenance: {}, fromImports: [] };
  const prov = (row.provenance ??= {});
  const bProv = b.provenance ?? {};
  // A row from before provenance: its values are the person's, entered when it was last saved.
  const personAt = (p: ProfileRow, f: string): number | undefined => {
    const o = p.provenance
      ? p.provenance[f]
      : getValue(p, f) !== undefined || (isListField(f) && p[f])
        ? { by: 'person' as const, at: p.updatedAt }
        : undefined;
    return o?.by === 'person' ? (o.at ?? p.updatedAt) : undefined;
  };
  const fields = [...TOP_FIELDS, ...Object.keys(b.answers ?? {}).map((k) => `answers.${k}`)];
  let changed = false;
  for (const f of fields) {
    const tb = personAt(b, f);
    const v = getValue(b, f);
    if (tb === undefined || v === undefined) continue;
    const tc = personAt(row, f);
    if (tc !== undefined && tc >= tb) continue;
    setValue(row, f, v);
    prov[f] = { ...(bProv[f] ?? {}), by: 'person', at: tb };
    changed = true;
  }
  for (const l of LIST_FIELDS) {
    const tb = personAt(b, l);
    if (tb === undefined || !b[l]) continue;
    const tc = personAt(row, l);
    if (tc !== undefined && tc >= tb) continue;
    row[l] = [...b[l]];
    prov[l] = { by: 'person', at: tb };
    for (const i of b[l]) prov[`${l}:${i}`] = bProv[`${l}:${i}`] ?? { by: 'person', at: tb };
    changed = true;
  }
  if (b.name && !row.name) {
    row.name = b.name;
    changed = true;
  }
  if (!changed) return;
  row.updatedAt = Math.max(row.updatedAt, b.updatedAt);
  await db.profile.put(resolve(row));
}

/** Saved plans: the backup's are added, but one already here (same name and content) is not doubled. */
async function mergeScenarios(db: DoppelDb, plans: ScenarioRow[]): Promise<void> {
  const here = new Set((await db.scenarios.toArray()).map((s) => `${s.name}\n${JSON.stringify(s.scenario)}`));
  for (const { id: _, ...s } of plans) if (!here.has(`${s.name}\n${JSON.stringify(s.scenario)}`)) await db.scenarios.add(s);
}

/** Twin snapshots (the track record): the backup's are added unless one of the same time and engine is here. */
async function mergeSnapshots(db: DoppelDb, snaps: TwinSnapshotRow[], newId: Map<number, number>): Promise<void> {
  const here = new Set((await db.twinSnapshots.toArray()).map((s) => `${s.createdAt}|${s.engine}`));
  for (const { id: _, ...s } of snaps) {
    if (here.has(`${s.createdAt}|${s.engine}`)) continue;
    const importId = newId.get(s.watermark.importId) ?? s.watermark.importId;
    await db.twinSnapshots.add({ ...s, watermark: { ...s.watermark, importId } });
  }
}

/**
 * Settings: the device's own win (the person chose them on the device they use now); one the device
 * has not set comes from the backup. The forecaster's record stays the device's (it retrains on the
 * merged readings). Returns whether the source order changed (daily totals then follow it).
 */
async function mergeSettings(db: DoppelDb, settings: SettingRow[]): Promise<boolean> {
  let order = false;
  for (const s of settings) {
    if (s.key === 'ml.glucose') continue;
    const cur = await db.settings.get(s.key);
    const unset = cur === undefined || (s.key === 'sourceOrder' && Array.isArray(cur.value) && cur.value.length === 0);
    if (!unset) continue;
    await db.settings.put(s);
    if (s.key === 'sourceOrder') order = true;
  }
  return order;
}
