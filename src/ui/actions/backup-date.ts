import { deviceNote } from './device-note.ts';

/**
 * When this device last made a backup of the person's twin, and whether the person wants to be
 * reminded, kept outside the database (localStorage, as device-marker.ts): facts about this device,
 * not part of the twin, so neither is in the backup nor replaced by a restore.
 */
const KEY = 'doppel.lastBackup';
const REMIND_KEY = 'doppel.backupReminder';

/** The reminder appears once the last backup (or, never backed up, the first import) is this old and data came since. */
export const REMIND_AFTER_MS = 30 * 86_400_000;

const { changed, useVersion: useBackupVersion } = deviceNote([KEY, REMIND_KEY]);

/** When the last backup was made on this device (ms since 1970), or undefined if never. */
export function lastBackupMs(): number | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    const v = raw ? (JSON.parse(raw) as { atMs?: unknown }).atMs : undefined;
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function noteBackup(atMs: number): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ atMs }));
  } catch {
    /* private mode or full: not recorded */
  }
  changed();
}

/** Whether the backup reminder is on (the default) on this device. */
export function reminderOn(): boolean {
  try {
    return localStorage.getItem(REMIND_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setReminder(on: boolean): void {
  try {
    if (on) localStorage.removeItem(REMIND_KEY);
    else localStorage.setItem(REMIND_KEY, 'off');
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  changed();
}

/**
 * Whether to remind: on, and the last backup (or, never backed up, the first data) is over 30 days
 * old, and data arrived after the last backup. `firstDataMs`/`newestDataMs`: the person's committed
 * imports' first start and latest finish.
 */
export function shouldRemind(nowMs: number, lastMs: number | undefined, firstDataMs: number, newestDataMs: number, on: boolean): boolean {
  if (!on) return false;
  const since = lastMs ?? firstDataMs;
  return nowMs - since >= REMIND_AFTER_MS && newestDataMs > (lastMs ?? 0);
}

/** The last backup's time, re-read when it changes. */
export function useLastBackup(): number | undefined {
  useBackupVersion();
  return lastBackupMs();
}

/** Whether the reminder is on, re-read when it changes. */
export function useReminderOn(): boolean {
  useBackupVersion();
  return reminderOn();
}
