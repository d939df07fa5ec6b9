/**
 * Making and opening share files: the chosen part of the patient's workspace, sealed (format.ts);
 * and a share file opened into the review workspace, which is emptied first and holds nothing else.
 * Nothing is stored unless the whole file opened and checked: the owner's data are never touched.
 */
import type { DoppelDb } from '../data/db.ts';
import { writeTx } from '../data/tx.ts';
import { refreshSnapshot } from '../twin/snapshot.ts';
import { open, seal, type Secret } from './format.ts';
import { buildPayload, loadPayload, parsePayload, type SharePayload, type ShareScope } from './payload.ts';

export async function createShare(
  db: DoppelDb,
  scope: ShareScope,
  label: string,
  secret: Secret,
  nowMs = Date.now(),
): Promise<{ bytes: Uint8Array; payload: SharePayload }> {
  const payload = await buildPayload(db, scope, label, nowMs);
  return { bytes: await seal(new TextEncoder().encode(JSON.stringify(payload)), secret), payload };
}

/** Opens a share file into `review` (emptied first). Throws ShareError with nothing stored when the file cannot be opened. */
export async function openShareInto(review: DoppelDb, bytes: Uint8Array, secret: Secret, nowMs = Date.now()): Promise<SharePayload> {
  const payload = parsePayload(await open(bytes, secret), nowMs);
  // One transaction: the earlier review is replaced by this one entirely, or stays as it was.
  await writeTx(review, review.tables, async () => {
    for (const t of review.tables) await t.clear();
    await loadPayload(review, payload, bytes.length);
  });
  await refreshSnapshot(review, nowMs);
  return payload;
}
