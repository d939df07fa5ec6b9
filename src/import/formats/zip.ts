/**
 * Zip archives, streamed with fflate: Apple Health's `export.zip` (the export XML, in any language's
 * file name; FHIR `clinical-records/*.json` once that parser exists; GPX routes and the CDA copy
 * skipped) and zips of other exports, each entry detected from its own content. The archive is
 * never held in memory, and a zip bomb stops at the documented limits.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { AsyncQueue } from '../async-queue.ts';
import { checkAbort, type ReadContext } from '../bytes.ts';
import { detectFormat, SNIFF_BYTES, type FormatId } from '../detect.ts';
import { snippet } from '../../../models/util/text.ts';
import { ImportError } from '../errors.ts';
import type { ImportSink } from '../sink.ts';
import { ZipPieces } from '../zip-pieces.ts';
import { inXdmSubset, xdmPackageFile } from './ccda-detect.ts';
import type { CdaContext } from './ccda-xml.ts';
import { missingDatabase } from './health-connect-zip.ts';

/** Zip-bomb limits (docs/import-formats.md). */
export const ZIP_LIMITS = {
  /** Total uncompressed bytes of one archive. */
  maxTotalBytes: 32 * 2 ** 30,
  /** Past this many uncompressed bytes, the archive may expand at most `maxRatio` times its read size. */
  ratioAfterBytes: 256 * 2 ** 20,
  maxRatio: 200,
};

export type EntryParser = (
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext & { entryName?: string },
) => Promise<FormatId | void>;

/** Entries skipped without reading (their data is not even inflated). */
function skipped(name: string): string | undefined {
  const base = name.split('/').pop() ?? name;
  if (name.endsWith('/') || base.startsWith('._') || name.startsWith('__MACOSX/')) return '';
  if (/\.gpx$/i.test(base)) return 'GPX route';
  if (/\.(pdf|jpe?g|png|heic|mp4|mov)$/i.test(base)) return `attachment (${base.split('.').pop()!.toLowerCase()})`;
  return xdmPackageFile(name);
}

/** Reads up to `n` bytes ahead, then yields everything (the peeked bytes first). */
async function peek(it: AsyncIterable<Uint8Array>, n: number): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const iter = it[Symbol.asyncIterator]();
  const got: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const r = await iter.next();
    if (r.done) {
      done = true;
      break;
    }
    got.push(r.value);
    size += r.value.length;
  }
  const head = new Uint8Array(size);
  let at = 0;
  for (const g of got) {
    head.set(g, at);
    at += g.length;
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    try {
      yield* got;
      if (done) return;
      for (;;) {
        const r = await iter.next();
        if (r.done) return;
        yield r.value;
      }
    } finally {
      // A parser that stops early releases the entry's queue, so the reader never waits on it.
      await iter.return?.();
    }
  }
  return { head, all: all() };
}

