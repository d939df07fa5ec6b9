import { describe, expect, it } from 'vitest';
import { commitImport, listImports, recoverInterruptedImports, undoImport, type ImportInput } from '../../../src/data/imports.ts';
import { holdLock } from '../../../src/data/locks.ts';
import { countSamples, readDaily, readSamples } from '../../../src/data/samples.ts';
import { DataError } from '../../../src/data/errors.ts';
import { batch, useFreshDbs } from './helpers.ts';
import { NO_OFFSET, type SampleBatch } from '../../../models/samples.ts';

const db = useFreshDbs();

const input = (over: Partial<ImportInput> = {}): ImportInput => ({
  fileName: 'export.xml',
  format: 'apple-health-xml',
  bytes: 1234,
  sources: [
    { name: "Ann's Apple Watch", model: 'Watch' },
    { name: "Ann's iPhone", model: 'iPhone' },
  ],
  batches: [
    batch('body_weight', [
      ['2024-01-02T07:00:00+01:00', 82.5, 1, 60],
      ['2024-02-02T07:00:00+01:00', 82.1, 1, 60],
    ]),
    batch('steps', [
      ['2024-01-02T09:00:00+01:00', 1000, 0, 60, '2024-01-02T09:30:00+01:00'],
      ['2024-01-02T23:30:00+01:00', 200, 0, 60, '2024-01-02T23:45:00+01:00'],
    ]),
  ],
  rejected: [{ where: 'line 7', reason: 'heart_rate 0 /min outside 20-300' }],
  ignored: { HKQuantityTypeIdentifierFlightsClimbed: 3 },
  ...over,
});

describe('commitImport', () => {
  it('stores samples, sources, daily rows and the import record together', async () => {
    const d = db();
    const row = await commitImport(d, input());
    expect(row).toMatchObject({ status: 'committed', added: 4, duplicates: 0, format: 'apple-health-xml' });
    expect(row.rejected).toEqual([{ where: 'line 7', reason: 'heart_rate 0 /min outside 20-300' }]);
    expect(row.touched).toEqual({ body_weight: ['2024-01-02', '2024-02-02'], steps: ['2024-01-02'] });
    expect(await countSamples(d)).toEqual({ body_weight: 2, steps: 2 });
    const sources = await d.sources.toArray();
    expect(sources.map((s) => [s.name, s.kind])).toEqual([
      ["Ann's Apple Watch", 'watch'],
      ["Ann's iPhone", 'phone'],
    ]);
    const steps = await readDaily(d, 'steps');
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ day: '2024-01-02', n: 2, sum: 1200, min: 200, max: 1000, last: 200 });
  });

  it('puts a sample on the local day of its own offset, not the UTC day', async () => {
    const d = db();
    // 23:30 at UTC-05:00 is 04:30 UTC the next day.
    await commitImport(d, input({ batches: [batch('resting_heart_rate', [['2024-03-09T23:30:00-05:00', 61, 0, -300]])] }));
    expect((await readDaily(d, 'resting_heart_rate')).map((r) => r.day)).toEqual(['2024-03-09']);
  });

  it('adds nothing when the same file is imported twice', async () => {
    const d = db();
    await commitImport(d, input());
    const again = await commitImport(d, input());
    expect(again).toMatchObject({ added: 0, duplicates: 4 });
    expect(await countSamples(d)).toEqual({ body_weight: 2, steps: 2 });
    expect(await d.sources.count()).toBe(2);
  });

  it('merges a duplicate inside one file into one sample', async () => {
    const d = db();
    const row = await commitImport(
      d,
      input({
        batches: [
          batch('body_weight', [
            ['2024-01-02T07:00:00Z', 80, 0],
            ['2024-01-02T07:00:00Z', 80, 0],
            ['2024-01-02T07:00:00Z', 80, 1],
          ]),
        ],
      }),
    );
    // Same time and value but another source is a different sample.
    expect(row).toMatchObject({ added: 2, duplicates: 1 });
  });

  it('keeps samples in start order across batches and months', async () => {
    const d = db();
    await commitImport(
      d,
      input({
        batches: [
          batch('heart_rate', [
            ['2024-02-01T00:00:00Z', 70],
            ['2024-01-31T23:59:00Z', 72],
            ['2024-01-15T10:00:00Z', 65],
          ]),
        ],
      }),
    );
    await commitImport(d, input({ batches: [batch('heart_rate', [['2024-01-20T10:00:00Z', 66]])] }));
    const all = await readSamples(d, 'heart_rate');
    expect([...all.value]).toEqual([65, 66, 72, 70]);
    const jan = await readSamples(d, 'heart_rate', Date.parse('2024-01-16T00:00:00Z'), Date.parse('2024-01-31T23:59:00Z'));
    expect([...jan.value]).toEqual([66, 72]);
  });

  it('stores nothing when a batch names a source the import does not list', async () => {
    const d = db();
    const bad = input({ batches: [batch('body_weight', [['2024-01-02T07:00:00Z', 80, 9]])] });
    await expect(commitImport(d, bad)).rejects.toThrow(DataError);
    expect(await d.imports.count()).toBe(0);
    expect(await d.sampleChunks.count()).toBe(0);
  });

  const broken: [string, (b: SampleBatch) => void, string][] = [
    ['a NaN value', (b) => (b.value[0] = Number.NaN), 'steps sample 0: steps: value is not a number'],
    ['an end before its start', (b) => (b.end[0] = b.start[0]! - 1), 'steps sample 0: steps: end before start'],
    ['an implausible value', (b) => (b.value[0] = -5), 'steps sample 0: steps -5 {steps} outside 0-200000'],
    ['an unresolved offset', (b) => (b.offsetMin[0] = NO_OFFSET), 'steps sample 0: UTC offset not resolved'],
    ['an unknown metric', (b) => ((b as { metric: string }).metric = 'nonsense'), 'unknown metric "nonsense"'],
    ['columns of different lengths', (b) => (b.value = new Float64Array(5)), 'steps: column value has 5 entries, start has 2'],
  ];
  it.each(broken)('refuses a batch with %s and stores nothing', async (_, breakIt, message) => {
    const d = db();
    const b = batch('steps', [
      ['2024-01-02T09:00:00Z', 10, 0, 0, '2024-01-02T09:30:00Z'],
      ['2024-01-02T10:00:00Z', 20, 0, 0, '2024-01-02T10:30:00Z'],
    ]);
    breakIt(b);
    await expect(commitImport(d, input({ batches: [b] }))).rejects.toThrow(new DataError('INVALID_BATCH', message));
    expect(await d.imports.count()).toBe(0);
    expect(await d.sampleChunks.count()).toBe(0);
  });

  it('rolls back every table when the transaction fails part-way', async () => {
    const d = db();
    await commitImport(d, input());
    const before = {
      imports: await d.imports.count(),
      chunks: await d.sampleChunks.toArray(),
      daily: await d.daily.toArray(),
      sources: await d.sources.count(),
    };
    // The daily-row write fails (as a full disk would) after the import row, the new source and the
    // sample chunks were written in the same transaction.
    const failDaily = (): never => {
      throw new Error('QuotaExceededError (simulated)');
    };
    d.daily.hook('creating', failDaily);
    const later = input({ sources: [{ name: 'New phone', model: 'iPhone' }], batches: [batch('steps', [['2024-05-01T10:00:00Z', 5, 0]])] });
    await expect(commitImport(d, later)).rejects.toThrow('QuotaExceededError (simulated)');
    d.daily.hook('creating').unsubscribe(failDaily);
    expect(await d.imports.count()).toBe(before.imports);
    expect(await d.sources.count()).toBe(before.sources);
    expect(await d.sampleChunks.toArray()).toEqual(before.chunks);
    expect(await d.daily.toArray()).toEqual(before.daily);
  });
});

