import { describe, expect, it } from 'vitest';
import { beginStagedImport, discardStagedImport, finishStagedImport, stageBatches } from '../../../src/data/staging.ts';
import { commitImport, recoverInterruptedImports, undoImport } from '../../../src/data/imports.ts';
import { countSamples, readDaily, readSamples } from '../../../src/data/samples.ts';
import { batch, useFreshDbs } from './helpers.ts';

const db = useFreshDbs();
const meta = { fileName: 'big.xml', format: 'apple-health-xml', bytes: 1e9 };
const summary = {
  sources: [
    { name: 'Watch', model: 'Watch' },
    { name: 'Phone', model: 'iPhone' },
  ],
  rejected: [],
  ignored: { X: 1 },
};

describe('staged (large) imports', () => {
  it('are invisible until the final transaction, then land whole', async () => {
    const d = db();
    const id = await beginStagedImport(d, meta);
    let dup = await stageBatches(d, id, [
      batch('steps', [
        ['2024-01-01T10:00:00Z', 100, 0, 0, '2024-01-01T10:05:00Z'],
        ['2024-02-01T10:00:00Z', 50, 1, 0, '2024-02-01T10:05:00Z'],
      ]),
    ]);
    dup += await stageBatches(d, id, [
      batch('steps', [['2024-01-01T10:00:00Z', 100, 0, 0, '2024-01-01T10:05:00Z']]),
      batch('body_weight', [['2024-01-03T07:00:00Z', 80, 1, 0]]),
    ]);
    expect(dup).toBe(1);
    expect(await countSamples(d)).toEqual({});
    expect(await d.daily.count()).toBe(0);
    expect(await d.sources.count()).toBe(0);
    expect(await d.staging.count()).toBe(3);

    const row = await finishStagedImport(d, id, { ...summary, duplicatesInFile: dup });
    expect(row).toMatchObject({
      status: 'committed',
      added: 3,
      duplicates: 1,
      ignored: { X: 1 },
      touched: { steps: ['2024-01-01', '2024-02-01'], body_weight: ['2024-01-03'] },
    });
    expect(await d.staging.count()).toBe(0);
    expect(await countSamples(d)).toEqual({ steps: 2, body_weight: 1 });
    const sources = await d.sources.toArray();
    const stepSources = (await readSamples(d, 'steps')).source;
    expect([...stepSources].map((s) => sources.find((x) => x.id === s)!.name)).toEqual(['Watch', 'Phone']);
    expect((await readDaily(d, 'steps')).map((r) => [r.day, r.sum])).toEqual([
      ['2024-01-01', 100],
      ['2024-02-01', 50],
    ]);
    await undoImport(d, id);
    expect(await countSamples(d)).toEqual({});
  });

  it('merge with what is stored: samples already there count as duplicates', async () => {
    const d = db();
    await commitImport(d, {
      fileName: 'a',
      format: 'a',
      bytes: 1,
      sources: [{ name: 'Watch', model: 'Watch' }],
      batches: [batch('steps', [['2024-01-01T10:00:00Z', 100, 0, 0, '2024-01-01T10:05:00Z']])],
      rejected: [],
      ignored: {},
    });
    const id = await beginStagedImport(d, meta);
    await stageBatches(d, id, [
      batch('steps', [
        ['2024-01-01T10:00:00Z', 100, 0, 0, '2024-01-01T10:05:00Z'],
        ['2024-01-01T11:00:00Z', 7, 0, 0, '2024-01-01T11:05:00Z'],
      ]),
    ]);
    const row = await finishStagedImport(d, id, { ...summary, duplicatesInFile: 0 });
    expect(row).toMatchObject({ added: 1, duplicates: 1 });
    expect((await readDaily(d, 'steps'))[0]!.sum).toBe(107);
  });

  it('leave nothing when discarded (cancel) or recovered after a crash', async () => {
    const d = db();
    const a = await beginStagedImport(d, meta);
    await stageBatches(d, a, [batch('steps', [['2024-01-01T10:00:00Z', 100, 0, 0, '2024-01-01T10:05:00Z']])]);
    await discardStagedImport(d, a);
    const b = await beginStagedImport(d, meta);
    await stageBatches(d, b, [batch('steps', [['2024-01-01T10:00:00Z', 100, 0, 0, '2024-01-01T10:05:00Z']])]);
    expect(await recoverInterruptedImports(d)).toBe(1);
    expect(await d.imports.count()).toBe(0);
    expect(await d.staging.count()).toBe(0);
    expect(await d.sampleChunks.count()).toBe(0);
    await expect(stageBatches(d, b, [])).rejects.toThrow(`Import ${b} is not pending`);
  });
});
