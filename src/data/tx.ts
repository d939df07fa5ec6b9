import type { Table } from 'dexie';
import type { DoppelDb } from './db.ts';
import { asStorageError } from './storage.ts';

/**
 * Runs `fn` in one read-write transaction and rethrows the error that caused a failure. Dexie wraps
 * an error thrown inside a transaction (ours, or IndexedDB's QuotaExceededError) in a DexieError
 * whose `inner` is the cause; callers need the cause, with its type and code. A full disk or a
 * failing one (QuotaExceededError, IOError, however wrapped) becomes a StorageError (storage.ts).
 *
 * A transaction that changes the person's data also raises the data revision (revision.ts): the
 * middleware installed in DoppelDb does it for this and every other write path, so neither this
 * function nor its callers have to.
 */
export async function writeTx<T>(db: DoppelDb, tables: Table[], fn: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', tables, fn);
  } catch (e) {
    const inner = (e as { inner?: unknown }).inner;
    throw asStorageError(inner instanceof Error ? inner : e);
  }
}
