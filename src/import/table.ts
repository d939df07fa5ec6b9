import type { ReadContext } from './bytes.ts';
import { checkAbort, locate, textChunks } from './bytes.ts';
import { csvRecords } from './csv.ts';
import { ImportError } from './errors.ts';
import type { ImportSink } from './sink.ts';
import { decimalComma } from '../../models/util/number.ts';

export interface TableRow {
  get(column: string): string;
  line: number;
  where: string;
}

/**
 * A CSV with a header row, read row by row with columns looked up by name (case-insensitive, BOM
 * and quotes stripped). `skipLines` metadata lines come before the header. Calls `onRow` for each
 * non-empty row; takes care of cancel and back-pressure.
 */
export async function readTable(
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext & { entryName?: string },
  onRow: (row: TableRow) => void,
  opts: { skipLines?: number; aliases?: Record<string, string[]>; onHeader?: (header: string[]) => void } = {},
): Promise<string[]> {
  let header: string[] | undefined;
  const index = new Map<string, number>();
  let n = 0;
  for await (const [f, line] of csvRecords(textChunks(bytes))) {
    if (line <= (opts.skipLines ?? 0)) continue;
    if (!header) {
      header = f.map((x) => x.replace(/^\uFEFF/, '').trim());
      header.forEach((h, i) => index.set(h.toLowerCase(), i));
      for (const [name, alts] of Object.entries(opts.aliases ?? {})) {
        const hit = alts.map((a) => index.get(a.toLowerCase())).find((i) => i !== undefined);
        if (hit !== undefined) index.set(name.toLowerCase(), hit);
      }
      opts.onHeader?.(header);
      continue;
    }
    if (f.every((x) => x.trim() === '')) continue;
    if (++n % 4096 === 0) {
      checkAbort(ctx.signal);
      await sink.drain();
    }
    onRow({
      get: (c) => {
        const i = index.get(c.toLowerCase());
        return i === undefined ? '' : (f[i] ?? '').trim();
      },
      line,
      where: locate(ctx, `line ${line}`),
    });
  }
  if (!header) throw new ImportError('EMPTY_FILE', 'The CSV file is empty');
  return header;
}

/** Parses a number written with a decimal point or comma (decimal notation only); NaN for empty. */
export function num(s: string): number {
  return decimalComma(s);
}
