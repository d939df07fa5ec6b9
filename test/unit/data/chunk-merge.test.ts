import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeIntoChunk, withoutImport, type ChunkColumns } from '../../../src/data/chunk-merge.ts';
import { BatchBuilder, type SampleBatch } from '../../../models/samples.ts';

const T0 = Date.UTC(2024, 0, 1);
/** Small domains so that duplicates are common. */
const sampleArb = fc.record({
  start: fc.integer({ min: 0, max: 20 }).map((m) => T0 + m * 60_000),
  dur: fc.constantFrom(0, 60_000),
  value: fc.constantFrom(1, 2, 2.5, 80.1),
  source: fc.integer({ min: 0, max: 2 }),
});
const batchArb = fc.array(sampleArb, { maxLength: 40 }).map((rows) => {
  const b = new BatchBuilder('steps', 4);
  for (const r of rows) b.push(r.start, r.start + r.dur, r.value, 0, r.source);
  return b.build();
});

const all = (b: SampleBatch): number[] => Array.from({ length: b.start.length }, (_, i) => i);
const keyOf = (c: ChunkColumns | SampleBatch, i: number): string => `${c.start[i]}|${c.end[i]}|${c.source[i]}|${c.value[i]}`;
const keys = (c: ChunkColumns): string[] => Array.from({ length: c.n }, (_, i) => keyOf(c, i));

describe('mergeIntoChunk (property tests)', () => {
  it('stores each distinct (start, end, source, value) once, sorted by start', () => {
    fc.assert(
      fc.property(batchArb, batchArb, (a, b) => {
        const first = mergeIntoChunk(undefined, a, all(a), 1).columns;
        const res = mergeIntoChunk(first, b, all(b), 2);
        const distinct = new Set([...all(a).map((i) => keyOf(a, i)), ...all(b).map((i) => keyOf(b, i))]);
        expect(new Set(keys(res.columns))).toEqual(distinct);
        expect(res.columns.n).toBe(distinct.size);
        for (let i = 1; i < res.columns.n; i++) expect(res.columns.start[i]!).toBeGreaterThanOrEqual(res.columns.start[i - 1]!);
        expect(res.added + res.duplicates).toBe(b.start.length);
      }),
    );
  });

  it('is idempotent: merging the same batch again adds nothing', () => {
    fc.assert(
      fc.property(batchArb, (a) => {
        const once = mergeIntoChunk(undefined, a, all(a), 1).columns;
        const twice = mergeIntoChunk(once, a, all(a), 2);
        expect(twice.added).toBe(0);
        expect(twice.duplicates).toBe(a.start.length);
        expect(keys(twice.columns)).toEqual(keys(once));
        expect([...twice.columns.importId]).toEqual([...once.importId]);
      }),
    );
  });

  it('undoing any imports, in any order, leaves exactly what the remaining imports hold', () => {
    fc.assert(
      fc.property(fc.array(batchArb, { minLength: 2, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 4 }), (batches, undoPicks) => {
        let chunk: ChunkColumns | undefined;
        batches.forEach((b, i) => {
          chunk = mergeIntoChunk(chunk, b, all(b), i + 1).columns;
        });
        const alive = new Set(batches.map((_, i) => i + 1));
        for (const pick of undoPicks) {
          const ids = [...alive];
          if (!ids.length) break;
          const id = ids[pick % ids.length]!;
          chunk = withoutImport(chunk!, id);
          alive.delete(id);
          const expected = new Set<string>();
          for (const a of alive) for (const i of all(batches[a - 1]!)) expected.add(keyOf(batches[a - 1]!, i));
          expect(new Set(keys(chunk))).toEqual(expected);
          expect(chunk.n).toBe(expected.size);
          // every sample is owned by an import that is still there and actually holds it
          for (let i = 0; i < chunk.n; i++) {
            const owner = chunk.importId[i]!;
            expect(alive.has(owner)).toBe(true);
            expect(all(batches[owner - 1]!).some((j) => keyOf(batches[owner - 1]!, j) === keyOf(chunk!, i))).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
