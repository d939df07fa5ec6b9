/** What a restore holds while it reads: the rows kept in memory and the keys of the rows it stages. */
import type { DoppelDb } from '../data/db.ts';
import type { DailyRow, DoseRow, ImportRow, ProfileRow, ScenarioRow, SettingRow, SourceRow, TwinSnapshotRow } from '../data/rows.ts';

export interface Held {
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
export const STAGE_ROWS = 8;
export const CHUNK = 'c';
export const UNDONE = 'u';

/** Every table's rows held in memory, none yet. */
export const emptyHeld = (): Held => ({
  settings: [],
  sources: [],
  profile: [],
  imports: [],
  scenarios: [],
  twinSnapshots: [],
  doses: [],
  daily: [],
});

/** The staged rows of the restore, by kind, keys first (they are read one at a time). */
export async function stagedKeys(db: DoppelDb, id: number, kind: string): Promise<string[]> {
  const keys = (await db.staging.where('stagedFor').equals(id).primaryKeys()) as string[];
  return keys.filter((k) => k.startsWith(`${id}|${kind}|`));
}
