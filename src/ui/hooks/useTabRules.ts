import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { whenFree } from '../../data/locks.ts';
import { workspaceDb, type Workspace } from '../../data/workspace.ts';
import { allWorkers, importWorker } from '../../workers/index.ts';
import { onTabMessage, reviewHold, setGone, useGone, type Gone } from '../actions/tabs.ts';

/** Imports of the person's own workspace whose lock is being waited on (once each). */
const watched = new Set<number>();

/**
 * The rules between tabs (docs/architecture.md "Tabs"), for the workspace this tab shows:
 * - while it shows the review, it holds the review lock (another tab's start then leaves it alone);
 * - a workspace deleted or replaced in another tab: this tab stops its workers and says so;
 * - an import whose lock nobody holds any more (its tab or worker died) is rolled back at once.
 * Returns what went from under this tab, if anything.
 */
export function useTabRules(ws: Workspace, active: boolean): Gone {
  const gone = useGone();
  const shown = gone?.ws === ws ? gone : null;
  useEffect(() => {
    if (ws !== 'review' || shown) return;
    void reviewHold.hold();
    return () => void reviewHold.drop();
  }, [ws, shown]);
  useEffect(
    () =>
      onTabMessage((m) => {
        if (m.type !== 'workspace-gone' || m.ws !== ws) return;
        for (const w of allWorkers) w.terminate(`the ${m.ws} workspace went in another tab`);
        // The review lock goes in the effect above, once the screens reading the review have unmounted.
        setGone({ ws: m.ws, why: m.why });
      }),
    [ws],
  );
  const pending = useLiveQuery(
    async () => (active ? await workspaceDb('main').imports.where('status').equals('pending').toArray() : []),
    [active],
  );
  useEffect(() => {
    for (const row of pending ?? []) {
      if (row.id === undefined || watched.has(row.id)) continue;
      watched.add(row.id);
      // Waits, outside the pending-work count, for the import's worker to end (finished or dead), then rolls back what is left.
      const wait = row.lock ? whenFree(row.lock, () => Promise.resolve()) : Promise.resolve();
      void wait
        .then(() => importWorker.run((a) => a.recover('main')))
        .catch(() => undefined)
        .finally(() => watched.delete(row.id!));
    }
  }, [pending]);
  return shown;
}
