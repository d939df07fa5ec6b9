import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopLevelJson } from '../../../src/backup/json-stream.ts';

/** Reads `text` in pieces cut at `cuts`, and puts the object back together. */
function reread(text: string, cuts: number[]): Record<string, unknown> {
  const r = new TopLevelJson('samples', (why) => new Error(why));
  const out: Record<string, unknown> = {};
  let at = 0;
  for (const end of [...cuts.filter((c) => c < text.length).sort((a, b) => a - b), text.length]) {
    for (const item of r.push(text.slice(at, end))) {
      if ('opened' in item) out[item.key] = [];
      else if ('element' in item) ((out[item.key] ??= []) as unknown[]).push(item.element);
      else out[item.key] = item.value;
    }
    at = end;
  }
  expect(r.done).toBe(true);
  return out;
}

describe('reading a JSON object a piece at a time', () => {
  it('gives every top-level value and each element of the streamed array, however the text is cut (property test)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string().filter((k) => k !== 'samples' && k !== '__proto__'),
          fc.jsonValue(),
        ),
        fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 5 }),
        fc.array(fc.nat({ max: 400 }), { maxLength: 8 }),
        fc.boolean(),
        (head, samples, cuts, pretty) => {
          const doc = { ...head, samples };
          const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
          const back = reread(text, cuts);
          expect(back).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 300, seed: 19 },
    );
  });

  it('refuses text that is not one JSON object', () => {
    for (const bad of ['[1]', '{"a" 1}', '{"a":1}x', '{"samples":[1]}', '{"a":1,}', '{"a":tru}'])
      expect(() => reread(bad, []), bad).toThrow();
  });
});
