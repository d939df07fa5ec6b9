import { deleteWorkspace, workspaceExists } from '../../data/workspace.ts';
import type { Secret } from '../../share/format.ts';
import { importWorker, twinWorker } from '../../workers/index.ts';
import { setWorkspace } from '../hooks/useWorkspace.ts';

/** Whether the clinician chose to keep the open review on this device (a UI preference). */
const KEEP = 'doppel.reviewKeep';

export function reviewKept(): boolean {
  try {
    return localStorage.getItem(KEEP) === '1';
  } catch {
    return false;
  }
}

export function keepReview(): void {
  try {
    localStorage.setItem(KEEP, '1');
  } catch {
    /* private mode: kept for this page only */
  }
}

/** Opens a share file into the review workspace (in the import worker) and shows it. */
export async function openReview(bytes: Uint8Array, secret: Secret): Promise<{ label: string; sharedAt: string }> {
  try {
    localStorage.removeItem(KEEP);
  } catch {
    /* ignore */
  }
  const r = await importWorker.run((a) => a.openShare(bytes, secret));
  setWorkspace('review');
  return r;
}

/** Closes the review: the review workspace is deleted unless kept; the device owner's data are untouched. */
export async function closeReview(): Promise<void> {
  setWorkspace('main');
  if (!reviewKept()) {
    importWorker.terminate();
    twinWorker.terminate();
    await deleteWorkspace('review');
  }
}

/** At start-up: a review left open when the tab closed is wiped, unless it was kept. */
export async function wipeStaleReview(showingReview: boolean): Promise<void> {
  if (showingReview || reviewKept()) return;
  if (await workspaceExists('review')) await deleteWorkspace('review');
}
