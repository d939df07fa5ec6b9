import { deleteWorkspace } from '../../data/workspace.ts';
import { INBOX_CACHE } from '../../inbox/constants.ts';
import { importWorker, mlWorker, twinWorker } from '../../workers/index.ts';
import { setWorkspace } from '../hooks/useWorkspace.ts';

/** Deletes every byte of health data Doppel holds on this device: both workspaces and the inbox. */
export async function eraseEverything(): Promise<void> {
  for (const w of [importWorker, twinWorker, mlWorker]) w.terminate();
  setWorkspace('main');
  await Promise.all([deleteWorkspace('main'), deleteWorkspace('demo'), typeof caches === 'undefined' ? undefined : caches.delete(INBOX_CACHE)]);
}
