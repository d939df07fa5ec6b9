// The in-memory IndexedDB the store opens, installed before Dexie loads.
import 'fake-indexeddb/auto';
import { basename } from 'node:path';
import { BackupError } from '../../../src/backup/errors.ts';
import { backupRecords } from '../../../src/backup/reader.ts';
import { restoreRecords } from '../../../src/backup/restore.ts';
import { DoppelDb } from '../../../src/data/db.ts';
import { storeReport } from '../../../src/data/report.ts';
import { UsageError, type Parsed } from '../args.ts';
import type { CommandResult } from '../command.ts';
import { passphraseFrom } from './backup-files.ts';
import { importFiles, readableBlob, type ImportLine } from './import.ts';

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
    imports.push(...(await importFiles(db, files)));
    return { imports, ...(await storeReport(db)) };
  } finally {
    await db.delete();
  }
}
