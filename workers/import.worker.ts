/** Import worker: parsing and storing exports, undo, exports, share files and backups, never on the main thread. */
import { importHandlers } from '../src/import/handlers.ts';
import { dataHandlers } from '../src/data/handlers.ts';
import { entryHandlers } from '../src/data/entry-handlers.ts';
import { shareHandlers } from '../src/share/handlers.ts';
import { backupHandlers } from '../src/backup/handlers.ts';
import { composeHandlers } from '../src/rpc/compose.ts';
import { exposeApi } from './expose.ts';
// The sql.js WebAssembly's precached URL, for Health Connect exports (loaded only when one is met).
import '../src/import/sqlite-browser.ts';

const api = composeHandlers({ ping: (): string => 'import' }, importHandlers, dataHandlers, entryHandlers, shareHandlers, backupHandlers);

export type ImportApi = typeof api;
exposeApi(api);
