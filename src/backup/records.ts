/**
 * A backup's payload: UTF-8 lines of JSON, one record each (a head, then one row of a table per
 * line, then an end). Typed-array columns are written as `{"$a":"F64","v":[...]}` and read back as
 * the same typed array; a JSON number round-trips a float64 exactly.
 */
import { BackupError } from './errors.ts';

export const BACKUP_FORMAT = 'doppel-backup';
export const BACKUP_VERSION = 1;

/** The tables a backup holds, in the order it writes them (docs/share-format.md "Backups"). */
export const BACKUP_TABLES = [
  'settings',
  'sources',
  'profile',
  'imports',
  'scenarios',
  'twinSnapshots',
  'doses',
  'daily',
  'staging',
  'sampleChunks',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupHead {
  k: 'head';
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The database schema version the rows are in (src/data/db.ts). */
  schema: number;
  madeAt: string;
}
export interface BackupRow {
  k: 'row';
  t: BackupTable;
  r: Record<string, unknown>;
}
export interface BackupEnd {
  k: 'end';
  /** Rows per table: the reader checks it read as many. */
  counts: Partial<Record<BackupTable, number>>;
}
export type BackupRecord = BackupHead | BackupRow | BackupEnd;

const ARRAYS = {
  F64: Float64Array,
  I16: Int16Array,
  U32: Uint32Array,
  U8: Uint8Array,
} as const;
type ArrayTag = keyof typeof ARRAYS;

function tagOf(v: ArrayBufferView): ArrayTag {
  if (v instanceof Float64Array) return 'F64';
  if (v instanceof Int16Array) return 'I16';
  if (v instanceof Uint32Array) return 'U32';
  if (v instanceof Uint8Array) return 'U8';
  throw new Error(`A ${v.constructor.name} column is not written to backups`);
}

const replacer = (_k: string, v: unknown): unknown =>
  ArrayBuffer.isView(v) ? { $a: tagOf(v), v: Array.from(v as unknown as ArrayLike<number>) } : v;

const reviver = (_k: string, v: unknown): unknown => {
  if (v && typeof v === 'object' && '$a' in v && 'v' in v) {
    const ctor = ARRAYS[(v as { $a: ArrayTag }).$a];
    const values = (v as { v: unknown }).v;
    if (!ctor || !Array.isArray(values)) throw new BackupError('CORRUPT', 'A column of the backup is not a list of numbers.');
    return ctor.from(values as number[]);
  }
  return v;
};

const encoder = new TextEncoder();

export function encodeRecord(r: BackupRecord): Uint8Array {
  return encoder.encode(`${JSON.stringify(r, replacer)}\n`);
}

/** The most one line may hold (a month of one metric at one reading a second is ~200 MB; never written). */
const MAX_LINE_CHARS = 256 * 2 ** 20;

/** Splits the inflated payload, given in pieces, into records. */
export class RecordReader {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private rest = '';
  private line = 0;

  /** The records completed by this piece (`last`: no more pieces follow). */
  push(piece: Uint8Array, last = false): BackupRecord[] {
    let text: string;
    try {
      text = this.rest + this.decoder.decode(piece, { stream: !last });
    } catch {
      throw new BackupError('CORRUPT', `Line ${this.line + 1} of the backup is not UTF-8 text.`);
    }
    const lines = text.split('\n');
    this.rest = lines.pop()!;
    if (this.rest.length > MAX_LINE_CHARS) throw new BackupError('CORRUPT', `Line ${this.line + 1} of the backup is too long.`);
    if (last && this.rest) throw new BackupError('CORRUPT', 'The backup ends inside a record.');
    return lines.map((l) => {
      this.line++;
      try {
        return JSON.parse(l, reviver) as BackupRecord;
      } catch (e) {
        if (e instanceof BackupError) throw e;
        throw new BackupError('CORRUPT', `Line ${this.line} of the backup is not a record.`);
      }
    });
  }
}
