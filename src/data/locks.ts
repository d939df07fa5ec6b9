/**
 * Locks shared by every tab and worker of the origin (Web Locks API, navigator.locks). The browser
 * releases a lock when the tab or worker holding it dies, so "nobody holds it" means "nobody is
 * working on it any more", whatever the age of the work: this is what tells a live import in
 * another tab from a crashed one, and an open review in another tab from one whose tab closed.
 * Where the API is missing (Node: the CLI and unit tests) an in-process stand-in with the same
 * semantics is used; tests can inject their own (`setLockManager`).
 */

export type LockMode = 'exclusive' | 'shared';

/** The part of the Web Locks API Doppel uses. */
export interface Locks {
  request<T>(name: string, options: { mode?: LockMode; ifAvailable?: boolean }, fn: (lock: unknown) => Promise<T> | T): Promise<T>;
}

/** Lock names: one place, so that tabs and workers agree. */
export const LOCK = {
  /** Held (shared) by every tab that shows the review workspace. */
  review: 'doppel-review-open',
  /** Held (shared) by every tab while it may run work on stored data; "Delete everything" takes it exclusively. */
  data: 'doppel-data',
  /** Held by the tab deleting everything, from before it tells the other tabs until it is done. */
  erasing: 'doppel-erasing',
  /** Held by the worker running one staged import, for as long as it runs (the name is kept in its row). */
  importRun: (token: string): string => `doppel-import-${token}`,
} as const;

let injected: Locks | undefined;

/** Replaces the lock manager (tests); `undefined` goes back to the platform's. */
export function setLockManager(m: Locks | undefined): void {
  injected = m;
}

export function locks(): Locks {
  if (injected) return injected;
  const nav = (globalThis as { navigator?: { locks?: Locks } }).navigator;
  return nav?.locks ?? (injected = new LocalLocks());
}

/**
 * Takes a lock and keeps it until the returned function is called; that function resolves once the
 * lock is released. Resolves once the lock is held.
 */
export function holdLock(name: string, mode: LockMode = 'exclusive'): Promise<() => Promise<void>> {
  return new Promise((acquired, failed) => {
    let settled!: () => void;
    const over = new Promise<void>((r) => (settled = r));
    locks()
      .request(
        name,
        { mode },
        () =>
          new Promise<void>((release) =>
            acquired(() => {
              release();
              return over;
            }),
          ),
      )
      .then(() => settled(), failed);
  });
}

/** Runs `fn` holding the lock if nobody holds it now; `{ ran: false }` when somebody does. */
export async function ifFree<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  return locks().request(name, { mode: 'exclusive', ifAvailable: true }, async (lock) =>
    lock ? { ran: true as const, value: await fn() } : { ran: false as const },
  );
}

/** Waits until nobody holds the lock, then runs `fn` holding it. */
export function whenFree<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return locks().request(name, { mode: 'exclusive' }, () => fn());
}

interface Waiter {
  mode: LockMode;
  grant: () => void;
}

/** The Web Locks semantics within one JS realm: exclusive or many shared holders, granted in order. */
export class LocalLocks implements Locks {
  private readonly held = new Map<string, { mode: LockMode; count: number }>();
  private readonly queue = new Map<string, Waiter[]>();

  async request<T>(name: string, options: { mode?: LockMode; ifAvailable?: boolean }, fn: (lock: unknown) => Promise<T> | T): Promise<T> {
    const mode = options.mode ?? 'exclusive';
    if (!this.grantable(name, mode)) {
      if (options.ifAvailable) return fn(null);
      await new Promise<void>((grant) => {
        const q = this.queue.get(name) ?? [];
        q.push({ mode, grant });
        this.queue.set(name, q);
      });
    } else this.take(name, mode);
    try {
      return await fn({ name, mode });
    } finally {
      this.release(name);
    }
  }

  private grantable(name: string, mode: LockMode): boolean {
    const h = this.held.get(name);
    if (this.queue.get(name)?.length) return false;
    return !h || (h.mode === 'shared' && mode === 'shared');
  }

  private take(name: string, mode: LockMode): void {
    const h = this.held.get(name);
    this.held.set(name, { mode, count: (h?.count ?? 0) + 1 });
  }

  private release(name: string): void {
    const h = this.held.get(name)!;
    if (--h.count === 0) this.held.delete(name);
    const q = this.queue.get(name) ?? [];
    while (q.length) {
      const next = q[0]!;
      const now = this.held.get(name);
      if (now && !(now.mode === 'shared' && next.mode === 'shared')) break;
      q.shift();
      this.take(name, next.mode);
      next.grant();
    }
    if (!q.length) this.queue.delete(name);
  }
}
