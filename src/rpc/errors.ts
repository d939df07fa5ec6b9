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
    /** What the UI's wording needs beyond the code (e.g. how many bytes a write lacks). */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}

interface SerializedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
  detail?: Record<string, unknown>;
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
          ? {
              name: e.name,
              message: e.message,
              stack: e.stack,
              code: (e as { code?: unknown }).code as string | undefined,
              detail: plainDetail((e as { detail?: unknown }).detail),
            }
          : { name: 'Error', message: String(e) };
      return [s, []];
    },
    deserialize(s: SerializedError): never {
      if (s.name === 'AbortError') throw new DOMException(s.message, 'AbortError');
      const err = new WorkerError(s.code ?? 'WORKER_ERROR', s.message, undefined, s.detail);
      err.name = s.name;
      if (s.stack) err.stack = s.stack;
      throw err;
    },
  } as Comlink.TransferHandler<ThrownValue, SerializedError>);
}

/** A detail object of plain numbers and strings (anything else is not cloned across). */
function plainDetail(d: unknown): Record<string, unknown> | undefined {
  if (!d || typeof d !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (typeof v === 'number' || typeof v === 'string') out[k] = v;
  return out;
}

export function isAbortError(e: unknown): boolean {
  return e instanceof DOMException ? e.name === 'AbortError' : (e as { name?: string } | null)?.name === 'AbortError';
}
