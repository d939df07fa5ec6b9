/** The import worker's calls on stored data (workers/import.worker.ts composes them). */
import { recoverInterruptedImports, undoImport } from './imports.ts';
import { workspaceDb, type Workspace } from './workspace.ts';
import { exportWorkspace, type ExportKind, type ExportResult } from './export.ts';
import { setSetting } from './settings.ts';
import { ensureRoom, REWRITE_BYTES } from './storage.ts';

export const dataHandlers = {
  /** Removes one import's samples and recomputes the days it touched. */
  async undoImport(ws: Workspace, importId: number): Promise<void> {
    // Undo rewrites the chunks and days it touched: refused before it starts on a full disk.
    await ensureRoom(REWRITE_BYTES);
    return undoImport(workspaceDb(ws), importId);
  },
  /** Everything the workspace holds, as Doppel JSON or a FHIR R4 Bundle (a Blob: no copy of a giant string). */
  exportWorkspace(ws: Workspace, kind: ExportKind): Promise<ExportResult> {
    return exportWorkspace(workspaceDb(ws), kind);
  },
  /**
   * The user's source priority (source keys, first wins) for steps and other totals where devices
   * overlap; recomputes every day's totals in one transaction (here, off the main thread).
   */
  async setSourceOrder(ws: Workspace, keys: string[]): Promise<void> {
    await ensureRoom(REWRITE_BYTES);
    return setSetting(workspaceDb(ws), 'sourceOrder', keys);
  },
  /** Rolls back imports left half-written by a crash; run at start-up. */
  recover(ws: Workspace): Promise<number> {
    return recoverInterruptedImports(workspaceDb(ws));
  },
};
