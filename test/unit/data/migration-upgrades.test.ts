/**
 * Every schema upgrade, from every earlier version, on a database holding data (fake-indexeddb).
 * A database is written by the schema of version k (db.ts keeps every released version's stores
 * unchanged) with that version's representative rows (migration-fixtures.ts), closed, and reopened
 * by the current code at version `to`. Then:
 *   - every table holds exactly the rows the fixture says it must after the upgrade;
 *   - the object stores and indexes are those of a database created at `to`, and every index holds
 *     the same entries as in a database created at `to` with those rows;
 *   - auto-increment keys continue after the migrated rows.
 * The meta-tests at the end (after tldraw's: a migration without a test fails the suite) fail when
 * db.ts declares a version without a fixture or a (from, to) pair without its expected result, and
 * when an upgrade function never ran on data.
 */
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DoppelDb, LATEST_VERSION, SCHEMA } from '../../../src/data/db.ts';
import { MIGRATION_FIXTURES, missingMigrationTests, type MigrationFixture, type Tables } from './migration-fixtures.ts';

const VERSIONS = SCHEMA.map((v) => v.version);
const upgradeSpies = SCHEMA.filter((v) => v.upgrade).map((v) => ({ version: v.version, spy: vi.spyOn(v, 'upgrade') }));
afterAll(() => vi.restoreAllMocks());

let seq = 0;
const dbName = (what: string): string => `migration-${what}-${process.pid}-${seq++}`;

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/**
 * Creates a database as the app at `version` did, from the released stores copied into the fixtures
 * (not from db.ts), and writes the fixture's rows; checks they cover every table of that version.
 */
async function seed(name: string, version: number, tables: Tables): Promise<void> {
  const db = new Dexie(name);
  for (const f of MIGRATION_FIXTURES.filter((x) => x.version <= version)) db.version(f.version).stores(f.stores);
  await db.open();
  expect(Object.keys(tables).sort(), `the v${version} fixture has rows for every table of v${version}`).toEqual(
    db.tables.map((t) => t.name).sort(),
  );
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) {
      expect(rows.length, `v${version} fixture: ${table} has rows`).toBeGreaterThan(0);
      await db.table(table).bulkAdd(rows);
    }
  });
  db.close();
}

/** Every table's rows, in primary-key order. */
async function dump(db: DoppelDb): Promise<Tables> {
  const out: Tables = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

/** What IndexedDB itself holds: stores, key paths, indexes and every index's (key, primary key) entries. */
async function structure(db: DoppelDb): Promise<unknown> {
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames].sort();
  const tx = idb.transaction(names, 'readonly');
  const stores: Record<string, unknown> = {};
  for (const name of names) {
    const store = tx.objectStore(name);
    const indexes: Record<string, unknown> = {};
    for (const ix of [...store.indexNames].sort()) {
      const index = store.index(ix);
      const entries: [unknown, unknown][] = [];
      await new Promise<void>((resolve, reject) => {
        const cursor = index.openKeyCursor();
        cursor.onerror = () => reject(cursor.error);
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return resolve();
          entries.push([c.key, c.primaryKey]);
          c.continue();
        };
      });
      indexes[ix] = { keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry, entries };
    }
    stores[name] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  }
  return stores;
}

/** The key the next row added without one gets, in each auto-increment store (the row is added). */
async function nextKeys(db: DoppelDb): Promise<Record<string, unknown>> {
  const idb = db.backendDB();
  const out: Record<string, unknown> = {};
  for (const name of [...idb.objectStoreNames].sort()) {
    const store = idb.transaction(name, 'readwrite').objectStore(name);
    if (store.autoIncrement) out[name] = await request(store.add({ probe: true }));
  }
  return out;
}

