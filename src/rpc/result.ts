/**
 * The one result shape of worker calls (and of engine functions the workers call) whose answer can
 * be missing for a reason the person is shown as content: an incomplete profile (no forecast), no
 * CGM readings (no AGP report), no trained model or a gap in the newest readings (no glucose
 * forecast). The UI branches on `ok` and words the `code` from its message catalog.
 *
 * Faults are thrown instead, with a typed `code` that survives the worker boundary (errors.ts):
 * input refused (a bad file, a wrong passphrase, an unknown import), storage failing, a worker that
 * died or a call that was cancelled. A caller cannot go on after those, and every call can meet
 * them, so they are not part of each call's type. A batch whose items succeed or fail one by one
 * (the files of one import) reports each item's failure as the same `ErrorInfo`.
 */
export interface ErrorInfo<C extends string = string, D = unknown> {
  /** Stable, for the UI's wording and for tests. */
  code: C;
  /** English, for logs and developers; not shown as is. */
  message: string;
  /** What the UI's wording needs beyond the code (values in canonical units), where it needs any. */
  detail?: D;
}

export type Result<T, C extends string = string, D = unknown> = { ok: true; value: T } | { ok: false; error: ErrorInfo<C, D> };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = <C extends string, D = never>(code: C, message: string, detail?: D): { ok: false; error: ErrorInfo<C, D> } => ({
  ok: false,
  error: detail === undefined ? { code, message } : { code, message, detail },
});
