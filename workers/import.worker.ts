/** Import worker: parsing and storing exports happen here, never on the main thread. */
import { recoverInterruptedImports, undoImport } from '../src/data/imports.ts';
import { workspaceDb, type Workspace } from '../src/data/workspace.ts';
import { loadDemo } from '../src/import/demo.ts';
import type { ImportRow } from '../src/data/rows.ts';
import { exposeApi } from './expose.ts';

const api = {
  ping(): string {
    return 'import';
  },
  /** Generates the synthetic demo person into a workspace (normally `demo`). */
  async loadDemo(ws: Workspace, endDay: string, offsetMin: number, seed?: number): Promise<ImportRow> {
    const opts = seed === undefined ? { endDay, offsetMin } : { endDay, offsetMin, seed };
    return loadDemo(workspaceDb(ws), opts);
  },
  /** Removes one import's samples and recomputes the days it touched. */
  undoImport(ws: Workspace, importId: number): Promise<void> {
    return undoImport(workspaceDb(ws), importId);
  },
  /** Rolls back imports left half-written by a crash; run at start-up. */
  recover(ws: Workspace): Promise<number> {
    return recoverInterruptedImports(workspaceDb(ws));
  },
};

export type ImportApi = typeof api;
exposeApi(api);
