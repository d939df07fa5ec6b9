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

// sql.js's WebAssembly for Health Connect databases, from node_modules (the CLI's bundle has no
// __dirname for sql.js to find it by); read only when such a file is met.
setSqliteWasm({ binary: async () => new Uint8Array(await readFile(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'))) });

/** `import` (usage and help: ./index.ts). */
export async function run(p: Parsed): Promise<CommandResult> {
  if (!p.positional.length) throw new UsageError('import needs at least one FILE');
  const db = new DoppelDb(`cli-${process.pid}-${Date.now()}`);
  try {
    const imports = [];
    for (const path of p.positional) {
      let blob: Blob;
      try {
        if (!statSync(path).isFile()) throw new UsageError(`${path}: not a file`);
        blob = await openAsBlob(path);
      } catch (e) {
        if (e instanceof UsageError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        throw new UsageError(`${path}: cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message)})`);
      }
      try {
        const r = await importBlob(db, blob, basename(path));
        imports.push({
          file: r.file,
          format: r.format,
          added: r.added,
          duplicates: r.duplicates,
          rejected: r.rejected,
          ignored: r.ignored,
        });
      } catch (e) {
        if (e instanceof ImportError || e instanceof DataError) throw new UsageError(`${path}: ${e.message}`);
        throw new InternalError(`${path}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return { imports, ...(await storeReport(db)) };
  } finally {
    await db.delete();
  }
}
