import { ImportError } from './errors.ts';

export interface ReadContext {
  signal?: AbortSignal;
  /** Called with the number of bytes of the *file* consumed so far. */
  onBytes?: (n: number) => void;
}

/** Throws the signal's AbortError when the import was cancelled. Aborts stay quiet (no report). */
export function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted)
    throw signal.reason instanceof Error || signal.reason instanceof DOMException
      ? signal.reason
      : new DOMException('Import cancelled', 'AbortError');
}

/** The bytes of a Blob (a File in the browser, `fs.openAsBlob` in Node) as a stream of chunks. */
export async function* blobChunks(blob: Blob, ctx: ReadContext = {}): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  let n = 0;
  try {
    for (;;) {
      checkAbort(ctx.signal);
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (e) {
        throw new ImportError('UNREADABLE', `The file could not be read: ${e instanceof Error ? e.message : String(e)}`, `byte ${n}`);
      }
      if (r.done) return;
      n += r.value.byteLength;
      ctx.onBytes?.(n);
      yield r.value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Decodes UTF-8 chunks to text chunks (a BOM is dropped; invalid bytes become U+FFFD). */
export async function* textChunks(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const dec = new TextDecoder('utf-8');
  for await (const b of bytes) {
    const t = dec.decode(b, { stream: true });
    if (t) yield t;
  }
  const tail = dec.decode();
  if (tail) yield tail;
}

/** Lines of a text stream, with 1-based line numbers; handles \n and \r\n. */
export async function* lines(text: AsyncIterable<string>): AsyncGenerator<[line: string, lineNo: number]> {
  let rest = '';
  let lineNo = 0;
  for await (const t of text) {
    const s = rest + t;
    let start = 0;
    for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', start)) {
      const end = nl > start && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield [s.slice(start, end), ++lineNo];
      start = nl + 1;
    }
    rest = s.slice(start);
  }
  if (rest) yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest, lineNo + 1];
}

/** A location inside a zip entry when there is one: "export.xml line 12", else "line 12". */
export function locate(ctx: { entryName?: string }, where: string): string {
  return ctx.entryName ? `${ctx.entryName} ${where}` : where;
}
