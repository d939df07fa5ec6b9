import type { DoppelDb } from './db.ts';
import { DataError } from './errors.ts';
import type { ScenarioRow, TwinSnapshotRow } from './rows.ts';
import { writeTx } from './tx.ts';

export async function addSnapshot(db: DoppelDb, s: Omit<TwinSnapshotRow, 'id'>): Promise<number> {
  return (await db.twinSnapshots.add(s)) as number;
}

export function latestSnapshot(db: DoppelDb): Promise<TwinSnapshotRow | undefined> {
  return db.twinSnapshots.orderBy('createdAt').last();
}

export async function saveScenario(db: DoppelDb, name: string, scenario: Record<string, unknown>, id?: number): Promise<number> {
  const trimmed = name.trim();
  if (!trimmed) throw new DataError('INVALID_SCENARIO', 'A scenario needs a name');
  if (trimmed.length > 80) throw new DataError('INVALID_SCENARIO', `Scenario name is ${trimmed.length} characters; at most 80`);
  const now = Date.now();
  return writeTx(db, [db.scenarios], async () => {
    const prev = id === undefined ? undefined : await db.scenarios.get(id);
    const row: ScenarioRow = { ...(prev ?? { createdAt: now }), name: trimmed, scenario, updatedAt: now };
    if (id !== undefined) row.id = id;
    return (await db.scenarios.put(row)) as number;
  });
}

/** Saved scenarios, most recently changed first. */
export function listScenarios(db: DoppelDb): Promise<ScenarioRow[]> {
  return db.scenarios.orderBy('updatedAt').reverse().toArray();
}

export async function deleteScenario(db: DoppelDb, id: number): Promise<void> {
  await db.scenarios.delete(id);
}
