import type { DoppelDb } from './db.ts';
import type { DoseKind, DoseRow } from './rows.ts';

/** A dose as a parser reads it: `source` indexes the import's source list. */
export interface DoseInput {
  kind: DoseKind;
  t: number;
  amount: number;
  offsetMin: number;
  source: number;
}

/**
 * Writes an import's doses inside the caller's import transaction (which must include `doses`);
 * `ids` maps the import's source indexes to source ids. Returns how many were new.
 */
export async function writeDoses(db: DoppelDb, doses: readonly DoseInput[], ids: readonly number[], importId: number): Promise<number> {
  if (!doses.length) return 0;
  const rows = new Map<string, DoseRow>();
  for (const d of doses) {
    const source = ids[d.source]!;
    const key = `${d.kind}|${d.t}|${source}|${d.amount}`;
    if (!rows.has(key))
      rows.set(key, { key, kind: d.kind, t: d.t, amount: d.amount, offsetMin: d.offsetMin, source, importIds: [importId] });
  }
  const keys = [...rows.keys()];
  const existing = await db.doses.bulkGet(keys);
  let added = 0;
  const put = keys.map((k, i) => {
    const old = existing[i];
    if (!old) {
      added++;
      return rows.get(k)!;
    }
    return old.importIds.includes(importId) ? old : { ...old, importIds: [...old.importIds, importId] };
  });
  await db.doses.bulkPut(put);
  return added;
}

/**
 * Undo: the import lets go of its records; a record no other import holds is deleted. Returns every
 * record it held (for redo) and how many were deleted.
 */
export async function releaseDoses(db: DoppelDb, importId: number): Promise<{ held: Omit<DoseRow, 'importIds'>[]; removed: number }> {
  const held = await db.doses.where('importIds').equals(importId).toArray();
  const del: string[] = [];
  const keep: DoseRow[] = [];
  for (const r of held) {
    const rest = r.importIds.filter((i) => i !== importId);
    if (rest.length) keep.push({ ...r, importIds: rest });
    else del.push(r.key);
  }
  await db.doses.bulkDelete(del);
  await db.doses.bulkPut(keep);
  return { held: held.map(({ importIds: _, ...d }) => d), removed: del.length };
}

/** Redo: the import holds again the records it held before undo (a record deleted since comes back). */
export async function restoreDoses(db: DoppelDb, held: readonly Omit<DoseRow, 'importIds'>[], importId: number): Promise<void> {
  if (!held.length) return;
  const existing = await db.doses.bulkGet(held.map((d) => d.key));
  await db.doses.bulkPut(
    held.map((d, i) => {
      const old = existing[i];
      if (!old) return { ...d, importIds: [importId] };
      return old.importIds.includes(importId) ? old : { ...old, importIds: [...old.importIds, importId] };
    }),
  );
}

/** One kind's records, oldest first. */
export function readDoses(db: DoppelDb, kind: DoseKind): Promise<DoseRow[]> {
  return db.doses.where('[kind+t]').between([kind, -Infinity], [kind, Infinity]).toArray();
}
