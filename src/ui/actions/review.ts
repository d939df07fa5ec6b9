import { ifFree, LOCK, whenFree } from '../../data/locks.ts';
import { deleteWorkspace, workspaceDb, workspaceExists } from '../../data/workspace.ts';
import type { Secret } from '../../share/format.ts';
import { allWorkers, importWorker, pendingWork } from '../../workers/index.ts';
import { setWorkspace, shownWorkspace } from '../hooks/useWorkspace.ts';
import { reviewHold, tellOtherTabs } from './tabs.ts';

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

function forgetKept(): void {
  try {
    localStorage.removeItem(KEEP);
  } catch {
    /* ignore */
  }
}

/**
 * What opening another share file would replace: the review the clinician kept (its name), and
 * whether another tab shows the review now. Read without creating the review database.
 */
export async function reviewInTheWay(): Promise<{ kept?: string; openElsewhere: boolean }> {
  const exists = await workspaceExists('review');
  const kept =
    exists && reviewKept()
      ? (((await workspaceDb('review').settings.get('share'))?.value as { label?: string } | undefined)?.label ?? '?')
      : undefined;
  // While this tab shows a review it holds the lock itself: another tab's hold cannot be told apart then.
  const openElsewhere = !reviewHold.held && !(await ifFree(LOCK.review, () => Promise.resolve())).ran;
  return kept === undefined ? { openElsewhere } : { kept, openElsewhere };
}

/**
 * Waits until no other tab shows the review, after telling them it goes (they stop their workers
 * and show that it went, never the data that replace it), then runs `fn` holding the review lock.
 */
async function withReviewToOurselves<T>(why: 'closed' | 'replaced', fn: () => Promise<T>): Promise<T> {
  // Every worker: a call under way (a training on the review) would write into it again.
  for (const w of allWorkers) w.terminate();
  await reviewHold.drop();
  tellOtherTabs({ type: 'workspace-gone', ws: 'review', why });
  return whenFree(LOCK.review, fn);
}

/** Opens a share file into the review workspace (in the import worker) and shows it in this tab. */
export async function openReview(bytes: Uint8Array, secret: Secret): Promise<{ label: string; sharedAt: string }> {
  const r = await withReviewToOurselves('replaced', async () => {
    const opened = await importWorker.run((a) => a.openShare(bytes, secret));
    forgetKept();
    return opened;
  });
  setWorkspace('review');
  await reviewHold.hold();
  return r;
}

/** Closes the review: the review workspace is deleted unless kept; the device owner's data are untouched. */
export async function closeReview(): Promise<void> {
  setWorkspace('main');
  await reviewHold.drop();
  if (!reviewKept()) await deleteReview();
}

/** Deletes the review workspace (kept or not) and forgets that it was kept; a tab showing it is told. */
export async function deleteReview(): Promise<void> {
  forgetKept();
  await pendingWork.track(withReviewToOurselves('closed', () => deleteWorkspace('review')));
}

/** Shows a kept review again (Settings). */
export function reopenReview(): void {
  setWorkspace('review');
  void reviewHold.hold();
}

/**
 * At start-up: a review that no tab shows any more (its tab closed; a reload in that tab keeps it)
 * is wiped, unless the clinician kept it. A review another tab shows is left alone: that tab holds
 * the review lock.
 */
export async function wipeStaleReview(): Promise<void> {
  if (shownWorkspace() === 'review') {
    // This tab showed it before a reload: it shows it still, unless another tab deleted it meanwhile.
    if (!(await workspaceExists('review'))) setWorkspace('main');
    return;
  }
  if (reviewKept() || !(await workspaceExists('review'))) return;
  await ifFree(LOCK.review, async () => {
    if (!reviewKept() && (await workspaceExists('review'))) await deleteWorkspace('review');
  });
}
