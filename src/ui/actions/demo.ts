import { dayInDeviceZone } from '../../../models/util/time.ts';
import { deleteWorkspace } from '../../data/workspace.ts';
import { allWorkers, importWorker, pendingWork, twinWorker } from '../../workers/index.ts';
import { setWorkspace } from '../hooks/useWorkspace.ts';
import { tellOtherTabs } from './tabs.ts';

/** Builds the demo twin in its own workspace (in the workers) and switches the UI to it. */
export async function startDemo(signal?: AbortSignal): Promise<void> {
  const now = new Date();
  await importWorker.run((api) => api.loadDemo('demo', dayInDeviceZone(now.getTime()), -now.getTimezoneOffset()), signal);
  await twinWorker.run((api) => api.refreshSnapshot('demo'), signal);
  setWorkspace('demo');
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
