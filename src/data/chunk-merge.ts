import { BATCH_COLUMNS, copyRows, type SampleBatch } from '../../models/samples.ts';
import { utcMonth } from '../../models/util/time.ts';
import type { SampleChunkRow } from './rows.ts';

/** Columns of a chunk without its key (what merging produces before it is keyed). */
export type ChunkColumns = Omit<SampleChunkRow, 'key' | 'metric' | 'month'>;

/** Zero-filled columns for n samples. */
export function allocColumns(n: number): ChunkColumns {
  return {
    n, t0: 0, t1: 0,
    start: new Float64Array(n), end: new Float64Array(n), value: new Float64Array(n),
    offsetMin: new Int16Array(n), source: new Uint16Array(n), importId: new Uint32Array(n), flags: new Uint8Array(n),
  };
}

/** Copies samples [from, to) of `src` into `dst` at index `at`. */
const CHUNK_COLUMNS = [...BATCH_COLUMNS, 'importId'] as const;

export function copyColumns(dst: ChunkColumns, src: ChunkColumns, from: number, to: number, at: number): void {
  copyRows(dst, src, CHUNK_COLUMNS, from, to, at);
}

/** Sets t0 and t1 from the (sorted) start column. */
function stampRange(c: ChunkColumns): ChunkColumns {
  c.t0 = c.n ? c.start[0]! : 0;
  c.t1 = c.n ? c.start[c.n - 1]! : 0;
  return c;
}

export interface MergeResult {
  columns: ChunkColumns;
  added: number;
  duplicates: number;
}

/**
 * Merges new samples (indices `pick` of `batch`, all of one metric and one month) into an existing
 * chunk. The result is sorted by start. Two samples of the same metric, source, start, end and value
 * are one sample (contracts §1 "Duplicates"): the stored one wins, so a duplicate keeps the import
 * that first brought it, and a file imported twice adds nothing the second time.
 */
export function mergeIntoChunk(
  existing: ChunkColumns | undefined,
  batch: SampleBatch,
  pick: ArrayLike<number>,
  importId: number,
): MergeResult {
  const e = existing?.n ?? 0;
  const k = pick.length;
  const m = e + k;
  const start = (i: number): number => (i < e ? existing!.start[i]! : batch.start[pick[i - e]!]!);
  const end = (i: number): number => (i < e ? existing!.end[i]! : batch.end[pick[i - e]!]!);
  const src = (i: number): number => (i < e ? existing!.source[i]! : batch.source[pick[i - e]!]!);
  const val = (i: number): number => (i < e ? existing!.value[i]! : batch.value[pick[i - e]!]!);

  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  order.sort((a, b) => start(a) - start(b) || end(a) - end(b) || src(a) - src(b) || val(a) - val(b) || a - b);

  const keep = new Uint32Array(m);
  let n = 0;
  let duplicates = 0;
  for (let j = 0; j < m; j++) {
    const i = order[j]!;
    if (n > 0) {
      const p = keep[n - 1]!;
      if (start(p) === start(i) && end(p) === end(i) && src(p) === src(i) && val(p) === val(i)) {
        if (i >= e) duplicates++;
        continue;
      }
    }
    keep[n++] = i;
  }

  const out = allocColumns(n);
  for (let j = 0; j < n; j++) {
    const i = keep[j]!;
    if (i < e) {
      const x = existing!;
      out.start[j] = x.start[i]!;
      out.end[j] = x.end[i]!;
      out.value[j] = x.value[i]!;
      out.offsetMin[j] = x.offsetMin[i]!;
      out.source[j] = x.source[i]!;
      out.importId[j] = x.importId[i]!;
      out.flags[j] = x.flags[i]!;
    } else {
      const s = pick[i - e]!;
      out.start[j] = batch.start[s]!;
      out.end[j] = batch.end[s]!;
      out.value[j] = batch.value[s]!;
      out.offsetMin[j] = batch.offsetMin[s]!;
      out.source[j] = batch.source[s]!;
      out.importId[j] = importId;
      out.flags[j] = batch.flags[s]!;
    }
  }
  return { columns: stampRange(out), added: n - e, duplicates };
}

/** The chunk without the samples of one import (undo). */
export function withoutImport(c: ChunkColumns, importId: number): ChunkColumns {
  const out = allocColumns(c.n);
  let n = 0;
  // Copy runs of kept samples in bulk.
  for (let i = 0; i < c.n;) {
    if (c.importId[i] === importId) {
      i++;
      continue;
    }
    let j = i;
    while (j < c.n && c.importId[j] !== importId) j++;
    copyColumns(out, c, i, j, n);
    n += j - i;
    i = j;
  }
  return stampRange(n === c.n ? out : sliceColumns(out, n));
}

function sliceColumns(c: ChunkColumns, n: number): ChunkColumns {
  const out = allocColumns(n);
  copyColumns(out, c, 0, n, 0);
  return out;
}

/** Indices of a batch's samples grouped by the UTC month of their start (the storage partition). */
export function groupByMonth(b: SampleBatch): Map<string, number[]> {
  const byMonth = new Map<string, number[]>();
  for (let i = 0; i < b.start.length; i++) {
    const m = utcMonth(b.start[i]!);
    let list = byMonth.get(m);
    if (!list) byMonth.set(m, (list = []));
    list.push(i);
  }
  return byMonth;
}
