import { useSyncExternalStore } from 'react';
import type { Workspace } from '../../data/workspace.ts';
import { holdLock, LOCK } from '../../data/locks.ts';

/**
 * What one Doppel tab tells the others (docs/architecture.md "Tabs"): a workspace deleted or
 * replaced under them, "Delete everything" starting. Messages go to the other tabs of this origin
 * only (BroadcastChannel), never anywhere else.
 */
export type TabMessage = { type: 'workspace-gone'; ws: Workspace; why: 'closed' | 'replaced' } | { type: 'erase-start' };

const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('doppel-tabs');
const handlers = new Set<(m: TabMessage) => void>();
channel?.addEventListener('message', (e: MessageEvent<TabMessage>) => handlers.forEach((h) => h(e.data)));

export function tellOtherTabs(m: TabMessage): void {
  channel?.postMessage(m);
}

export function onTabMessage(h: (m: TabMessage) => void): () => void {
  handlers.add(h);
  return () => handlers.delete(h);
}

/** A named lock this tab holds or not, on demand; holding twice is holding once. */
class TabHold {
  private release: Promise<() => Promise<void>> | undefined;
  constructor(
    private readonly name: string,
    private readonly mode: 'shared' | 'exclusive',
  ) {}
  get held(): boolean {
    return this.release !== undefined;
  }
  hold(): Promise<void> {
    this.release ??= holdLock(this.name, this.mode);
    return this.release.then(() => undefined);
  }
  async drop(): Promise<void> {
    const r = this.release;
    this.release = undefined;
    if (r) await (await r)();
  }
}

/** Held while this tab shows the review: another tab's start-up then knows the review is in use. */
export const reviewHold = new TabHold(LOCK.review, 'shared');
/** Held while this tab may work on stored data: "Delete everything" waits until every tab let go. */
export const dataHold = new TabHold(LOCK.data, 'shared');

/** The workspace this tab showed when another tab deleted or replaced it; the tab then shows only that. */
export type Gone = { ws: Workspace; why: 'closed' | 'replaced' } | null;
let gone: Gone = null;
const goneListeners = new Set<() => void>();

export function setGone(g: Gone): void {
  gone = g;
  goneListeners.forEach((l) => l());
}

export function useGone(): Gone {
  return useSyncExternalStore(
    (cb) => {
      goneListeners.add(cb);
      return () => goneListeners.delete(cb);
    },
    () => gone,
  );
}
