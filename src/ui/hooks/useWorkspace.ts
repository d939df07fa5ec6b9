import { useSyncExternalStore } from 'react';
import type { Workspace } from '../../data/workspace.ts';

/** The workspace the UI shows (a UI preference, not health data, so it lives in localStorage). */
const KEY = 'doppel.workspace';
const listeners = new Set<() => void>();

function read(): Workspace {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'demo' || v === 'review' ? v : 'main';
  } catch {
    return 'main';
  }
}

export function setWorkspace(ws: Workspace): void {
  try {
    localStorage.setItem(KEY, ws);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  listeners.forEach((l) => l());
}

export function useWorkspace(): [Workspace, (ws: Workspace) => void] {
  const ws = useSyncExternalStore((cb) => {
    listeners.add(cb);
    return () => listeners.delete(cb);
  }, read);
  return [ws, setWorkspace];
}
