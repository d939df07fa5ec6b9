// tldraw's rule for backups: a backup made at any database version since backups began restores in
// every later Doppel. Each schema change adds a row upgrade (src/backup/restore-checks.ts); this
// meta-test fails when the database moved on without one.
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, SCHEMA } from '../../../src/data/db.ts';
import { FIRST_BACKUP_SCHEMA, ROW_UPGRADES, checkHead } from '../../../src/backup/restore-checks.ts';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../../src/backup/records.ts';

describe('backup schema upgrades', () => {
  it('has a row upgrade from every database version since backups began to the next', () => {
    const from = SCHEMA.map((s) => s.version).filter((v) => v >= FIRST_BACKUP_SCHEMA && v < LATEST_VERSION);
    expect(
      from.filter((v) => typeof ROW_UPGRADES[v] !== 'function'),
      'database versions whose backups cannot be upgraded',
    ).toEqual([]);
    // And none for versions no backup holds or that do not exist.
    expect(
      Object.keys(ROW_UPGRADES)
        .map(Number)
        .filter((v) => !from.includes(v)),
    ).toEqual([]);
  });

  it('reads a head of any version since backups began, and refuses one before them or from a newer Doppel', () => {
    const head = (schema: number, version = BACKUP_VERSION) => ({ k: 'head', format: BACKUP_FORMAT, version, schema, madeAt: '' }) as const;
    for (let v = FIRST_BACKUP_SCHEMA; v <= LATEST_VERSION; v++) expect(checkHead(head(v))).toBe(v);
    expect(() => checkHead(head(FIRST_BACKUP_SCHEMA - 1))).toThrow(/no Doppel backup holds/);
    expect(() => checkHead(head(LATEST_VERSION + 1))).toThrow(/newer Doppel/);
    expect(() => checkHead(head(LATEST_VERSION, BACKUP_VERSION + 1))).toThrow(/newer Doppel/);
  });
});
