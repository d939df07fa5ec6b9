import { useSyncExternalStore } from 'react';
import { deleteWorkspace } from '../../data/workspace.ts';
import { INBOX_CACHE } from '../../inbox/constants.ts';
import { importWorker, mlWorker, twinWorker } from '../../workers/index.ts';
import { setWorkspace } from '../hooks/useWorkspace.ts';

/**
 * Set from the moment "Delete everything" starts until the person moves on: screens that read a
 * database show the confirmation instead, so that no live query opens (and so re-creates) a
 * database being deleted.
 */
let erased = false;
const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((l) => l());

export function useErased(): boolean {
  return useSyncExternalStore((cb) => {
    listeners.add(cb);
    return () => listeners.delete(cb);
  }, () => erased);
}

export function clearErased(): void {
  if (!erased) return;
  erased = false;
  notify();
}

/** Deletes every byte of health data Doppel holds on this device: both workspaces and the inbox. */
export async function eraseEverything(): Promise<void> {
  erased = true;
  notify();
  for (const w of [importWorker, twinWorker, mlWorker]) w.terminate();
  setWorkspace('main');
  await Promise.all([deleteWorkspace('main'), deleteWorkspace('demo'), typeof caches === 'undefined' ? undefined : caches.delete(INBOX_CACHE)]);
}
