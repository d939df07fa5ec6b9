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
import { TopLevelJson } from './json-stream.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, RecordReader, type BackupRecord, type BackupTable } from './records.ts';
import { restoreRecords, type RestoreOptions, type RestoreResult } from './restore.ts';

/** The records of a backup file, read a segment at a time. */
export async function* backupRecords(file: Blob, secret: BackupSecret, signal?: AbortSignal): AsyncGenerator<BackupRecord> {
  const reader = new RecordReader();
  for await (const piece of openBackup(file, secret, signal)) yield* reader.push(piece);
  yield* reader.push(new Uint8Array(0), true);
}

/** The JSON export is read this many bytes at a time. */
const EXPORT_PIECE_BYTES = 1 << 20;

const TABLES_OF_EXPORT: Record<string, BackupTable> = {
  settings: 'settings',
  sources: 'sources',
  imports: 'imports',
  scenarios: 'scenarios',
  twinSnapshots: 'twinSnapshots',
  doses: 'doses',
};

/** One month of samples of the export (src/data/export.ts) as a stored chunk row. */
function exportChunk(c: Record<string, unknown>, i: number): SampleChunkRow {
  const cols = (k: string): number[] => {
    const v = c?.[k];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'number'))
      throw new BackupError('CORRUPT', `samples[${i}].${k}: not a list of numbers.`);
    return v as number[];
  };
  const start = Float64Array.from(cols('start'));
  return {
    key: `${String(c?.metric)}|${String(c?.month)}`,
    metric: c?.metric as SampleChunkRow['metric'],
    month: String(c?.month),
    n: Number(c?.n),
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
}

/**
 * Doppel's JSON export as backup records, read a piece at a time (json-stream.ts): each table's list
 * is parsed whole, each month of samples on its own, so memory holds the tables and one month, not
 * the file. Daily rows are recomputed on restore; the export has no undo data.
 */
export async function* exportRecords(file: Blob): AsyncGenerator<BackupRecord> {
  const notExport = (why: string): BackupError => new BackupError('NOT_A_BACKUP', `This is not a Doppel backup or export (${why}).`);
  const json = new TopLevelJson('samples', (why) => new BackupError('CORRUPT', `The export is not valid JSON: ${why}.`));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const counts: Partial<Record<BackupTable, number>> = {};
  const seen = new Set<string>();
  let format = false;
  let head = false;
  let chunks = 0;
  const row = (t: BackupTable, r: unknown): BackupRecord => {
    if (!r || typeof r !== 'object' || Array.isArray(r))
      throw new BackupError('CORRUPT', `The export's ${t} holds something that is not a row.`);
    counts[t] = (counts[t] ?? 0) + 1;
    return { k: 'row', t, r: r as Record<string, unknown> };
  };
  for (let at = 0; at < file.size || at === 0; at += EXPORT_PIECE_BYTES) {
    let text: string;
    try {
      const last = at + EXPORT_PIECE_BYTES >= file.size;
      text = decoder.decode(new Uint8Array(await file.slice(at, at + EXPORT_PIECE_BYTES).arrayBuffer()), { stream: !last });
    } catch {
      throw new BackupError('CORRUPT', `The export is not UTF-8 text (near byte ${at}).`);
    }
    for (const item of json.push(text)) {
      seen.add(item.key);
      if (!format) {
        // The export starts with its format and version (src/data/export.ts).
        if (item.key !== 'format' || !('value' in item) || item.value !== EXPORT_FORMAT) throw notExport('its format is not doppel-export');
        format = true;
        continue;
      }
      if (item.key === 'version' && 'value' in item) {
        if (!(Number(item.value) <= EXPORT_VERSION))
          throw new BackupError(
            'UNSUPPORTED_VERSION',
            `This export is version ${String(item.value)}; this Doppel reads version ${EXPORT_VERSION}. Update Doppel to restore it.`,
          );
        continue;
      }
      if (!head) {
        if (!seen.has('version')) throw new BackupError('CORRUPT', 'The export does not give its version after its format.');
        head = true;
        yield { k: 'head', format: BACKUP_FORMAT, version: BACKUP_VERSION, schema: LATEST_VERSION, madeAt: '' };
      }
      if ('opened' in item) continue;
      if ('element' in item) yield row('sampleChunks', exportChunk(item.element as Record<string, unknown>, chunks++));
      else if (item.key === 'profile') {
        if (item.value !== null) yield row('profile', item.value);
      } else if (Object.hasOwn(TABLES_OF_EXPORT, item.key)) {
        if (!Array.isArray(item.value)) throw new BackupError('CORRUPT', `The export's ${item.key} is not a list.`);
        for (const r of item.value as unknown[]) yield row(TABLES_OF_EXPORT[item.key]!, r);
      }
    }
    if (file.size === 0) break;
  }
  if (!format) throw notExport('it is empty');
  if (!json.done) throw new BackupError('TRUNCATED', 'The export ends before its end: it is incomplete.');
  for (const k of [...Object.keys(TABLES_OF_EXPORT), 'samples'])
    if (!seen.has(k)) throw new BackupError('CORRUPT', `The export has no list of ${k}.`);
  if (!head) yield { k: 'head', format: BACKUP_FORMAT, version: BACKUP_VERSION, schema: LATEST_VERSION, madeAt: '' };
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
