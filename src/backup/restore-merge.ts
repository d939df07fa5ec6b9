/**
 * A backup joining the data already on the device, by the import rules (restore.ts): each committed
 * import of the backup becomes an import again (its samples deduplicated against what is there, undo
 * removes exactly it), the person's own values keep the newer per field, plans and the track record
 * are not doubled, and the device's settings win.
 */
import type { MetricId } from '../../models/metrics.ts';
import type { SampleBatch } from '../../models/samples.ts';
import { localDay } from '../../models/util/time.ts';
import { tallyArrivals, type Arrivals } from '../data/arrivals.ts';
import { mergeIntoChunk } from '../data/chunk-merge.ts';
import type { DoppelDb } from '../data/db.ts';
import { writeDoses, type DoseInput } from '../data/doses.ts';
import { heldSamples } from '../data/imports.ts';
import { mergeImportedProfile, type ProfilePatch } from '../data/profile.ts';
import { LIST_FIELDS, TOP_FIELDS, getValue, isListField, resolve, setValue, type ProfileMeta } from '../data/profile-merge.ts';
import type { ImportRow, ProfileRow, SampleChunkRow, ScenarioRow, SettingRow, TwinSnapshotRow } from '../data/rows.ts';
import { recomputeTotals, refreshDaily } from '../data/samples.ts';
import { ensureSources } from '../data/sources.ts';
import { CHUNK, UNDONE, stagedKeys, type Held } from './restore-held.ts';
import type { RestoreResult } from './restore.ts';

interface ImportTally {
  added: number;
  duplicates: number;
  touched: Map<MetricId, Set<string>>;
  arrived: Arrivals;
}

/** The backup joins the data already there, by the import rules (see the top of this file). */
export async function merge(db: DoppelDb, id: number, held: Held): Promise<Omit<RestoreResult, 'samples'>> {
  const ids = await ensureSources(
    db,
    held.sources.map((s) => ({ name: s.name, model: s.model, ...(s.wallZone ? { wallZone: s.wallZone } : {}) })),
  );
  // Backup source id -> source id here (a sparse array: writeDoses indexes it by source).
  const sourceIds: number[] = [];
  held.sources.forEach((s, i) => (sourceIds[s.id!] = ids[i]!));
  // An import this device already holds as the same import (the same file at the same moment: this
  // backup, or an earlier backup of it, restored here before) is not added a second time.
  const sameImport = (r: ImportRow): string => `${r.fileName}\n${r.format}\n${r.bytes}\n${r.startedAt}`;
  const hereIds = new Map((await db.imports.toArray()).filter((r) => r.status === 'committed').map((r) => [sameImport(r), r.id!]));
  const alreadyHere = new Map<number, number>();
  const committed: ImportRow[] = [];
  for (const r of held.imports) {
    if (r.status !== 'committed') continue;
    const here = hereIds.get(sameImport(r));
    if (here === undefined) committed.push(r);
    else alreadyHere.set(r.id!, here);
  }
  committed.sort((a, b) => a.id! - b.id!);
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
  await mergeSnapshots(db, held.twinSnapshots, new Map([...alreadyHere, ...newId]));
  if (await mergeSettings(db, held.settings)) await recomputeTotals(db);
  return {
    mode: 'merged',
    imports,
    alreadyHere: alreadyHere.size,
    undoneSkipped: held.imports.filter((r) => r.status === 'undone').length,
  };
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
