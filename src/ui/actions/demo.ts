import { dayInDeviceZone } from '../../../models/util/time.ts';
import { deleteWorkspace } from '../../data/workspace.ts';
import { allWorkers, importWorker, pendingWork, twinWorker } from '../../workers/index.ts';
import { setWorkspace, shownWorkspace } from '../hooks/useWorkspace.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { tellOtherTabs } from './tabs.ts';

/**
 * Builds the demo twin in its own workspace (in the workers) and switches the UI to it as soon as its
 * data are in: a quick snapshot shows the twin at once, and the full one (calibrated forecast, a
 * second or more on a slow phone) replaces it when done, the screen showing its progress meanwhile.
 */
export async function startDemo(signal?: AbortSignal, onStep?: (step: 'data' | 'twin') => void): Promise<void> {
  const now = new Date();
  onStep?.('data');
  await importWorker.run((api) => api.loadDemo('demo', dayInDeviceZone(now.getTime()), -now.getTimezoneOffset()), signal);
  onStep?.('twin');
  await twinWorker.run((api) => api.refreshSnapshot('demo', { quick: true }), signal);
  setWorkspace('demo');
  // Tracked, not awaited: the twin screen is up; an error leaves the quick snapshot, which says it is pending.
  void pendingWork.track(twinWorker.run((api) => api.refreshSnapshot('demo'))).catch((e: unknown) => {
    // The demo removed meanwhile stops the worker: nothing to report then.
    if (!isAbortError(e) && shownWorkspace() === 'demo') console.error(e);
  });
}

/** Deletes the demo workspace; the person's own workspace is a different database and is untouched. */
export async function removeDemo(): Promise<void> {
  // The ml worker too: a training under way would write its networks and record back after the delete.
  for (const w of allWorkers) w.terminate();
  setWorkspace('main');
  // A tab showing the demo says it went, rather than show the person's own data in its place.
  tellOtherTabs({ type: 'workspace-gone', ws: 'demo', why: 'closed' });
  // Tracked: the UI shows the person's own workspace at once, while the delete runs on.
  await pendingWork.track(deleteWorkspace('demo'));
}
