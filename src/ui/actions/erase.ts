import Dexie from 'dexie';
import { useSyncExternalStore } from 'react';
import { deleteWorkspace, TFJS_DB } from '../../data/workspace.ts';
import { INBOX_CACHE } from '../../inbox/constants.ts';
import { allWorkers } from '../../workers/index.ts';
import { setWorkspace } from '../hooks/useWorkspace.ts';
import { clearMarker } from './device-marker.ts';
import { errorText } from '../error-text.ts';

/**
 * The deletion's phase, from the moment "Delete everything" starts until the person moves on:
 * screens that read a database show the phase instead, so that no live query opens (and so
 * re-creates) a database being deleted. `done` only once every delete has finished.
 */
export type ErasePhase = { phase: 'idle' } | { phase: 'erasing' } | { phase: 'done' } | { phase: 'failed'; error: string };
let state: ErasePhase = { phase: 'idle' };
const listeners = new Set<() => void>();
const set = (s: ErasePhase): void => {
  state = s;
  listeners.forEach((l) => l());
};

export function useErase(): ErasePhase {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => state,
  );
}

export function clearErased(): void {
  if (state.phase === 'done' || state.phase === 'failed') set({ phase: 'idle' });
}

/** Deletes every byte of health data Doppel holds on this device: every workspace (own, demo, a review) and the inbox. */
export async function eraseEverything(): Promise<void> {
  set({ phase: 'erasing' });
  clearMarker(); // the person deletes: no loss to report at the next start (device-marker.ts)
  try {
    for (const w of allWorkers) w.terminate();
    setWorkspace('main');
    await Promise.all([
      deleteWorkspace('main'),
      deleteWorkspace('demo'),
      deleteWorkspace('review'),
      typeof caches === 'undefined' ? undefined : caches.delete(INBOX_CACHE),
    ]);
    await Dexie.delete(TFJS_DB); // the ml worker's trained networks
    set({ phase: 'done' });
  } catch (e) {
    set({ phase: 'failed', error: errorText(e) });
    throw e;
  }
}
