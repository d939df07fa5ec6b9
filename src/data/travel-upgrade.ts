import type { Table, Transaction } from 'dexie';
import type { MetricId } from '../../models/metrics.ts';
import { FLAG_OFFSET_ASSUMED } from '../../models/samples.ts';
import { runtimeZone } from '../../models/util/zone.ts';
import type { DoppelDb } from './db.ts';
import type { DoseRow, ImportRow, SampleChunkRow, SourceRow } from './rows.ts';
import { refreshDaily } from './samples.ts';
import {
  applyRepair,
  emptyRepair,
  findTravelCopies,
  repairDoses,
  WALL_CLOCK_FORMATS,
  ZoneProbes,
  type ChunkRepair,
} from './travel-repair.ts';

/** Every IANA zone the runtime knows, the device's first (ES2022 Intl.supportedValuesOf). */
function zoneCandidates(deviceZone: string): string[] {
  const all = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [deviceZone, ...all.filter((z) => z !== deviceZone)];
}

/**
 * Schema v5's upgrade (travel-repair.ts): removes the travel copies from the sample chunks and the
 * dose records, recomputes the days they were on, corrects the imports' counts, and remembers with
 * each source the zone its first import of wall-clock times used. Reads the chunks one at a time,
 * holding a month and the one before it, so the upgrade's memory does not grow with the store.
 */
export async function upgradeTravelCopies(tx: Transaction, deviceZone = runtimeZone()): Promise<void> {
  const chunks = tx.table<SampleChunkRow, string>('sampleChunks');
  const imports = await tx.table<ImportRow, number>('imports').toArray();
  const formatOf = new Map(imports.map((r) => [r.id!, r.format]));
  const wallClock = (id: number): boolean => WALL_CLOCK_FORMATS.has(formatOf.get(id) ?? '');
  // Refreshing daily rows reads and writes through the upgrade's own transaction.
  const tables = { sampleChunks: chunks, daily: tx.table('daily'), sources: tx.table('sources'), settings: tx.table('settings') };
  const db = tables as unknown as DoppelDb;

  const probes = new ZoneProbes();
  const removed = new Map<number, number>();
  let repair = emptyRepair();
  let prev: SampleChunkRow | undefined;
  const settle = async (c: SampleChunkRow | undefined, r: ChunkRepair): Promise<void> => {
    if (!c || (!r.drop.has(c) && !r.shadows.has(c))) return;
    const cols = applyRepair(c, r);
    if (cols.n === 0) await chunks.delete(c.key);
    else await chunks.put({ ...c, ...cols });
  };
  const endMetric = async (metric: MetricId): Promise<void> => {
    await settle(prev, repair);
    await refreshDaily(db, metric, repair.days);
    for (const [id, n] of repair.removedByImport) removed.set(id, (removed.get(id) ?? 0) + n);
    repair = emptyRepair();
  };

  for (const key of (await chunks.toCollection().primaryKeys()).sort()) {
    const cur = (await chunks.get(key))!;
    if (prev && prev.metric !== cur.metric) {
      await endMetric(prev.metric);
      prev = undefined;
    }
    for (let i = 0; i < cur.n; i++) {
      if (cur.flags[i]! & FLAG_OFFSET_ASSUMED && wallClock(cur.importId[i]!))
        probes.add(cur.source[i]!, cur.importId[i]!, cur.start[i]!, cur.offsetMin[i]!);
    }
    // A copy lies within 26 hours of its original: in the same UTC month or the one before.
    findTravelCopies(prev ? [prev, cur] : [cur], wallClock, repair);
    await settle(prev, repair);
    prev = cur;
  }
  if (prev) await endMetric(prev.metric);

  const doseTable = tx.table<DoseRow, string>('doses');
  const doses = repairDoses(await doseTable.toArray(), new Set(probes.sources()), wallClock);
  const dosesRemoved = new Map<number, number>();
  const rowsByKey = new Map((await doseTable.bulkGet(doses.del)).map((r) => [r!.key, r!]));
  for (const k of doses.del) {
    const first = rowsByKey.get(k)!.importIds[0]!;
    dosesRemoved.set(first, (dosesRemoved.get(first) ?? 0) + 1);
  }
  if (doses.del.length) await doseTable.bulkDelete(doses.del);
  if (doses.put.length) await doseTable.bulkPut(doses.put);

  for (const r of imports) {
    const n = removed.get(r.id!) ?? 0;
    const d = dosesRemoved.get(r.id!) ?? 0;
    if (!n && !d) continue;
    const row: ImportRow = { ...r, added: r.added - n, duplicates: r.duplicates + n };
    if (d) row.doses = Math.max(0, (r.doses ?? 0) - d);
    await tx.table<ImportRow, number>('imports').put(row);
  }

  const sources = tables.sources as Table<SourceRow, number>;
  const candidates = zoneCandidates(deviceZone);
  for (const id of probes.sources()) {
    const row = await sources.get(id);
    if (!row || row.wallZone) continue;
    const zone = probes.zoneOf(id, candidates);
    if (zone) await sources.put({ ...row, wallZone: zone });
  }
}
