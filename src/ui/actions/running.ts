/**
 * Work running in this tab that an app update must not cut short: imports, and making or restoring a
 * backup. An update reload waits until none runs (UpdatePrompt), so none is dropped halfway; what
 * runs is said while it waits. Kept apart from the worker code so the first screen loads none of it.
 */
export type RunningKind = 'import' | 'backup';

const running: Record<RunningKind, number> = { import: 0, backup: 0 };
const listeners = new Set<() => void>();

export const runningWork = {
  count: (): number => running.import + running.backup,
  /** Whether work of this kind runs now. */
  has: (kind: RunningKind): boolean => running[kind] > 0,
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

/** Runs `work` counted as running work of `kind`, from its start until it settles (done, failed or cancelled). */
export async function whileRunning<T>(kind: RunningKind, work: () => Promise<T>): Promise<T> {
  running[kind]++;
  listeners.forEach((l) => l());
  try {
    return await work();
  } finally {
    running[kind]--;
    listeners.forEach((l) => l());
  }
}
