import { useSyncExternalStore } from 'react';

/**
 * Notes this device keeps outside the databases (localStorage: device-marker.ts, backup-date.ts), and
 * the re-render when one changes: written in this tab (`changed`) or in another (the storage event).
 */
export function deviceNote(keys: readonly string[]): { changed: () => void; useVersion: () => number } {
  const listeners = new Set<() => void>();
  let version = 0;
  const changed = (): void => {
    version++;
    listeners.forEach((l) => l());
  };
  const subscribe = (cb: () => void): (() => void) => {
    // `key` is null when another tab cleared all of localStorage.
    const onStorage = (e: StorageEvent): void => {
      if (e.key !== null && !keys.includes(e.key)) return;
      version++;
      cb();
    };
    listeners.add(cb);
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(cb);
      window.removeEventListener('storage', onStorage);
    };
  };
  return { changed, useVersion: () => useSyncExternalStore(subscribe, () => version) };
}
