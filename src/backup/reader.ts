/**
 * What a file offered for restore is, read as backup records: a backup (`.doppel`, modes 3 and 4),
 * or Doppel's own JSON export (src/data/export.ts, unencrypted). A share file is refused with a
 * sentence saying what it is and where it opens; anything else as not a backup.
 */
import { LATEST_VERSION, type DoppelDb } from '../data/db.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../data/export.ts';
import type { SampleChunkRow } from '../data/rows.ts';
import { MAGIC } from '../share/format.ts';
import { BackupError } from './errors.ts';
import { openBackup, type BackupSecret } from './format.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, RecordReader, type BackupRecord, type BackupTable } from './records.ts';
import { restoreRecords, type RestoreOptions, type RestoreResult } from './restore.ts';

/** The records of a backup file, read a segment at a time. */
export async function* backupRecords(file: Blob, secret: BackupSecret, signal?: AbortSignal): AsyncGenerator<BackupRecord> {
  const reader = new RecordReader();
  for await (const piece of openBackup(file, secret, signal)) yield* reader.push(piece);
  yield* reader.push(new Uint8Array(0), true);
}

/** The JSON export is read whole (it is unencrypted and not segmented): at most this big. */
export const MAX_EXPORT_BYTES = 1024 * 2 ** 20;

const TABLES_OF_EXPORT: [string, BackupTable][] = [
  ['settings', 'settings'],
  ['sources', 'sources'],
  ['imports', 'imports'],
  ['scenarios', 'scenarios'],
  ['twinSnapshots', 'twinSnapshots'],
  ['doses', 'doses'],
];

/** Doppel's JSON export as backup records (daily rows are recomputed; it has no undo data). */
export async function* exportRecords(file: Blob): AsyncGenerator<BackupRecord> {
  if (file.size > MAX_EXPORT_BYTES)
    throw new BackupError(
      'CORRUPT',
      `The export is over ${MAX_EXPORT_BYTES / 2 ** 20} MiB; Doppel restores larger histories from a backup.`,
    );
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(await file.text()) as Record<string, unknown>;
  } catch {
    throw new BackupError('NOT_A_BACKUP', 'This is not a Doppel backup or export (it is not JSON).');
  }
  if (doc?.format !== EXPORT_FORMAT)
    throw new BackupError('NOT_A_BACKUP', 'This is not a Doppel backup or export (its format is not doppel-export).');
  if (!(Number(doc.version) <= EXPORT_VERSION))
    throw new BackupError(
      'UNSUPPORTED_VERSION',
      `This export is version ${String(doc.version)}; this Doppel reads version ${EXPORT_VERSION}. Update Doppel to restore it.`,
    );
  yield { k: 'head', format: BACKUP_FORMAT, version: BACKUP_VERSION, schema: LATEST_VERSION, madeAt: String(doc.exportedAt) };
  const counts: Partial<Record<BackupTable, number>> = {};
  const row = (t: BackupTable, r: unknown): BackupRecord => {
    if (!r || typeof r !== 'object') throw new BackupError('CORRUPT', `The export's ${t} holds something that is not a row.`);
    counts[t] = (counts[t] ?? 0) + 1;
    return { k: 'row', t, r: r as Record<string, unknown> };
  };
  for (const [field, t] of TABLES_OF_EXPORT) {
    const rows = doc[field];
    if (!Array.isArray(rows)) throw new BackupError('CORRUPT', `The export has no list of ${field}.`);
    for (const r of rows) yield row(t, r);
  }
  if (doc.profile) yield row('profile', doc.profile);
  const samples = doc.samples;
  if (!Array.isArray(samples)) throw new BackupError('CORRUPT', 'The export has no list of samples.');
  for (const [i, c] of (samples as Record<string, unknown>[]).entries()) {
    const cols = (k: string): number[] => {
      const v = c?.[k];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'number'))
        throw new BackupError('CORRUPT', `samples[${i}].${k}: not a list of numbers.`);
      return v as number[];
    };
    const start = Float64Array.from(cols('start'));
    const chunk: SampleChunkRow = {
      key: `${String(c.metric)}|${String(c.month)}`,
      metric: c.metric as SampleChunkRow['metric'],
      month: String(c.month),
      n: Number(c.n),
      t0: start.length ? start[0]! : 0,
      t1: start.length ? start[start.length - 1]! : 0,
      start,
      end: Float64Array.from(cols('end')),
      value: Float64Array.from(cols('value')),
      offsetMin: Int16Array.from(cols('offsetMin')),
      source: Uint32Array.from(cols('source')),
      importId: Uint32Array.from(cols('importId')),
      flags: Uint8Array.from(cols('flags')),
    };
    yield row('sampleChunks', chunk);
  }
  yield { k: 'end', counts };
}

/** What a file offered for restore starts with. */
async function kindOf(file: Blob): Promise<'container' | 'json' | 'other'> {
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  if (MAGIC.every((b, i) => head[i] === b)) return 'container';
  const text = new TextDecoder().decode(head).trimStart();
  return text.startsWith('{') ? 'json' : 'other';
}

/**
 * Restores a file into `db` (restore.ts): a backup with its secret, or the JSON export. Throws
 * BackupError, with nothing changed, when the file cannot be restored.
 */
export async function restoreFile(
  db: DoppelDb,
  file: Blob,
  fileName: string,
  secret: BackupSecret | undefined,
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  const kind = await kindOf(file);
  if (kind === 'other')
    throw new BackupError('NOT_A_BACKUP', 'This is not a Doppel backup (it does not start with DOPPELSH) nor a Doppel export.');
  if (kind === 'json') return restoreRecords(db, exportRecords(file), { fileName, bytes: file.size, dailyIncluded: false }, opts);
  if (!secret) throw new BackupError('WRONG_SECRET', 'This backup is protected: give its passphrase or code.');
  return restoreRecords(db, backupRecords(file, secret, opts.signal), { fileName, bytes: file.size, dailyIncluded: true }, opts);
}
