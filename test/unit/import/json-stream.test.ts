import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonElements, type JsonRoot } from '../../../src/import/json-stream.ts';
import { fromParts, splitAt } from './helpers.ts';

async function collect(parts: string[]): Promise<{ items: unknown[]; root: JsonRoot }> {
  const root: JsonRoot = { kind: 'object', fields: {}, count: 0 };
  const items: unknown[] = [];
  for await (const v of jsonElements(fromParts(parts), root)) items.push(v);
  return { items, root };
}

const element = fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 });

describe('jsonElements', () => {
  it('yields each entry of a FHIR-style bundle, wherever the chunks split, with root fields in any order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(element, { maxLength: 6 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 0, max: 2 }),
        async (entries, typeLast, cuts, indent) => {
          const doc = typeLast
            ? { id: 'x"y', link: [{ url: 'a,b]' }], entry: entries, total: entries.length, resourceType: 'Bundle' }
            : { resourceType: 'Bundle', type: 'collection', entry: entries };
          const text = JSON.stringify(doc, null, indent);
          const { items, root } = await collect(splitAt(text, cuts));
          expect(items).toEqual(JSON.parse(JSON.stringify(entries))); // -0 becomes 0 in JSON
          expect(root.fields.resourceType).toBe('Bundle');
          if (typeLast) expect(root.fields).toMatchObject({ id: 'x"y', total: entries.length });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('yields the elements of a root array', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), async (arr, cuts) => {
        const { items, root } = await collect(splitAt(JSON.stringify(arr), cuts));
        expect(items).toEqual(JSON.parse(JSON.stringify(arr)));
        expect(root.kind).toBe('array');
      }),
      { numRuns: 300 },
    );
  });

  it('yields a single root object whole', async () => {
    const obj = { resourceType: 'Observation', code: { coding: [{ code: '4548-4' }] }, valueQuantity: { value: 5.8 } };
    expect((await collect(splitAt(JSON.stringify(obj), [7, 30]))).items).toEqual([obj]);
  });

  it.each([
    ['truncated', '{"resourceType":"Bundle","entry":[{"a":1},{"b":', 'TRUNCATED'],
    ['not JSON', 'hello', 'MALFORMED'],
    ['an invalid element', '{"entry":[{"a":tru}]}', 'MALFORMED'],
    ['trailing garbage', '[{"a":1}] x', 'MALFORMED'],
    ['a primitive in a root array', '[{"a":1}, 5]', 'MALFORMED'],
    ['empty', '   ', 'EMPTY_FILE'],
  ])('rejects %s', async (_, text, code) => {
    await expect(collect([text])).rejects.toMatchObject({ name: 'ImportError', code });
  });
});
