import { describe, expect, it } from 'vitest';
import { commitImport, forgetUndone, redoImport, undoImport, type ImportInput } from '../../../src/data/imports.ts';
import { countSamples, readDaily, readSamples } from '../../../src/data/samples.ts';
import { saveProfile } from '../../../src/data/profile.ts';
import { DataError } from '../../../src/data/errors.ts';
import type { DoppelDb } from '../../../src/data/db.ts';
import { batch, useFreshDbs } from './helpers.ts';

const db = useFreshDbs();

const input = (over: Partial<ImportInput> = {}): ImportInput => ({
  fileName: 'export.xml',
  format: 'apple-health-xml',
  bytes: 1234,
  sources: [
    { name: 'Watch', model: 'Watch' },
    { name: 'Phone', model: 'iPhone' },
  ],
  batches: [
    batch('body_weight', [
      ['2024-01-02T07:00:00+01:00', 82.5, 1, 60],
      ['2024-02-02T07:00:00+01:00', 82.1, 1, 60],
      ['2024-03-31T23:30:00-05:00', 81.9, 1, -300],
    ]),
    batch('steps', [
      ['2024-01-02T09:00:00+01:00', 1000, 0, 60, '2024-01-02T09:30:00+01:00'],
      ['2024-01-02T23:30:00+01:00', 200, 0, 60, '2024-01-02T23:45:00+01:00'],
    ]),
  ],
  rejected: [],
  ignored: {},
  ...over,
});

/** Everything a reader of the store sees: samples (with who holds them), days, records, profile. */
async function store(d: DoppelDb) {
  return {
    chunks: await d.sampleChunks.toArray(),
    daily: await d.daily.toArray(),
    doses: await d.doses.toArray(),
    profile: await d.profile.get('self').then((p) => (p ? { ...p, updatedAt: 0 } : undefined)),
  };
}

describe('the arrivals an import records', () => {
  it('count each metric’s added readings with their first and last local day; a duplicate adds none', async () => {
    const d = db();
    const row = await commitImport(d, input());
    // 2024-03-31 23:30 at UTC-05:00 is April 1 in UTC: the local day counts.
    expect(row.arrived).toEqual({
      body_weight: { count: 3, first: '2024-01-02', last: '2024-03-31' },
      steps: { count: 2, first: '2024-01-02', last: '2024-01-02' },
    });
    const again = await commitImport(d, input({ batches: [...input().batches, batch('body_weight', [['2024-04-05T07:00:00Z', 80, 1]])] }));
    expect(again.added).toBe(1);
    expect(again.arrived).toEqual({ body_weight: { count: 1, first: '2024-04-05', last: '2024-04-05' } });
  });

  it('add up to what the import added when two batches of one metric fall in the same month', async () => {
    const d = db();
    const row = await commitImport(
      d,
      input({
        batches: [batch('heart_rate', [['2024-01-02T07:00:00Z', 60]]), batch('heart_rate', [['2024-01-03T07:00:00Z', 61]])],
      }),
    );
    expect(row.added).toBe(2);
    expect(row.arrived).toEqual({ heart_rate: { count: 2, first: '2024-01-02', last: '2024-01-03' } });
  });
});

