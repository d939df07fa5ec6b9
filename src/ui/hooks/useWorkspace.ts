import { useSyncExternalStore } from 'react';
import type { Workspace } from '../../data/workspace.ts';

/**
 * The workspace the UI shows (a UI preference, not health data). Each tab has its own (sessionStorage:
 * a reload keeps it, another tab never changes it); the person's own or the demo is also remembered
 * for the next start (localStorage). A review is never remembered for another tab or start: it is
 * shown only in the tab that opened it (docs/architecture.md "Tabs").
 */
const KEY = 'doppel.workspace';
const listeners = new Set<() => void>();
let inPage: Workspace | undefined;

function parse(v: string | null | undefined): Workspace | undefined {
  return v === 'main' || v === 'demo' || v === 'review' ? v : undefined;
}

function read(): Workspace {
  try {
    const tab = parse(sessionStorage.getItem(KEY));
    if (tab) return tab;
    const last = parse(localStorage.getItem(KEY));
    return last === 'demo' ? 'demo' : 'main';
  } catch {
    return inPage ?? 'main';
  }
}

/** The workspace this tab shows now. */
export function shownWorkspace(): Workspace {
  return read();
}

export function setWorkspace(ws: Workspace): void {
  inPage = ws;
  try {
    sessionStorage.setItem(KEY, ws);
    localStorage.setItem(KEY, ws === 'review' ? 'main' : ws);
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
