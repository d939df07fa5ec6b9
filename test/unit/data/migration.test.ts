import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DoppelDb, LATEST_VERSION, SCHEMA } from '../../../src/data/db.ts';
import { readDaily, readSamples } from '../../../src/data/samples.ts';
import { commitImport, undoImport } from '../../../src/data/imports.ts';
import { batch } from './helpers.ts';

describe('schema versions', () => {
  it('are numbered 1..n', () => {
    expect(SCHEMA.map((v) => v.version)).toEqual(Array.from({ length: SCHEMA.length }, (_, i) => i + 1));
    expect(LATEST_VERSION).toBe(SCHEMA.length);
  });

  it('upgrades a v1 database holding data to the latest version without losing anything', async () => {
    const name = `migration-${Date.now()}`;
    // A v1 database as the v1 app wrote it: imports had no status and no touched-days list.
    const v1 = new DoppelDb(name, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name).sort()).toEqual(['daily', 'imports', 'profile', 'sampleChunks', 'settings', 'sources']);
    const b = batch('body_weight', [
      ['2023-06-01T07:00:00Z', 90.2, 0, 0],
      ['2023-07-01T07:00:00Z', 89.7, 0, 0],
    ]);
    await v1.transaction('rw', v1.tables, async () => {
      await v1.profile.put({ id: 'self', birthDate: '1970-05-04', sex: 'female', heightCm: 168, updatedAt: 1 });
      await v1.settings.put({ key: 'glucoseUnit', value: 'mmol/L' });
      await v1.sources.add({ key: 'Scale|', name: 'Scale', model: '', kind: 'other' });
      const legacy = {
        fileName: 'old.csv',
        format: 'generic-csv',
        bytes: 10,
        startedAt: 5,
        added: 2,
        duplicates: 0,
        rejected: [],
        ignored: {},
      };
      await v1.table('imports').add(legacy);
      for (const month of ['2023-06', '2023-07']) {
        const i = month === '2023-06' ? 0 : 1;
        await v1.sampleChunks.put({
          key: `body_weight|${month}`,
          metric: 'body_weight',
          month,
          n: 1,
          t0: b.start[i]!,
          t1: b.start[i]!,
          start: b.start.slice(i, i + 1),
          end: b.end.slice(i, i + 1),
          value: b.value.slice(i, i + 1),
          offsetMin: b.offsetMin.slice(i, i + 1),
          source: new Uint32Array([1]),
          importId: new Uint32Array([1]),
          flags: new Uint8Array(1),
        });
      }
      await v1.daily.bulkPut([
        {
          key: 'body_weight|2023-06-01',
          metric: 'body_weight',
          day: '2023-06-01',
          n: 1,
          sum: 90.2,
          min: 90.2,
          max: 90.2,
          last: 90.2,
          lastT: b.start[0]!,
        },
        {
          key: 'body_weight|2023-07-01',
          metric: 'body_weight',
          day: '2023-07-01',
          n: 1,
          sum: 89.7,
          min: 89.7,
          max: 89.7,
          last: 89.7,
          lastT: b.start[1]!,
        },
      ]);
    });
    v1.close();

    const db = new DoppelDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.profile.get('self')).toMatchObject({ birthDate: '1970-05-04', sex: 'female', heightCm: 168 });
    expect(await db.settings.get('glucoseUnit')).toEqual({ key: 'glucoseUnit', value: 'mmol/L' });
    expect(await db.sources.count()).toBe(1);
    const imports = await db.imports.toArray();
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ fileName: 'old.csv', status: 'committed', touched: { body_weight: ['2023-06-01', '2023-07-01'] } });
    expect(await db.imports.where('status').equals('committed').count()).toBe(1);
    const w = await readSamples(db, 'body_weight');
    expect([...w.value]).toEqual([90.2, 89.7]);
    expect(w.start[0]).toBe(Date.parse('2023-06-01T07:00:00Z'));
    expect((await readDaily(db, 'body_weight')).map((r) => r.last)).toEqual([90.2, 89.7]);
    // The new tables work, and new imports merge with the migrated chunks.
    await db.scenarios.add({ name: 'Walk more', scenario: { activityMinutesPerWeek: 150 }, createdAt: 1, updatedAt: 1 });
    expect(await db.scenarios.count()).toBe(1);
    expect(await db.staging.count()).toBe(0);
    const again = await commitImport(db, {
      fileName: 'new.csv',
      format: 'generic-csv',
      bytes: 1,
      sources: [{ name: 'Scale' }],
      batches: [
        batch('body_weight', [
          ['2023-06-01T07:00:00Z', 90.2, 0, 0],
          ['2023-06-15T07:00:00Z', 90.0, 0, 0],
        ]),
      ],
      rejected: [],
      ignored: {},
    });
    expect(again).toMatchObject({ added: 1, duplicates: 1 });
    // The migrated import stays undoable: its samples go, the one the new import also holds stays.
    await undoImport(db, imports[0]!.id!);
    expect([...(await readSamples(db, 'body_weight')).value]).toEqual([90.2, 90.0]);
    db.close();
    await Dexie.delete(name);
  });
});