describe('undo and redo', () => {
  it('undo says what it removed; redo puts back exactly the same store', async () => {
    const d = db();
    const row = await commitImport(d, input());
    const before = await store(d);
    const undone = await undoImport(d, row.id!);
    expect(undone.status).toBe('undone');
    expect(undone.undone).toMatchObject({ removed: { body_weight: 3, steps: 2 }, dosesRemoved: 0, profileChanged: [] });
    expect(await countSamples(d)).toEqual({});
    expect(await d.daily.count()).toBe(0);
    // What redo needs is kept outside the store, under the import's id: one row per metric and UTC
    // month (weight in January, February and April, whose first instant is March 31 locally; steps).
    expect((await d.staging.where('stagedFor').equals(row.id!).toArray()).map((r) => r.key).sort()).toEqual(
      [`${row.id}|body_weight|2024-01`, `${row.id}|body_weight|2024-02`, `${row.id}|body_weight|2024-04`, `${row.id}|steps|2024-01`].sort(),
    );

    const redone = await redoImport(d, row.id!);
    expect(redone).toEqual({ ...row, status: 'committed' });
    expect(await d.imports.get(row.id!)).toEqual(redone);
    expect(await store(d)).toEqual(before);
    expect(await d.staging.count()).toBe(0);
  });

  it('counts only readings that left: a reading another import also holds stays, and redo shares it again', async () => {
    const d = db();
    const x = ['2024-01-02T07:00:00Z', 80, 0] as const;
    const a = await commitImport(d, input({ batches: [batch('body_weight', [[...x]])] }));
    const b = await commitImport(d, input({ batches: [batch('body_weight', [[...x], ['2024-01-03T07:00:00Z', 81, 0]])] }));
    const counts = await countSamples(d);
    expect((await undoImport(d, b.id!)).undone!.removed).toEqual({ body_weight: 1 });
    expect([...(await readSamples(d, 'body_weight')).value]).toEqual([80]);
    await redoImport(d, b.id!);
    expect(await countSamples(d)).toEqual(counts);
    // b holds the shared reading again: undoing a now leaves both readings.
    await undoImport(d, a.id!);
    expect([...(await readSamples(d, 'body_weight')).value]).toEqual([80, 81]);
  });

  it('an import whose readings are all held by another removes nothing', async () => {
    const d = db();
    await commitImport(d, input());
    const again = await commitImport(d, input());
    expect(again.added).toBe(0);
    expect((await undoImport(d, again.id!)).undone!.removed).toEqual({});
    expect(await countSamples(d)).toEqual({ body_weight: 3, steps: 2 });
  });

  it('gives back the profile values and the carbohydrate records the import held', async () => {
    const d = db();
    await saveProfile(d, { heightCm: 170 });
    const row = await commitImport(
      d,
      input({
        profile: { sex: 'female', birthDate: '1970-05-04', heightCm: 182 },
        doses: [
          { kind: 'carbs', t: Date.parse('2024-01-02T08:00:00Z'), amount: 40, offsetMin: 60, source: 1 },
          { kind: 'insulin', t: Date.parse('2024-01-02T08:05:00Z'), amount: 4, offsetMin: 60, source: 1 },
        ],
      }),
    );
    const before = await store(d);
    expect(before.profile).toMatchObject({ sex: 'female', birthDate: '1970-05-04', heightCm: 170 });
    expect(before.profile!.pendingConflicts).toHaveLength(1);
    const undone = await undoImport(d, row.id!);
    // The person's height stays; what the file set goes, and so does the question it raised.
    expect(undone.undone!.profileChanged.sort()).toEqual(['birthDate', 'sex']);
    expect(undone.undone!.dosesRemoved).toBe(2);
    expect(await d.profile.get('self')).toMatchObject({ heightCm: 170, pendingConflicts: [] });
    expect(await d.doses.count()).toBe(0);
    await redoImport(d, row.id!);
    expect(await store(d)).toEqual(before);
  });

  it('a value the person turned down stays turned down after undo and redo', async () => {
    const d = db();
    await saveProfile(d, { sex: 'male' });
    const row = await commitImport(d, input({ profile: { sex: 'female' } }));
    const { chooseProfileValue } = await import('../../../src/data/profile.ts');
    await chooseProfileValue(d, { field: 'sex', value: 'female', use: 'mine' });
    const before = await store(d);
    await undoImport(d, row.id!);
    await redoImport(d, row.id!);
    expect(await store(d)).toEqual(before);
    expect((await d.profile.get('self'))!.pendingConflicts).toEqual([]);
  });

  it('only the latest undo can be redone; Done deletes the kept copy', async () => {
    const d = db();
    const a = await commitImport(d, input());
    const b = await commitImport(d, input({ fileName: 'b.csv', batches: [batch('heart_rate', [['2024-05-01T07:00:00Z', 60]])] }));
    await undoImport(d, a.id!);
    await undoImport(d, b.id!);
    expect(await d.imports.get(a.id!)).toBeUndefined();
    expect(await d.staging.where('stagedFor').equals(a.id!).count()).toBe(0);
    await expect(redoImport(d, a.id!)).rejects.toThrow(DataError);
    await forgetUndone(d, b.id!);
    expect(await d.imports.count()).toBe(0);
    expect(await d.staging.count()).toBe(0);
  });

  it('refuses to undo an undone import or to redo a committed one', async () => {
    const d = db();
    const row = await commitImport(d, input());
    await expect(redoImport(d, row.id!)).rejects.toThrow(new DataError('UNKNOWN_IMPORT', `No undone import with id ${row.id}`));
    await undoImport(d, row.id!);
    await expect(undoImport(d, row.id!)).rejects.toThrow(new DataError('UNKNOWN_IMPORT', `No import with id ${row.id}`));
  });

  it('a redo that fails part-way changes nothing: the import stays undone and can be redone later', async () => {
    const d = db();
    const row = await commitImport(d, input());
    const before = await store(d);
    await undoImport(d, row.id!);
    const undoneState = { ...(await store(d)), staging: await d.staging.toArray(), imports: await d.imports.toArray() };
    const fail = (): never => {
      throw new Error('QuotaExceededError (simulated)');
    };
    d.daily.hook('creating', fail);
    await expect(redoImport(d, row.id!)).rejects.toThrow('QuotaExceededError (simulated)');
    d.daily.hook('creating').unsubscribe(fail);
    expect({ ...(await store(d)), staging: await d.staging.toArray(), imports: await d.imports.toArray() }).toEqual(undoneState);
    await redoImport(d, row.id!);
    expect(await store(d)).toEqual(before);
  });

  it('an undo that fails part-way changes nothing either', async () => {
    const d = db();
    const row = await commitImport(d, input());
    const before = { ...(await store(d)), imports: await d.imports.toArray() };
    const fail = (): never => {
      throw new Error('QuotaExceededError (simulated)');
    };
    d.imports.hook('updating', fail);
    await expect(undoImport(d, row.id!)).rejects.toThrow('QuotaExceededError (simulated)');
    d.imports.hook('updating').unsubscribe(fail);
    expect({ ...(await store(d)), imports: await d.imports.toArray() }).toEqual(before);
    expect(await d.staging.count()).toBe(0);
    expect((await readDaily(d, 'steps'))[0]!.sum).toBe(1200);
  });
});
