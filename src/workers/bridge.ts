import * as Comlink from 'comlink';
import { installErrorTransfer, WorkerError } from '../rpc/errors.ts';
import { pendingWork } from './activity.ts';

installErrorTransfer();

/**
 * Starts a worker on first use and runs calls on it. Cancelling a call (AbortSignal) terminates the
 * worker, as Squoosh does: a busy worker cannot read a cancel message, while termination stops it at
 * once and aborts any IndexedDB transaction it had open, so nothing half-written remains. Other calls
 * that were running on that worker reject with WorkerError `WORKER_STOPPED`, so no caller waits
 * forever. The next call starts a fresh worker.
 */
export class WorkerBridge<T> {
  /** While everything is being deleted no worker starts (its call rejects with `WORKER_STOPPED`). */
  static paused = false;

  private worker: Worker | undefined;
  private remote: Comlink.Remote<T> | undefined;
  private readonly pending = new Set<(e: unknown) => void>();

  constructor(
    readonly name: string,
    private readonly factory: () => Worker,
  ) {}

  get started(): boolean {
    return this.worker !== undefined;
  }

  private ensure(): Comlink.Remote<T> {
    if (!this.remote) {
      const w = this.factory();
      w.addEventListener('error', (ev: ErrorEvent) => {
        ev.preventDefault?.();
        this.fail(new WorkerError('WORKER_FAILED', `The ${this.name} worker failed: ${ev.message || 'script error'}`, this.name));
      });
      w.addEventListener('messageerror', () => {
        this.fail(new WorkerError('WORKER_MESSAGE', `The ${this.name} worker sent a message that could not be read`, this.name));
      });
      this.worker = w;
      this.remote = Comlink.wrap<T>(w as unknown as Comlink.Endpoint);
    }
    return this.remote;
  }

  /**
   * Runs `fn` against the worker's API; rejects with an AbortError if `signal` fires first. Typed by
   * the promise `fn` returns: Comlink's Remote turns a call returning `Promise<A | B>` (a Result) into
   * `Promise<A> | Promise<B>`, which `Awaited` joins back into `A | B`.
   */
  run<P extends Promise<unknown>>(fn: (api: Comlink.Remote<T>) => P, signal?: AbortSignal): Promise<Awaited<P>> {
    type R = Awaited<P>;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (WorkerBridge.paused)
      return Promise.reject(
        new WorkerError('WORKER_STOPPED', `The ${this.name} worker did not start: everything is being deleted`, this.name),
      );
    const api = this.ensure();
    // Counted until the caller's promise settles: a stopped worker's own reply never comes.
    return pendingWork.track(
      new Promise<R>((resolve, reject) => {
        const onAbort = (): void => {
          this.pending.delete(reject);
          reject(abortReason(signal!));
          this.terminate(`a call to the ${this.name} worker was cancelled`);
        };
        this.pending.add(reject);
        signal?.addEventListener('abort', onAbort, { once: true });
        fn(api)
          .then((v) => resolve(v as R), reject)
          .finally(() => {
            this.pending.delete(reject);
            signal?.removeEventListener('abort', onAbort);
          });
      }),
    );
  }

  /** Stops the worker; calls still running on it reject with WorkerError `WORKER_STOPPED`. */
  terminate(why = 'it was stopped'): void {
    this.fail(new WorkerError('WORKER_STOPPED', `The ${this.name} worker stopped before answering: ${why}`, this.name));
  }

  private fail(e: WorkerError): void {
    const rejects = [...this.pending];
    this.pending.clear();
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = undefined;
    this.remote = undefined;
    for (const r of rejects) r(e);
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason instanceof Error || signal.reason instanceof DOMException
    ? signal.reason
    : new DOMException('The operation was aborted', 'AbortError');
}

/** Marks typed-array buffers to be moved, not copied, across the worker boundary. */
export const transfer = Comlink.transfer;
