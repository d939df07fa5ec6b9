import { useSyncExternalStore } from 'react';

/**
 * When this device last made a backup of the person's twin, kept outside the database
 * (localStorage, as device-marker.ts): it is a fact about this device, not part of the twin, so it
 * is neither in the backup nor replaced by a restore.
 */
const KEY = 'doppel.lastBackup';

const listeners = new Set<() => void>();
let version = 0;
const changed = (): void => {
  version++;
  listeners.forEach((l) => l());
};

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

/** The last backup's time, re-read when it changes in this tab or another (the storage event). */
export function useLastBackup(): number | undefined {
  useSyncExternalStore(
    (cb) => {
      const onStorage = (e: StorageEvent): void => {
        if (e.key !== KEY && e.key !== null) return;
        version++;
        cb();
      };
      listeners.add(cb);
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(cb);
        window.removeEventListener('storage', onStorage);
      };
    },
    () => version,
  );
  return lastBackupMs();
}
