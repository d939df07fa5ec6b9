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

/** The longest line `lines` reads (characters; the same bound as one JSON element, json-stream.ts). */
export const MAX_LINE = 64 * 2 ** 20;

/**
 * Lines of a text stream, with 1-based line numbers; handles \n and \r\n. Linear in the text: each
 * chunk is searched once and a long line is gathered in parts and joined once (appending to one
 * string and searching it again for every chunk took 44 s for a 64 MB line). A line longer than
 * `max` characters is an ImportError (TOO_LARGE) as soon as it passes the limit, before it is read whole.
 */
export async function* lines(
  text: AsyncIterable<string>,
  max = MAX_LINE,
  ctx: { entryName?: string } = {},
): AsyncGenerator<[line: string, lineNo: number]> {
  let parts: string[] = [];
  let partsLength = 0;
  let lineNo = 0;
  const tooLong = (): never => {
    const no = lineNo + 1;
    throw new ImportError(
      'TOO_LARGE',
      `Line ${no} is longer than ${Math.round(max / 2 ** 20)} MB, the limit for one line: no health record is that long`,
      locate(ctx, `line ${no}`),
    );
  };
  const finish = (piece: string): string => {
    const whole = parts.length ? parts.join('') + piece : piece;
    parts = [];
    partsLength = 0;
    return whole.endsWith('\r') ? whole.slice(0, -1) : whole;
  };
  for await (const t of text) {
    let start = 0;
    for (let nl = t.indexOf('\n'); nl >= 0; nl = t.indexOf('\n', start)) {
      if (partsLength + nl - start > max + 1) tooLong();
      yield [finish(t.slice(start, nl)), ++lineNo];
      start = nl + 1;
    }
    if (start < t.length) {
      partsLength += t.length - start;
      if (partsLength > max + 1) tooLong();
      parts.push(start ? t.slice(start) : t);
    }
  }
  if (partsLength) yield [finish(''), lineNo + 1];
}

/** A location inside a zip entry when there is one: "export.xml line 12", else "line 12". */
export function locate(ctx: { entryName?: string }, where: string): string {
  return ctx.entryName ? `${ctx.entryName} ${where}` : where;
}