export async function parseZip(
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext,
  parsers: Partial<Record<FormatId, EntryParser>>,
): Promise<FormatId> {
  const running: Promise<void>[] = [];
  const queues: AsyncQueue<Uint8Array>[] = [];
  let fatal: unknown;
  let current: AsyncQueue<Uint8Array> | undefined;
  let readBytes = 0;
  let outBytes = 0;
  let sawApple = false;
  let sawXdm = false;
  /** The zip's format as an entry's parser named it (a Health Connect export). */
  let named: FormatId | undefined;
  let parsed = 0;

  /** `earlier`: the entries before this one, all read (given to Apple's `export_cda.xml` only). */
  const runEntry = async (name: string, q: AsyncQueue<Uint8Array>, earlier?: Promise<unknown>): Promise<void> => {
    const { head, all } = await peek(q, SNIFF_BYTES);
    let format: FormatId;
    try {
      format = detectFormat(head, name);
    } catch {
      sink.ignore(`file ${name}`);
      for await (const _ of all) {
        /* drain */
      }
      return;
    }
    const parse = parsers[format];
    if (!parse) {
      sink.ignore(`${format} file ${name}`);
      for await (const _ of all) {
        /* drain */
      }
      return;
    }
    if (format === 'apple-health-xml') sawApple = true;
    if (format === 'ccda-xml' && inXdmSubset(name)) sawXdm = true;
    parsed++;
    if (format === 'ccda-xml' && earlier) {
      // Apple's CDA copy of export.xml: read once the entries before it are, keeping what they lack.
      await earlier;
      const appleSources = sawApple ? new Set(sink.sources.map((s) => `${s.name}|${s.model ?? ''}`)) : undefined;
      const cda: CdaContext = { signal: ctx.signal, entryName: name, appleSources };
      await parse(all, sink, cda);
      return;
    }
    const r = await parse(all, sink, { signal: ctx.signal, entryName: name });
    if (r?.endsWith('-zip')) named = r;
  };

  const seen = new ZipContents();
  const pieces = new ZipPieces();
  const uz = new Unzip((file) => {
    seen.add(file.name);
    const header = pieces.header(file.name);
    const why = skipped(file.name);
    if (why !== undefined) {
      if (why) sink.ignore(why);
      return; // never started: fflate skips its data
    }
    const cannot = unreadableEntry(file.name, file.compression, header?.flags ?? 0);
    if (cannot) {
      fatal ??= cannot;
      return;
    }
    const q = new AsyncQueue<Uint8Array>(16 * 2 ** 20, (c) => c.length);
    file.ondata = (err, data, final) => {
      if (err) {
        q.fail(new ImportError('MALFORMED', `The zip entry could not be inflated: ${err.message}`, file.name));
        return;
      }
      outBytes += data.length;
      if (
        outBytes > ZIP_LIMITS.maxTotalBytes ||
        (outBytes > ZIP_LIMITS.ratioAfterBytes && outBytes > ZIP_LIMITS.maxRatio * Math.max(1, readBytes))
      ) {
        const e = new ImportError(
          'ZIP_BOMB',
          `The zip expands to more than ${outBytes > ZIP_LIMITS.maxTotalBytes ? '32 GiB' : `${ZIP_LIMITS.maxRatio} times its size`}: refused as a possible zip bomb`,
          file.name,
        );
        fatal ??= e;
        q.fail(e);
        file.terminate();
        return;
      }
      q.push(data);
      if (final) q.end();
    };
    current = q;
    queues.push(q);
    // Entries before it have all their bytes already: waiting for them cannot hold up the reading.
    const earlier = /(^|\/)export_cda\.xml$/i.test(file.name) ? Promise.all(running) : undefined;
    running.push(
      runEntry(file.name, q, earlier)
        .catch((e: unknown) => {
          fatal ??= e;
        })
        .finally(() => q.end()),
    );
    file.start();
  });
  uz.register(UnzipInflate);

  // The last bytes read, to find the end-of-central-directory record: without it the archive was cut.
  let tail: Uint8Array = new Uint8Array(0);
  const push = (chunk: Uint8Array, final: boolean): void => {
    for (const piece of pieces.cut(chunk, final)) {
      try {
        uz.push(piece);
      } catch (e) {
        throw new ImportError('MALFORMED', `The zip archive is damaged: ${(e as Error).message}`, `byte ${readBytes}`);
      }
      if (fatal) return;
    }
  };
  try {
    for await (const chunk of bytes) {
      checkAbort(ctx.signal);
      if (readBytes === 0 && !(chunk[0] === 0x50 && chunk[1] === 0x4b)) throw new ImportError('MALFORMED', 'Not a zip archive', 'byte 0');
      readBytes += chunk.length;
      tail = keepTail(tail, chunk, 65_557);
      push(chunk, false);
      if (fatal) break;
      if (current) await current.waitForRoom();
    }
    if (!fatal) push(new Uint8Array(0), true);
  } catch (e) {
    fatal ??= e;
  }
  if (!fatal && !hasEndRecord(tail)) {
    const e = new ImportError(
      'TRUNCATED_ZIP',
      'The zip archive is incomplete: its closing directory is missing (an interrupted download or copy?)',
      `byte ${readBytes}`,
    );
    fatal = e;
    current?.fail(e);
  }
  if (!fatal) {
    try {
      uz.push(new Uint8Array(0), true);
    } catch (e) {
      throw new ImportError('TRUNCATED_ZIP', `The zip archive ends early: ${(e as Error).message}`, `byte ${readBytes}`);
    }
    if (current && !current.ended) {
      current.fail(
        new ImportError(
          'TRUNCATED_ZIP',
          'The zip archive ends in the middle of a file (an interrupted download or copy?)',
          `byte ${readBytes}`,
        ),
      );
    }
  }
  // On any failure, every entry still being read ends with it, so no parser waits forever.
  if (fatal) for (const q of queues) if (!q.ended) q.fail(fatal);
  await Promise.all(running);
  if (fatal) throw fatal;
  if (parsed === 0) throw new ImportError('NO_DATA', seen.describe() + missingDatabase((ctx as { fileName?: string }).fileName));
  return named ?? (sawApple ? 'apple-health-zip' : sawXdm ? 'ccda-xdm-zip' : 'zip');
}

