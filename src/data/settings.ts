import type { DoppelDb } from './db.ts';
import { DataError } from './errors.ts';
import { recomputeTotals } from './samples.ts';
import { writeTx } from './tx.ts';

/**
 * Every setting, its type and its default. Storage never changes with display units. A setting
 * added later reads as its default where an older database has no row for it.
 */
export interface Settings {
  glucoseUnit: 'mg/dL' | 'mmol/L';
  weightUnit: 'kg' | 'lb';
  hba1cUnit: '%' | 'mmol/mol';
  /** Creatinine: mg/dL or µmol/L (88.42 µmol/L per mg/dL). */
  creatinineUnit: 'mg/dL' | 'µmol/L';
  /** Height and waist: cm, or feet and inches (waist in inches). */
  heightUnit: 'cm' | 'ft/in';
  /** Source keys in the user's priority order (first wins); empty = the default rule. */
  sourceOrder: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  glucoseUnit: 'mg/dL',
  weightUnit: 'kg',
  hba1cUnit: '%',
  creatinineUnit: 'mg/dL',
  heightUnit: 'cm',
  sourceOrder: [],
};

export async function getSetting<K extends keyof Settings>(db: DoppelDb, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row === undefined ? DEFAULT_SETTINGS[key] : (row.value as Settings[K]);
}

export async function setSetting<K extends keyof Settings>(db: DoppelDb, key: K, value: Settings[K]): Promise<void> {
  validateSetting(key, value);
  if (key !== 'sourceOrder') {
    await db.settings.put({ key, value });
    return;
  }
  // The source order decides every cumulative daily total: both change in one transaction.
  await writeTx(db, [db.settings, db.sampleChunks, db.daily, db.sources], async () => {
    await db.settings.put({ key, value });
    await recomputeTotals(db);
  });
}

const CHOICES: Partial<Record<keyof Settings, readonly string[]>> = {
  glucoseUnit: ['mg/dL', 'mmol/L'],
  weightUnit: ['kg', 'lb'],
  hba1cUnit: ['%', 'mmol/mol'],
  creatinineUnit: ['mg/dL', 'µmol/L'],
  heightUnit: ['cm', 'ft/in'],
};

/** The display-unit settings, each with the values it may take. */
export type UnitSettings = Pick<Settings, 'glucoseUnit' | 'weightUnit' | 'hba1cUnit' | 'creatinineUnit' | 'heightUnit'>;
export const UNIT_KEYS = [
  'glucoseUnit',
  'weightUnit',
  'hba1cUnit',
  'creatinineUnit',
  'heightUnit',
] as const satisfies readonly (keyof UnitSettings)[];

/** The unit settings of `settings`. */
export function unitSettings(settings: Settings): UnitSettings {
  return Object.fromEntries(UNIT_KEYS.map((k) => [k, settings[k]])) as UnitSettings;
}

/**
 * Unit settings read from outside (a share file): each known value kept, anything else (missing,
 * misspelt, from a newer version) read as the default.
 */
export function unitSettingsFrom(raw: Record<string, unknown>): UnitSettings {
  return Object.fromEntries(
    UNIT_KEYS.map((k) => [k, CHOICES[k]!.includes(raw[k] as string) ? raw[k] : DEFAULT_SETTINGS[k]]),
  ) as UnitSettings;
}

function validateSetting(key: keyof Settings, value: unknown): void {
  const choices = CHOICES[key];
  if (choices && !choices.includes(value as string))
    throw new DataError('INVALID_SETTING', `settings.${key}: "${String(value)}" is not one of ${choices.join(', ')}`);
  if (key === 'sourceOrder' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
    throw new DataError('INVALID_SETTING', 'settings.sourceOrder: must be a list of source keys');
  }
  if (!(key in DEFAULT_SETTINGS)) throw new DataError('INVALID_SETTING', `unknown setting "${String(key)}"`);
}

export async function getAllSettings(db: DoppelDb): Promise<Settings> {
  const rows = await db.settings.toArray();
  const out: Settings = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r.key in out) (out as unknown as Record<string, unknown>)[r.key] = r.value;
  return out;
}
