import type { DoppelDb } from './db.ts';

/** Every setting, its type and its default. Storage never changes with display units. */
export interface Settings {
  glucoseUnit: 'mg/dL' | 'mmol/L';
  weightUnit: 'kg' | 'lb';
  hba1cUnit: '%' | 'mmol/mol';
  /** Source keys in the user's priority order (first wins); empty = the default rule. */
  sourceOrder: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  glucoseUnit: 'mg/dL',
  weightUnit: 'kg',
  hba1cUnit: '%',
  sourceOrder: [],
};

export async function getSetting<K extends keyof Settings>(db: DoppelDb, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row === undefined ? DEFAULT_SETTINGS[key] : (row.value as Settings[K]);
}

export async function setSetting<K extends keyof Settings>(db: DoppelDb, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}

export async function getAllSettings(db: DoppelDb): Promise<Settings> {
  const rows = await db.settings.toArray();
  const out: Settings = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in out) (out as unknown as Record<string, unknown>)[r.key] = r.value;
  return out;
}
