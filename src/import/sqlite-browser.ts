/**
 * The app's sql.js WebAssembly: imported with `?url`, so the build emits it with a hashed name and
 * the service worker precaches it (vite.config.ts globPatterns take *.wasm); fetched only when a
 * database export is imported. The import worker's entry imports this module (a URL string, not the
 * WebAssembly itself).
 */
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { setSqliteWasm } from './sqlite.ts';

// Under Node (Vitest's worker shim) the URL is a dev-server path sql.js cannot read: it finds its own file.
const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
if (!node) setSqliteWasm({ url: wasmUrl });
