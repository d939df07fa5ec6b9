/**
 * The checks a restore makes of what it reads, before anything is staged: the head (a version this
 * Doppel reads) and each row (its keys and the fields the restore reads, of their types: an export
 * is not authenticated, and a backup from a changed build must not half-fit).
 */
import { METRICS } from '../../models/metrics.ts';
import { LATEST_VERSION } from '../data/db.ts';
import type { SampleChunkRow } from '../data/rows.ts';
import { BackupError } from './errors.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupRecord, type BackupTable } from './records.ts';

/** The oldest database version a backup holds: backups began at version 5 (src/data/db.ts). */
export const FIRST_BACKUP_SCHEMA = 5;

type Row = Record<string, unknown>;

/**
 * How a backup's rows of an older database version become the next version's, keyed by the version
 * they come from: each schema change after FIRST_BACKUP_SCHEMA adds one, with a test (the meta-test in
 * test/unit/backup/schema-upgrades.test.ts fails when one is missing). None yet: the database is
 * still at the version backups began with.
 */
export const ROW_UPGRADES: Readonly<Record<number, (t: BackupTable, r: Row) => Row>> = {};

/** A row of database version `schema` as the current version stores it. */
export function upgradeRow(schema: number, t: BackupTable, r: Row): Row {
  for (let v = schema; v < LATEST_VERSION; v++) r = ROW_UPGRADES[v]!(t, r);
  return r;
}

/** The head: a backup of a version this Doppel reads. Returns the database version its rows are in. */
export function checkHead(rec: BackupRecord): number {
  if (rec.k !== 'head' || rec.format !== BACKUP_FORMAT) throw new BackupError('CORRUPT', 'The backup does not start with its head record.');
  if (!(rec.version <= BACKUP_VERSION) || !(rec.schema <= LATEST_VERSION))
    throw new BackupError(
      'UNSUPPORTED_VERSION',
      `This backup was made by a newer Doppel (backup version ${rec.version}, database version ${rec.schema}; this Doppel reads ${BACKUP_VERSION} and ${LATEST_VERSION}). Update Doppel to restore it.`,
    );
  if (!(rec.schema >= FIRST_BACKUP_SCHEMA) || !Number.isInteger(rec.schema))
    throw new BackupError('CORRUPT', `The backup names database version ${rec.schema}, which no Doppel backup holds.`);
  return rec.schema;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown): boolean => Number.isInteger(x) && (x as number) > 0;

/** Each table's rows have their keys and the fields the restore reads, of their types (an export is not authenticated). */
const ROW_CHECKS: Record<Exclude<BackupTable, 'sampleChunks' | 'staging'>, (r: Record<string, unknown>) => boolean> = {
  settings: (r) => typeof r.key === 'string',
  sources: (r) => isId(r.id) && typeof r.key === 'string' && typeof r.name === 'string' && typeof r.model === 'string',
  profile: (r) => r.id === 'self' && typeof r.updatedAt === 'number',
  imports: (r) =>
    isId(r.id) &&
    typeof r.fileName === 'string' &&
    typeof r.format === 'string' &&
    (r.status === 'committed' || r.status === 'undone') &&
    Array.isArray(r.rejected) &&
    isObject(r.ignored) &&
    isObject(r.touched),
  scenarios: (r) => isId(r.id) && typeof r.name === 'string' && isObject(r.scenario),
  twinSnapshots: (r) => isId(r.id) && typeof r.createdAt === 'number' && isObject(r.watermark) && typeof r.watermark.importId === 'number',
  doses: (r) =>
    typeof r.key === 'string' &&
    (r.kind === 'carbs' || r.kind === 'insulin') &&
    typeof r.t === 'number' &&
    typeof r.amount === 'number' &&
    typeof r.source === 'number' &&
    Array.isArray(r.importIds),
  daily: (r) => typeof r.key === 'string' && typeof r.metric === 'string' && Object.hasOwn(METRICS, r.metric),
};

export function checkRow(
  t: Exclude<BackupTable, 'sampleChunks' | 'staging'>,
  r: Record<string, unknown>,
  row: number,
): Record<string, unknown> {
  if (!ROW_CHECKS[t](r)) throw new BackupError('CORRUPT', `Row ${row} of the backup is not a ${t} row Doppel can store.`);
  return r;
}

const COLUMNS = ['start', 'end', 'value', 'offsetMin', 'source', 'importId', 'flags'] as const;

/** A chunk row's columns are typed arrays of its length, of a metric Doppel knows. */
export function checkChunk(r: Record<string, unknown>, row: number): SampleChunkRow {
  const c = r as unknown as SampleChunkRow;
  const ok =
    typeof c.metric === 'string' &&
    Object.hasOwn(METRICS, c.metric) &&
    typeof c.month === 'string' &&
    /^\d{4}-\d{2}$/.test(c.month) &&
    c.key === `${c.metric}|${c.month}` &&
    Number.isInteger(c.n) &&
    COLUMNS.every((k) => ArrayBuffer.isView(c[k]) && (c[k] as ArrayLike<number>).length === c.n) &&
    (c.shadowOf?.length ?? 0) === (c.shadowImport?.length ?? 0);
  if (!ok) throw new BackupError('CORRUPT', `Row ${row} of the backup is not a month of samples Doppel can store.`);
  return c;
}
