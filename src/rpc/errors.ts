import * as Comlink from 'comlink';

/**
 * An error that crossed the worker boundary, or a worker that failed. `code` survives the trip
 * (Comlink alone keeps only name, message and stack), so the UI can react to what went wrong.
 */
export class WorkerError extends Error {
  override name = 'WorkerError';
  constructor(
    readonly code: string,
    message: string,
    readonly worker?: string,
  ) {
    super(message);
  }
}

interface SerializedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

type ThrownValue = { value: unknown };

/**
 * Replaces Comlink's "throw" transfer handler on this side so that typed errors keep their `code`
 * and `name` (ImportError, DataError, ...). Call once in each realm: the main thread and each worker.
 */
let installed = false;

export function installErrorTransfer(): void {
  if (installed) return;
  installed = true;
  // Comlink marks thrown values with a private symbol; its own handler knows how to recognise them.
  const original = Comlink.transferHandlers.get('throw')!;
  Comlink.transferHandlers.set('throw', {
    canHandle: (v): v is ThrownValue => original.canHandle(v),
    serialize(v: ThrownValue) {
      const e = v.value;
      const s: SerializedError =
        e instanceof Error
          ? { name: e.name, message: e.message, stack: e.stack, code: (e as { code?: unknown }).code as string | undefined }
          : { name: 'Error', message: String(e) };
      return [s, []];
    },
    deserialize(s: SerializedError): never {
      if (s.name === 'AbortError') throw new DOMException(s.message, 'AbortError');
      const err = new WorkerError(s.code ?? 'WORKER_ERROR', s.message);
      err.name = s.name;
      if (s.stack) err.stack = s.stack;
      throw err;
    },
  } as Comlink.TransferHandler<ThrownValue, SerializedError>);
}

export function isAbortError(e: unknown): boolean {
  return e instanceof DOMException ? e.name === 'AbortError' : (e as { name?: string } | null)?.name === 'AbortError';
}
