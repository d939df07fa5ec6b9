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
/** Other members of a Bundle, before or after `entry`: primitives, objects and arrays (meta, link, signature). */
const members = fc.dictionary(
  fc.string({ maxLength: 5 }).filter((k) => k !== 'entry' && k !== 'resourceType'),
  fc.jsonValue({ maxDepth: 3 }),
  { maxKeys: 3 },
);
/** A signed Bundle's signature (FHIR R4 Signature), which follows `entry` in servers' output. */
const SIGNATURE = {
  type: [{ system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.1', display: "Author's Signature" }],
  when: '2024-03-01T09:00:00Z',
  who: { reference: 'Practitioner/1' },
  sigFormat: 'application/jose',
  data: 'ZXlKaGJHY2lPaUpTVXpJMU5pSjkuLi4=',
};

describe('jsonElements', () => {
  it('yields each entry of a FHIR-style bundle, wherever the chunks split, with members (objects and arrays too) before and after `entry`', async () => {
    await fc.assert(
      fc.asyncProperty(
        members,
        fc.array(element, { maxLength: 6 }),
        members,
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 0, max: 2 }),
        async (before, entries, after, typeLast, signed, cuts, indent) => {
          const bundle = typeLast
            ? { id: 'x"y', link: [{ url: 'a,b]' }], ...before, entry: entries, ...after, total: entries.length, resourceType: 'Bundle' }
            : { resourceType: 'Bundle', type: 'collection', ...before, entry: entries, ...after };
          const text = JSON.stringify(signed ? { ...bundle, signature: SIGNATURE } : bundle, null, indent);
          const doc = JSON.parse(text) as Record<string, unknown>; // -0 becomes 0 in JSON
          const { items, root } = await collect(splitAt(text, cuts));
          expect(items).toEqual(doc.entry);
          expect(root.count).toBe(entries.length);
          expect(root.fields.resourceType).toBe('Bundle');
          // Primitive members are kept as the root's fields; objects and arrays are not.
          for (const [k, v] of Object.entries(doc)) {
            if (v === null || typeof v !== 'object') expect(root.fields[k]).toEqual(v);
            else expect(Object.hasOwn(root.fields, k)).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads a signed Bundle: its signature after `entry` is not an entry', async () => {
    const obs = (v: number) => ({
      resource: {
        resourceType: 'Observation',
        code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
        valueQuantity: { value: v, unit: 'kg' },
      },
    });
    const bundle = { resourceType: 'Bundle', type: 'document', entry: [obs(80), obs(81)], signature: SIGNATURE };
    const { items, root } = await collect([JSON.stringify(bundle, null, 2)]);
    expect(items).toEqual([obs(80), obs(81)]);
    expect(root.fields).toEqual({ resourceType: 'Bundle', type: 'document' });
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