describe('undoImport', () => {
  it('removes exactly the samples of that import and recomputes its days', async () => {
    const d = db();
    const a = await commitImport(d, input());
    const b = await commitImport(
      d,
      input({
        fileName: 'later.xml',
        batches: [batch('steps', [['2024-01-02T12:00:00+01:00', 500, 1, 60, '2024-01-02T12:10:00+01:00']])],
      }),
    );
    expect((await readDaily(d, 'steps'))[0]!.sum).toBe(1700);
    await undoImport(d, b.id!);
    expect((await readDaily(d, 'steps'))[0]!.sum).toBe(1200);
    expect(await countSamples(d)).toEqual({ body_weight: 2, steps: 2 });
    await undoImport(d, a.id!);
    expect(await countSamples(d)).toEqual({});
    expect(await d.daily.count()).toBe(0);
    expect(await d.sampleChunks.count()).toBe(0);
    // Only the latest undo can be redone: the first undone import's kept copy went with the second undo.
    expect((await listImports(d)).map((r) => [r.id, r.status])).toEqual([[a.id, 'undone']]);
    expect(await d.staging.where('stagedFor').equals(b.id!).count()).toBe(0);
  });

  it('keeps a sample another import also holds: import {X}, then {X, Y}, undo the first → X and Y stay', async () => {
    const d = db();
    const x = ['2024-01-02T07:00:00Z', 80, 0] as const;
    const a = await commitImport(d, input({ batches: [batch('body_weight', [[...x]])] }));
    const b = await commitImport(d, input({ batches: [batch('body_weight', [[...x], ['2024-01-03T07:00:00Z', 81, 0]])] }));
    expect(b).toMatchObject({ added: 1, duplicates: 1 });
    await undoImport(d, a.id!);
    expect([...(await readSamples(d, 'body_weight')).value]).toEqual([80, 81]);
    expect((await readDaily(d, 'body_weight')).map((r) => r.day)).toEqual(['2024-01-02', '2024-01-03']);
    await undoImport(d, b.id!);
    expect(await countSamples(d)).toEqual({});
  });

  it('names an unknown import', async () => {
    await expect(undoImport(db(), 42)).rejects.toThrow('No import with id 42');
  });

  it('rolls back an import nobody holds the lock of, however fresh, and never one whose lock is held, however old', async () => {
    const d = db();
    await commitImport(d, input());
    const now = Date.now();
    const stale = {
      fileName: 'x',
      format: 'x',
      bytes: 1,
      status: 'pending' as const,
      added: 0,
      duplicates: 0,
      rejected: [],
      ignored: {},
      touched: {},
    };
    // A worker parsing a huge file for ten minutes, without progress for three: alive, its lock is held.
    const release = await holdLock('doppel-import-alive');
    const alive = await d.imports.add({
      ...stale,
      startedAt: now - 10 * 60_000,
      heartbeatAt: now - 3 * 60_000,
      lock: 'doppel-import-alive',
    });
    // Its tab closed a second ago: dead, nobody holds its lock.
    const dead = await d.imports.add({ ...stale, startedAt: now - 2_000, heartbeatAt: now - 1_000, lock: 'doppel-import-dead' });
    try {
      expect(await recoverInterruptedImports(d)).toBe(1);
      expect(await d.imports.get(dead)).toBeUndefined();
      expect(await d.imports.get(alive)).toBeDefined();
    } finally {
      await release();
    }
    // Its worker ended without finishing (killed): now it goes.
    expect(await recoverInterruptedImports(d)).toBe(1);
    expect(await d.imports.get(alive)).toBeUndefined();
    expect(await d.imports.where('status').equals('committed').count()).toBe(1);
  });
});
