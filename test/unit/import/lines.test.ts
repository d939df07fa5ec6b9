import { describe, expect, it } from 'vitest';
import { lines, MAX_LINE } from '../../../src/import/bytes.ts';
import { importText } from './helpers.ts';
import { useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();

async function collect(text: AsyncIterable<string>, max?: number): Promise<[string, number][]> {
  const out: [string, number][] = [];
  for await (const l of lines(text, max)) out.push(l);
  return out;
}

async function* chunks(parts: Iterable<string>): AsyncGenerator<string> {
  for (const p of parts) yield p;
}

describe('the line reader', () => {
  it('splits \\n and \\r\\n lines across any chunking, with their numbers', async () => {
    const text = 'a,b\r\n\r\nlong line here\nlast\r';
    for (const size of [1, 2, 3, 5, text.length]) {
      const parts = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
      expect(await collect(chunks(parts))).toEqual([
        ['a,b', 1],
        ['', 2],
        ['long line here', 3],
        ['last', 4],
      ]);
    }
  });

  it('is linear in a long line: 2 million one-character chunks (a reader that searched the whole line again for every chunk would copy ~2·10¹² characters and run for hours)', async () => {
    const n = 2_000_000;
    function* oneByOne(): Generator<string> {
      for (let i = 0; i < n; i++) yield i % 1000 === 999 ? 'y' : 'x';
      yield '\nz';
    }
    const got = await collect(chunks(oneByOne()));
    expect(got.map(([l, no]) => [l.length, no])).toEqual([
      [n, 1],
      [1, 2],
    ]);
    expect(got[0]![0].slice(990, 1001)).toBe('xxxxxxxxxyx');
  });

  it('refuses a line past the limit as soon as it passes it, without reading the rest', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<string> {
      yield 'first\n';
      for (;;) {
        pulled++;
        yield 'x'.repeat(100);
      }
    }
    await expect(collect(endless(), 1000)).rejects.toMatchObject({ name: 'ImportError', code: 'TOO_LARGE', where: 'line 2' });
    expect(pulled).toBeLessThanOrEqual(11);
  });
});

describe('an NDJSON line past the limit', () => {
  it('is refused with its line number and the limit, and nothing of the file is stored', async () => {
    const d = db();
    const obs = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
      effectiveDateTime: '2024-03-04T09:00:00Z',
      valueQuantity: { value: 80, unit: 'kg' },
    };
    const huge = JSON.stringify({ ...obs, note: [{ text: 'x'.repeat(MAX_LINE) }] });
    const e = await importText(d, `${JSON.stringify(obs)}\n${huge}\n${JSON.stringify(obs)}\n`, 'Observation.ndjson').catch(
      (x: unknown) => x,
    );
    expect(e).toMatchObject({
      name: 'ImportError',
      code: 'TOO_LARGE',
      message: 'Line 2 is longer than 64 MB, the limit for one line: no health record is that long (at line 2)',
    });
    expect(await d.imports.count()).toBe(0);
    expect(await d.sampleChunks.count()).toBe(0);
  });
});
