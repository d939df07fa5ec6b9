// The in-memory IndexedDB the store opens, installed before Dexie loads.
import 'fake-indexeddb/auto';
import { basename } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { BackupError } from '../../../src/backup/errors.ts';
import { backupRecords } from '../../../src/backup/reader.ts';
import { restoreRecords } from '../../../src/backup/restore.ts';
import { DoppelDb } from '../../../src/data/db.ts';
import { storeReport } from '../../../src/data/report.ts';
import { UsageError, type Parsed } from '../args.ts';
import type { CommandResult } from '../command.ts';
import { passphraseFrom } from './backup-files.ts';
import { importFiles, readableBlob, type ImportLine } from './import.ts';

/**
 * A FILE the backup already holds, imported again: same name and format, nothing added, every sample it
 * accepted the first time now a duplicate, the same rejections and ignored types. It is reported once, as it
 * was first imported, so that restoring a backup of A and B and importing B again reports what importing A
 * and B reports (contracts: `restore`). Only the report folds it: the store is what the import made of it.
 */
export function isImportedAgain(line: ImportLine, earlier: readonly ImportLine[]): boolean {
  return (
    line.added === 0 &&
    earlier.some(
      (e) =>
        e.file === line.file &&
        e.format === line.format &&
        line.duplicates === e.added + e.duplicates &&
        isDeepStrictEqual(line.rejected, e.rejected) &&
        isDeepStrictEqual(line.ignored, e.ignored),
    )
  );
}

/** `restore` (usage and help: ./index.ts). */
export async function run(p: Parsed): Promise<CommandResult> {
  const [path, ...files] = p.positional;
  if (!path) throw new UsageError('restore needs a BACKUP.doppel');
  const passphrase = passphraseFrom(p);
  const file = await readableBlob(path);
  const db = new DoppelDb(`cli-${process.pid}-${Date.now()}`);
  try {
    let restored;
    try {
      // Only a backup: the JSON export is restored in the app (Settings), not here.
      restored = await restoreRecords(db, backupRecords(file, { passphrase }), {
        fileName: basename(path),
        bytes: file.size,
        dailyIncluded: true,
      });
    } catch (e) {
      if (e instanceof BackupError) throw new UsageError(`${path}: ${e.message}`);
      throw e;
    }
    const imports: ImportLine[] = restored.imports
      .filter((r) => r.status === 'committed')
      .map((r) => ({
        file: r.fileName,
        format: r.format,
        added: r.added,
        duplicates: r.duplicates,
        rejected: r.rejected,
        ignored: r.ignored,
      }));
    const fromBackup = [...imports];
    for (const line of await importFiles(db, files)) if (!isImportedAgain(line, fromBackup)) imports.push(line);
    return { imports, ...(await storeReport(db)) };
  } finally {
    await db.delete();
  }
}
