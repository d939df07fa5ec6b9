// Backups on the command line: the passphrase file, writing a backup file, and restore's errors.
import { open, rm } from 'node:fs/promises';
import { BackupError } from '../../../src/backup/errors.ts';
import { MIN_PASSPHRASE_CHARS } from '../../../src/share/format.ts';
import { writeBackup } from '../../../src/backup/writer.ts';
import type { DoppelDb } from '../../../src/data/db.ts';
import { UsageError, type Parsed } from '../args.ts';
import { readText } from '../read-json.ts';

/** The passphrase: the first line of the file `--passphrase-file` names (without its line end). */
export function passphraseFrom(p: Parsed): string {
  const path = p.option('passphrase-file');
  if (path === undefined) throw new UsageError('a backup needs --passphrase-file P (its first line is the passphrase)');
  const text = readText(path);
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  if ([...line.normalize('NFC')].length < MIN_PASSPHRASE_CHARS)
    throw new UsageError(`${path}: the passphrase (its first line) needs at least ${MIN_PASSPHRASE_CHARS} characters`);
  return line;
}

/** Writes the app's backup of `db` to `path`, a segment at a time; no partial file is left on failure. */
export async function saveBackup(db: DoppelDb, path: string, passphrase: string): Promise<void> {
  let fh;
  try {
    fh = await open(path, 'w');
  } catch (e) {
    throw new UsageError(`${path}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    await writeBackup(db, { passphrase }, async (bytes) => void (await fh.write(bytes)));
    await fh.close();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await rm(path, { force: true });
    if (e instanceof BackupError) throw new UsageError(`${path}: ${e.message}`);
    throw e;
  }
}
