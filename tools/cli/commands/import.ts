// The in-memory IndexedDB the store opens, installed before Dexie loads.
import 'fake-indexeddb/auto';
import { openAsBlob, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { DoppelDb } from '../../../src/data/db.ts';
import { DataError } from '../../../src/data/errors.ts';
import { storeReport } from '../../../src/data/report.ts';
import { ImportError } from '../../../src/import/errors.ts';
import { importBlob } from '../../../src/import/pipeline.ts';
import { setSqliteWasm } from '../../../src/import/sqlite.ts';
import { InternalError, UsageError } from '../args.ts';
import type { CommandResult } from '../command.ts';
import type { Parsed } from '../args.ts';
import { passphraseFrom, saveBackup } from './backup-files.ts';

/** One line of the `imports` report: what an import stored (also a restored backup's imports). */
export interface ImportLine {
  file: string;
  format: string;
  added: number;
  duplicates: number;
  rejected: unknown;
  ignored: Record<string, number>;
}

/** A file the CLI reads, or exit 2 saying why it cannot. */
export async function readableBlob(path: string): Promise<Blob> {
  try {
    if (!statSync(path).isFile()) throw new UsageError(`${path}: not a file`);
    return await openAsBlob(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message)})`);
  }
}

/** Imports files in order into `db`, as `import` does. */
export async function importFiles(db: DoppelDb, paths: string[]): Promise<ImportLine[]> {
  const imports: ImportLine[] = [];
  for (const path of paths) {
    const blob = await readableBlob(path);
    try {
      const r = await importBlob(db, blob, basename(path));
      imports.push({ file: r.file, format: r.format, added: r.added, duplicates: r.duplicates, rejected: r.rejected, ignored: r.ignored });
    } catch (e) {
      if (e instanceof ImportError || e instanceof DataError) throw new UsageError(`${path}: ${e.message}`);
      throw new InternalError(`${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return imports;
}

// sql.js's WebAssembly for Health Connect databases, from node_modules (the CLI's bundle has no
// __dirname for sql.js to find it by); read only when such a file is met.
setSqliteWasm({ binary: async () => new Uint8Array(await readFile(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'))) });

/** `import` (usage and help: ./index.ts). */
export async function run(p: Parsed): Promise<CommandResult> {
  if (!p.positional.length) throw new UsageError('import needs at least one FILE');
  const out = p.option('save-backup');
  // Read before importing: a missing or short passphrase fails at once.
  const passphrase = out === undefined ? undefined : passphraseFrom(p);
  const db = new DoppelDb(`cli-${process.pid}-${Date.now()}`);
  try {
    const imports = await importFiles(db, p.positional);
    if (out !== undefined) await saveBackup(db, out, passphrase!);
    return { imports, ...(await storeReport(db)) };
  } finally {
    await db.delete();
  }
}
