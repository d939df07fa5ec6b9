import { BATCH_COLUMNS, copyRows, type SampleBatch } from '../../models/samples.ts';
import { utcMonth } from '../../models/util/time.ts';
import type { SampleChunkRow } from './rows.ts';

/** Columns of a chunk without its key (what merging produces before it is keyed). */
export type ChunkColumns = Omit<SampleChunkRow, 'key' | 'metric' | 'month'>;

const NO_SHADOWS = new Uint32Array(0);

/** Zero-filled columns for n samples (no shadows). */
export function allocColumns(n: number): ChunkColumns {
  return {
    n,
    t0: 0,
    t1: 0,
    start: new Float64Array(n),
    end: new Float64Array(n),
    value: new Float64Array(n),
    offsetMin: new Int16Array(n),
    source: new Uint32Array(n),
    importId: new Uint32Array(n),
    flags: new Uint8Array(n),
    shadowOf: NO_SHADOWS,
    shadowImport: NO_SHADOWS,
  };
}

const CHUNK_COLUMNS = [...BATCH_COLUMNS, 'importId'] as const;

/** Copies samples [from, to) of `src` into `dst` at index `at` (sample columns only). */
export function copyColumns(dst: ChunkColumns, src: ChunkColumns, from: number, to: number, at: number): void {
  copyRows(dst, src, CHUNK_COLUMNS, from, to, at);
}

/** Sets t0 and t1 from the (sorted) start column. */
function stampRange(c: ChunkColumns): ChunkColumns {
  c.t0 = c.n ? c.start[0]! : 0;
  c.t1 = c.n ? c.start[c.n - 1]! : 0;
  return c;
}

/** Shadow pairs collected while building a chunk, deduplicated. */
class Shadows {
  private readonly of: number[] = [];
  private readonly imp: number[] = [];
  private readonly seen = new Set<number>();
  add(index: number, importId: number): void {
    const key = index * 4294967296 + importId;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.of.push(index);
    this.imp.push(importId);
  }
  into(c: ChunkColumns): ChunkColumns {
    c.shadowOf = this.of.length ? Uint32Array.from(this.of) : NO_SHADOWS;
    c.shadowImport = this.imp.length ? Uint32Array.from(this.imp) : NO_SHADOWS;
    return c;
  }
}

export interface MergeResult {
  columns: ChunkColumns;
  added: number;
  duplicates: number;
}

/**
 * Merges new samples (indices `pick` of `batch`, all of one metric and one month) into an existing
 * chunk. The result is sorted by start. Two samples of the same metric, source, start, end and value
 * are one sample (docs/metrics.md "Duplicates"): the stored one stays, so a file imported twice adds
 * nothing the second time, and a duplicate from another import is recorded as a shadow of it.
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
  const owner = (i: number): number => (i < e ? existing!.importId[i]! : importId);

  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  order.sort((a, b) => start(a) - start(b) || end(a) - end(b) || src(a) - src(b) || val(a) - val(b) || a - b);

  const keep = new Uint32Array(m);
  const newIndexOfExisting = new Int32Array(e).fill(-1);
  const shadows = new Shadows();
  let n = 0;
  let duplicates = 0;
  for (let j = 0; j < m; j++) {
    const i = order[j]!;
    if (n > 0) {
      const p = keep[n - 1]!;
      if (start(p) === start(i) && end(p) === end(i) && src(p) === src(i) && val(p) === val(i)) {
        if (i >= e) duplicates++;
        if (owner(i) !== owner(p)) shadows.add(n - 1, owner(i));
        continue;
      }
    }
    if (i < e) newIndexOfExisting[i] = n;
    keep[n++] = i;
  }
  // Shadows already in the chunk follow their samples to the new positions.
  const oldOf = existing?.shadowOf ?? NO_SHADOWS;
  const oldImp = existing?.shadowImport ?? NO_SHADOWS;
  for (let s = 0; s < oldOf.length; s++) shadows.add(newIndexOfExisting[oldOf[s]!]!, oldImp[s]!);

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
  return { columns: stampRange(shadows.into(out)), added: n - e, duplicates };
}

/** Whether an import owns or shadows any sample of the chunk. */
export function holdsImport(c: ChunkColumns, importId: number): boolean {
  return c.importId.includes(importId) || (c.shadowImport ?? NO_SHADOWS).includes(importId);
}

/**
 * The chunk without one import (undo). A sample that import owned but another import also holds
 * passes to that other import; a sample only it held goes.
 */
export function withoutImport(c: ChunkColumns, importId: number): ChunkColumns {
  const of = c.shadowOf ?? NO_SHADOWS;
  const imp = c.shadowImport ?? NO_SHADOWS;
  const heir = new Map<number, number>(); // sample index → import that takes it over
  for (let s = 0; s < of.length; s++) {
    if (imp[s] !== importId && c.importId[of[s]!] === importId && !heir.has(of[s]!)) heir.set(of[s]!, imp[s]!);
  }
  const out = allocColumns(c.n);
  const newIndex = new Int32Array(c.n).fill(-1);
  let n = 0;
  for (let i = 0; i < c.n;) {
    if (c.importId[i] === importId && !heir.has(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < c.n && !(c.importId[j] === importId && !heir.has(j))) j++;
    copyColumns(out, c, i, j, n);
    for (let x = i; x < j; x++) {
      newIndex[x] = n + x - i;
      const h = heir.get(x);
      if (h !== undefined) out.importId[n + x - i] = h;
    }
    n += j - i;
    i = j;
  }
  const shadows = new Shadows();
  for (let s = 0; s < of.length; s++) {
    const idx = newIndex[of[s]!]!;
    if (imp[s] === importId || idx < 0) continue;
    if (heir.get(of[s]!) === imp[s]) continue; // it became the owner
    shadows.add(idx, imp[s]!);
  }
  return stampRange(shadows.into(n === c.n ? out : sliceColumns(out, n)));
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
