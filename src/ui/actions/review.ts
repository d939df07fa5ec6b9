import { deleteWorkspace, workspaceExists } from '../../data/workspace.ts';
import type { Secret } from '../../share/format.ts';
import { allWorkers, importWorker } from '../../workers/index.ts';
import { setWorkspace } from '../hooks/useWorkspace.ts';

/** Whether the clinician chose to keep the open review on this device (a UI preference). */
const KEEP = 'doppel.reviewKeep';
/** Set in this tab while a review is open: a reload keeps it, a new start (tab closed) does not. */
const SESSION = 'doppel.reviewSession';

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
  try {
    sessionStorage.setItem(SESSION, '1');
  } catch {
    /* private mode: a reload then ends the review */
  }
  setWorkspace('review');
  return r;
}

function endSession(): void {
  try {
    sessionStorage.removeItem(SESSION);
  } catch {
    /* ignore */
  }
}

/** Closes the review: the review workspace is deleted unless kept; the device owner's data are untouched. */
export async function closeReview(): Promise<void> {
  endSession();
  setWorkspace('main');
  if (!reviewKept()) await deleteReview();
}

/** Deletes the review workspace (kept or not) and forgets that it was kept. */
export async function deleteReview(): Promise<void> {
  // The ml worker too: a training under way would write its networks and record back after the delete.
  for (const w of allWorkers) w.terminate();
  try {
    localStorage.removeItem(KEEP);
  } catch {
    /* ignore */
  }
  await deleteWorkspace('review');
}

/** Shows a kept review again (Settings). */
export function reopenReview(): void {
  try {
    sessionStorage.setItem(SESSION, '1');
  } catch {
    /* ignore */
  }
  setWorkspace('review');
}

/**
 * At start-up: a review that was open when its tab closed (a new start, not a reload in the same
 * tab) is wiped and the app returns to the owner's workspace, unless the clinician kept it.
 */
export async function wipeStaleReview(): Promise<void> {
  let sameTab = false;
  try {
    sameTab = sessionStorage.getItem(SESSION) === '1';
  } catch {
    /* ignore */
  }
  if (sameTab) return;
  let shown = false;
  try {
    shown = localStorage.getItem('doppel.workspace') === 'review';
  } catch {
    /* ignore */
  }
  if (shown) setWorkspace('main');
  if (!reviewKept() && (await workspaceExists('review'))) await deleteWorkspace('review');
}