/** Compression methods fflate cannot inflate, by number (APPNOTE.TXT 4.4.5). */
const METHODS: Record<number, string> = { 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd' };

/**
 * Why an entry cannot be read, in words that say what to do: encrypted (flag bit 0; WinZip AES
 * marks it with method 99 too) or compressed with a method other than stored (0) or Deflate (8).
 */
function unreadableEntry(name: string, method: number, flags: number): ImportError | undefined {
  const quoted = `"${snippet(name, 80)}"`;
  // The entry's name is also its `where`, for the app's wording (the message keeps it for the CLI).
  const named = (e: ImportError): ImportError => Object.assign(e, { where: snippet(name, 80) });
  if (flags & 1 || method === 99)
    return named(new ImportError('ENCRYPTED_ZIP', `${quoted} in the zip is encrypted: export it again without a password`));
  if (method !== 0 && method !== 8) {
    const how = METHODS[method] ?? `compression method ${method}`;
    return named(new ImportError('UNSUPPORTED_ZIP', `${quoted} in the zip uses ${how}: re-zip it with standard compression`));
  }
  return undefined;
}

/** What a zip holds, to say what it is when it holds no export: an Office document, or its first files by name. */
class ZipContents {
  private files = 0;
  private readonly first: string[] = [];
  private readonly office = new Set<string>();

  add(name: string): void {
    const top = name.split('/')[0]!;
    if (name === '[Content_Types].xml' || ['word', 'xl', 'ppt'].includes(top))
      this.office.add(name === '[Content_Types].xml' ? 'types' : top);
    if (name.endsWith('/') || name.startsWith('__MACOSX/') || (name.split('/').pop() ?? '').startsWith('._')) return;
    this.files++;
    if (this.first.length < 3) this.first.push(snippet(name, 60));
  }

  describe(): string {
    const kind = this.office.has('types') && (['word', 'xl', 'ppt'] as const).find((k) => this.office.has(k));
    if (kind) return `This is ${OFFICE[kind]} (a zip of Office XML), not a health data export`;
    if (this.files === 0) return 'The zip archive is empty';
    const names = this.first.map((n) => `"${n}"`).join(', ') + (this.files > this.first.length ? ', …' : '');
    return `The zip archive holds no file Doppel can read (${this.files} file${this.files === 1 ? '' : 's'}: ${names})`;
  }
}
const OFFICE = { word: 'a Word document', xl: 'an Excel workbook', ppt: 'a PowerPoint presentation' } as const;

function keepTail(tail: Uint8Array, chunk: Uint8Array, max: number): Uint8Array {
  if (chunk.length >= max) return chunk.slice(chunk.length - max);
  const keep = Math.min(tail.length, max - chunk.length);
  const out = new Uint8Array(keep + chunk.length);
  out.set(tail.subarray(tail.length - keep));
  out.set(chunk, keep);
  return out;
}

/** Whether the bytes end with an end-of-central-directory record (PK\x05\x06, up to a 64 KiB comment). */
function hasEndRecord(tail: Uint8Array): boolean {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 5 && tail[i + 3] === 6) {
      const commentLength = tail[i + 20]! | (tail[i + 21]! << 8);
      return i + 22 + commentLength === tail.length;
    }
  }
  return false;
}
