/**
 * Work under way in this tab: every worker call, and the app's own storage steps that outlive a click
 * (deleting a workspace). The app shows the count on <main> as `data-pending-work`, a settled signal:
 * a test waits until nothing runs (so nothing is left to write) instead of sleeping.
 */
let pending = 0;
const listeners = new Set<() => void>();

function change(by: number): void {
  pending += by;
  for (const l of listeners) l();
}

export const pendingWork = {
  count: (): number => pending,
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  /** Counts `p` as under way until it settles; returns it. */
  track<T>(p: Promise<T>): Promise<T> {
    change(1);
    p.then(
      () => change(-1),
      () => change(-1),
    );
    return p;
  },
};
