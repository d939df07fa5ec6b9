import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../../src/import/csv.ts';
import { fromParts, splitAt } from './helpers.ts';

async function all(chunks: string[]): Promise<[string[], number][]> {
  const out: [string[], number][] = [];
  for await (const r of csvRecords(fromParts(chunks))) out.push(r);
  return out;
}

describe('csvRecords', () => {
  it('reads quoted fields, escaped quotes, embedded newlines and CRLF', async () => {
    const text = 'a,b,c\r\n"x, y","he said ""hi""","multi\nline"\r\n1,,3\n\nlast,row,"q"';
    expect(await all([text])).toEqual([
      [['a', 'b', 'c'], 1],
      [['x, y', 'he said "hi"', 'multi\nline'], 2],
      [['1', '', '3'], 4],
      [['last', 'row', 'q'], 6],
    ]);
  });

  it('gives the same records however the text is split into chunks', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é'), maxLength: 6 });
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(rows, fc.array(fc.nat(), { maxLength: 6 }), async (rs, cuts) => {
        const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
        const text = rs.map((r) => r.map(quote).join(',')).join('\n');
        const whole = (await all([text])).map((r) => r[0]);
        expect(whole).toEqual(rs);
        const parts = splitAt(text, cuts);
        expect((await all(parts)).map((r) => r[0])).toEqual(rs);
      }),
      { numRuns: 300 },
    );
  });

  it('splits unquoted rows with LF or CRLF endings the same way at any chunk boundary', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '1', ' ', '.', 'é'), minLength: 1, maxLength: 5 });
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(rows, fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(), { maxLength: 6 }), async (rs, eol, cuts) => {
        const text = rs.map((r) => r.join(',')).join(eol) + eol;
        const parts = splitAt(text, cuts);
        const got = await all(parts);
        expect(got.map((r) => r[0])).toEqual(rs);
        expect(got.map((r) => r[1])).toEqual(rs.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});
