/**
 * SQLite compiled to WebAssembly (sql.js 1.17, MIT), for exports that are databases (Android Health
 * Connect). It is loaded only when such a file is met: a dynamic import, so neither its JavaScript
 * nor its 0.7 MB of WebAssembly is in the app's first bundle. In the app the import worker names the
 * WebAssembly's URL (`sqlite-browser.ts`: imported with `?url`, so the build hashes it and the service
 * worker precaches it, like tfjs's); the CLI hands it the bytes from node_modules; under Vitest
 * sql.js finds its own file. Why sql.js and not @sqlite.org/sqlite-wasm: docs/benchmarks.md.
 */
import type { Database, SqlJsConfig, SqlJsStatic } from 'sql.js';
import { ImportError } from './errors.ts';

export type { Database } from 'sql.js';

let config: SqlJsConfig | (() => Promise<SqlJsConfig>) = {};
let engine: Promise<SqlJsStatic> | undefined;

/** Where the WebAssembly comes from: a URL (app), its bytes (CLI), or sql.js's own lookup (default). */
export function setSqliteWasm(where: { url: string } | { binary: () => Promise<Uint8Array> }): void {
  config = 'url' in where ? { locateFile: () => where.url } : async () => ({ wasmBinary: await where.binary() });
  engine = undefined;
}

function sqlite(): Promise<SqlJsStatic> {
  engine ??= (async () => {
    const init = (await import('sql.js')).default;
    return init(typeof config === 'function' ? await config() : config);
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

/** "SQLite format 3\0": the first 16 bytes of every SQLite database file (fileformat2.html §1.3). */
export function isSqliteHeader(head: Uint8Array): boolean {
  const sig = 'SQLite format 3\0';
  if (head.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (head[i] !== sig.charCodeAt(i)) return false;
  return true;
}

/**
 * Opens a database file held in memory, after checking what its header promises (SQLite file format
 * §1.3: the page size at offset 16, where 1 means 65,536; the page count at offset 28), so that a cut
 * file is named as such instead of failing later on a missing page. `where` names the file for messages.
 */
export async function openSqlite(bytes: Uint8Array, where: string): Promise<Database> {
  if (!isSqliteHeader(bytes)) throw new ImportError('MALFORMED', `${where} is not an SQLite database`, where);
  if (bytes.length < 100) throw new ImportError('TRUNCATED', `${where} ends inside its 100-byte header`, where);
  const raw = (bytes[16]! << 8) | bytes[17]!;
  const pageSize = raw === 1 ? 65_536 : raw;
  const pages = ((bytes[28]! << 24) >>> 0) + (bytes[29]! << 16) + (bytes[30]! << 8) + bytes[31]!;
  if (pageSize < 512 || pageSize & (pageSize - 1))
    throw new ImportError('MALFORMED', `${where} is damaged: its header gives a page size of ${raw}`, `${where} byte 16`);
  if (pages > 0 && bytes.length < pages * pageSize)
    throw new ImportError(
      'TRUNCATED',
      `${where} is cut short: its header promises ${(pages * pageSize).toLocaleString('en')} bytes, the file has ${bytes.length.toLocaleString('en')} (an interrupted copy?)`,
      `${where} byte ${bytes.length}`,
    );
  const SQL = await sqlite();
  return new SQL.Database(bytes);
}
