import Dexie from 'dexie';
import { useSyncExternalStore } from 'react';
import { holdLock, LOCK, whenFree } from '../../data/locks.ts';
import { deleteWorkspace, TFJS_DB } from '../../data/workspace.ts';
import { INBOX_CACHE } from '../../inbox/constants.ts';
import { pauseWorkers, resumeWorkers } from '../../workers/index.ts';
import { setWorkspace } from '../hooks/useWorkspace.ts';
import { clearMarker } from './device-marker.ts';
import { errorText } from '../error-text.ts';
import { dataHold, onTabMessage, reviewHold, tellOtherTabs } from './tabs.ts';

/**
 * The deletion's phase, from the moment "Delete everything" starts until the person moves on:
 * screens that read a database show the phase instead, so that no live query opens (and so
 * re-creates) a database being deleted. `done` only once every delete has finished. `from` says
 * where it started: this tab, another tab, or an earlier start that was interrupted.
 */
export type EraseFrom = 'here' | 'elsewhere' | 'resumed';
export type ErasePhase =
  | { phase: 'idle' }
  | { phase: 'erasing'; from: EraseFrom }
  | { phase: 'done'; from: EraseFrom }
  | { phase: 'failed'; from: EraseFrom; error: string };
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

/** The person moves on after a deletion: workers may start again (on empty databases). */
export function clearErased(): void {
  if (state.phase === 'done' || state.phase === 'failed') {
    resumeWorkers();
    set({ phase: 'idle' });
  }
}

/**
 * A database that exists from before the first delete until after the last: a deletion that a
 * closed tab or a killed browser interrupted is finished at the next start. (IndexedDB, not
 * localStorage: a localStorage write may not reach the disk before a crash.)
 */
const MARK_DB = 'doppel-erasing';

export async function eraseInterrupted(): Promise<boolean> {
  return (await Dexie.getDatabaseNames()).includes(MARK_DB);
}

function mark(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(MARK_DB);
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error ?? new Error('The deletion could not be started'));
  });
}

/**
 * Deletes every byte of health data Doppel holds on this device: every workspace (own, demo, a
 * review), the inbox and the networks the ml worker learnt. Every other tab stops its work first
 * (it lets go of the data lock once its workers are stopped) and starts no new work until the
 * deletion is over, so nothing lands in, or re-creates, a deleted database.
 */
export async function eraseEverything(from: 'here' | 'resumed' = 'here'): Promise<void> {
  set({ phase: 'erasing', from });
  clearMarker(); // the person deletes: no loss to report at the next start (device-marker.ts)
  try {
    pauseWorkers();
    await mark();
    setWorkspace('main');
    // Held from before the other tabs hear of it until the end: they wait on it to work again.
    const releaseErasing = await holdLock(LOCK.erasing);
    try {
      tellOtherTabs({ type: 'erase-start' });
      await reviewHold.drop();
      await dataHold.drop();
      await whenFree(LOCK.data, deleteAll);
      await Dexie.delete(MARK_DB);
    } finally {
      void releaseErasing();
    }
    void dataHold.hold();
    set({ phase: 'done', from });
  } catch (e) {
    set({ phase: 'failed', from, error: errorText(e) });
    throw e;
  }
}

async function deleteAll(): Promise<void> {
  await Promise.all([
    deleteWorkspace('main'),
    deleteWorkspace('demo'),
    deleteWorkspace('review'),
    typeof caches === 'undefined' ? undefined : caches.delete(INBOX_CACHE),
  ]);
  await Dexie.delete(TFJS_DB); // the ml worker's trained networks
}

/** Another tab deletes everything: stop this tab's work, let it go ahead, and say so when it is over. */
async function followErase(): Promise<void> {
  set({ phase: 'erasing', from: 'elsewhere' });
  pauseWorkers();
  setWorkspace('main');
  // One turn of the event loop: React has then replaced every screen (and its live queries) with the notice.
  await new Promise((r) => setTimeout(r, 0));
  await reviewHold.drop();
  await dataHold.drop();
  await whenFree(LOCK.erasing, () => Promise.resolve());
  // Its tab closed before it finished: this tab finishes it.
  if (await eraseInterrupted()) return eraseEverything('resumed');
  void dataHold.hold();
  set({ phase: 'done', from: 'elsewhere' });
}

/**
 * At this tab's start: finishes a deletion an earlier start left unfinished, or holds the data
 * lock and follows deletions other tabs start.
 */
export function startTabErase(): () => void {
  const off = onTabMessage((m) => {
    if (m.type === 'erase-start') void followErase().catch(() => undefined);
  });
  void eraseInterrupted()
    .then(
      (yes) => (yes ? eraseEverything('resumed') : dataHold.hold()),
      () => dataHold.hold(),
    )
    .catch(() => undefined);
  return off;
}