describe('schema upgrades with data, from every earlier version', () => {
  for (const f of MIGRATION_FIXTURES) {
    it(`a v${f.version} database holds the fixture as written`, async () => {
      const name = dbName(`v${f.version}`);
      await seed(name, f.version, f.tables);
      const db = new DoppelDb(name, f.version);
      await db.open();
      expect(await dump(db)).toEqual(f.tables);
      db.close();
      await Dexie.delete(name);
    });

    for (const to of Object.keys(f.after).map(Number)) {
      it(`upgrades a v${f.version} database holding data to v${to}`, async () => {
        const name = dbName(`v${f.version}-to-v${to}`);
        await seed(name, f.version, f.tables);
        const expected = f.after[to]!(structuredClone(f.tables));

        const db = new DoppelDb(name, to);
        await db.open();
        expect(db.verno).toBe(to);
        const got = await dump(db);
        for (const t of Object.keys(got)) expect(got[t], `v${f.version} → v${to}: table ${t}`).toEqual(expected[t] ?? []);
        expect(Object.keys(expected).filter((t) => !(t in got))).toEqual([]);

        // The same rows in a database created at `to`: identical stores, indexes and index entries.
        const refName = dbName(`v${to}-reference`);
        const ref = new DoppelDb(refName, to);
        await ref.open();
        await ref.transaction('rw', ref.tables, async () => {
          // Put, not add: writing data through the current code raises the data revision's row itself.
          for (const [t, rows] of Object.entries(expected)) await ref.table(t).bulkPut(rows);
        });
        expect(await structure(db)).toEqual(await structure(ref));
        expect(await nextKeys(db)).toEqual(await nextKeys(ref));
        db.close();
        ref.close();
        await Dexie.delete(name);
        await Dexie.delete(refName);
      });
    }
  }
});

describe('migration meta-tests', () => {
  it('every version declared in db.ts has a fixture and an upgrade test from every earlier version', () => {
    expect(VERSIONS).toContain(LATEST_VERSION);
    expect(missingMigrationTests(VERSIONS, MIGRATION_FIXTURES)).toEqual([]);
  });

  it('finds a version without a fixture, a (from, to) pair without its test, and a fixture db.ts does not declare', () => {
    const fixture = (version: number, after: number[]): MigrationFixture => ({
      version,
      stores: {},
      tables: {},
      after: Object.fromEntries(after.map((to) => [to, (t: Tables) => t])),
    });
    const complete = [fixture(1, [2, 3]), fixture(2, [3]), fixture(3, [])];
    expect(missingMigrationTests([1, 2, 3], complete)).toEqual([]);
    expect(missingMigrationTests([1, 2, 3, 4], complete)).toEqual([
      'no fixture of a v4 database (rows in every table v4 has)',
      'no upgrade test from v1 to v4 (after[4] in the v1 fixture)',
      'no upgrade test from v2 to v4 (after[4] in the v2 fixture)',
      'no upgrade test from v3 to v4 (after[4] in the v3 fixture)',
    ]);
    expect(missingMigrationTests([1, 2, 3, 4], [...complete.slice(0, 2), fixture(3, [4]), fixture(4, [])])).toEqual([
      'no upgrade test from v1 to v4 (after[4] in the v1 fixture)',
      'no upgrade test from v2 to v4 (after[4] in the v2 fixture)',
    ]);
    expect(missingMigrationTests([1, 2], complete)).toEqual(['a fixture for v3, which db.ts does not declare']);
  });

  it('db.ts still declares every released version as its fixture copied it (a released version is never edited)', () => {
    for (const f of MIGRATION_FIXTURES) expect(SCHEMA.find((v) => v.version === f.version)?.stores, `v${f.version}`).toEqual(f.stores);
  });

  it('versions are declared only through SCHEMA in db.ts', () => {
    const source = readFileSync('src/data/db.ts', 'utf8');
    expect(source.match(/\.version\(/g) ?? []).toHaveLength(1);
    expect(source).toContain('this.version(v.version).stores(v.stores)');
  });

  // Runs last: the upgrade tests above must have run each upgrade function on data.
  it('every upgrade function ran in the tests above', () => {
    expect(upgradeSpies.length).toBeGreaterThan(0);
    for (const { version, spy } of upgradeSpies) expect(spy, `the v${version} upgrade`).toHaveBeenCalled();
  });
});
