/**
 * Storage rules (docs/architecture.md "Storage rules"). A nearly full disk must never reach
 * IndexedDB mid-write: Chromium then reports "Corruption detected" and may delete every database of
 * the origin. So a large write first asks `navigator.storage.estimate()` whether it fits and is
 * refused before it starts, and any write that still fails for lack of room (QuotaExceededError, an
 * IOError, however Dexie wrapped it) becomes one `StorageError` with a stable code the UI words.
 * On a full disk Chromium may also close the database and then fail to reopen it ("Internal error
 * opening backing store", an UnknownError that Dexie wraps in a DatabaseClosedError) until room is
 * made: that is the same failure (test/e2e/full-disk.spec.ts meets it on a real full tmpfs).
 */

/** Why a write was refused or failed; `detail.neededBytes` is how much more room it needs, when known. */
export class StorageError extends Error {
  override name = 'StorageError';
  readonly code = 'STORAGE_FULL';
  constructor(
    message: string,
    readonly detail: { neededBytes?: number } = {},
  ) {
    super(message);
  }
}

/** Room kept free beyond a write's own estimate: LevelDB compaction and the browser need some. */
export const RESERVE_BYTES = 32 * 1024 * 1024;

/**
 * Bytes a write of stored data needs at least, whatever its estimate: undo and the source order
 * rewrite the chunks and daily rows of every day they touch (copy-on-write in LevelDB).
 */
export const REWRITE_BYTES = 16 * 1024 * 1024;

/**
 * What an import of a file of `fileBytes` may write, at most. Stored samples are typed-array
 * columns, far smaller than the XML/CSV/JSON text they come from, but a large import is first
 * staged and then merged (docs/metrics.md "Atomicity"), so it briefly holds two copies. A zip
 * holds text compressed about tenfold: its entries are counted at that size.
 */
export function importWriteBytes(fileBytes: number, zipped: boolean): number {
  const text = zipped ? fileBytes * 10 : fileBytes;
  return Math.ceil(text * 0.5) + REWRITE_BYTES;
}

interface StorageManagerLike {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** Free bytes this origin may still write, or undefined where the browser does not say. */
export async function freeBytes(storage: StorageManagerLike | undefined = globalThis.navigator?.storage): Promise<number | undefined> {
  try {
    const est = await storage?.estimate?.();
    if (est?.quota === undefined || est.usage === undefined) return undefined;
    return Math.max(0, est.quota - est.usage);
  } catch {
    return undefined;
  }
}

/**
 * Refuses a write of about `bytes` before it starts when it would leave less than the reserve.
 * Where the browser gives no estimate, the write goes ahead (and a failure is still mapped).
 */
export async function ensureRoom(bytes: number, storage?: StorageManagerLike): Promise<void> {
  const free = await freeBytes(storage ?? globalThis.navigator?.storage);
  if (free === undefined) return;
  const needed = bytes + RESERVE_BYTES - free;
  if (needed > 0) {
    throw new StorageError(`Not enough storage for this write: ${bytes} bytes wanted, ${free} free`, { neededBytes: needed });
  }
}

/** Names and messages by which browsers and Dexie report a disk or quota failure. */
const FULL_NAMES = new Set(['QuotaExceededError', 'UnknownError']);
const FULL_TEXT = /QuotaExceeded|\bIOError\b|\bUnknownError\b|backing store|Corruption|No space left|disk (is )?full|quota/i;

/**
 * Whether `e` (or an error it wraps: Dexie's `inner`, a standard `cause`) says storage is full or
 * failing. IndexedDB's UnknownError is, by the spec, a failure "unrelated to the database itself"
 * such as a disk error.
 */
export function isStorageFailure(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && depth < 8; depth++) {
    if (cur instanceof StorageError) return true;
    const { name, message } = cur as { name?: unknown; message?: unknown };
    if (typeof name === 'string' && FULL_NAMES.has(name)) return true;
    if (typeof message === 'string' && FULL_TEXT.test(message)) return true;
    const next = (cur as { inner?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
    if (next === cur) break;
    cur = next;
  }
  return false;
}

/** `e` as a StorageError when it is a storage failure, else `e` unchanged. */
export function asStorageError(e: unknown): unknown {
  if (e instanceof StorageError || !isStorageFailure(e)) return e;
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const err = new StorageError(`Storage write failed: ${msg}`);
  (err as { cause?: unknown }).cause = e;
  return err;
}
