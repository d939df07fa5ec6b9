/** The import worker's calls on stored data (workers/import.worker.ts composes them). */
import { forgetUndone, recoverInterruptedImports } from './imports.ts';
import { redoStep, undoStep } from './entries.ts';
import { workspaceDb, type Workspace } from './workspace.ts';
import { exportWorkspace, type ExportKind, type ExportResult } from './export.ts';
import { setSetting } from './settings.ts';
import { ensureRoom, REWRITE_BYTES } from './storage.ts';

export const dataHandlers = {
  /**
   * Removes one import's samples and recomputes the days it touched; what it removed is kept for redo.
   * A change to a hand-entered measurement is undone by putting the earlier values back (entries.ts).
   */
  async undoImport(ws: Workspace, importId: number): Promise<void> {
    // Undo rewrites the chunks and days it touched: refused before it starts on a full disk.
    await ensureRoom(REWRITE_BYTES);
    await undoStep(workspaceDb(ws), importId);
  },
  /** Puts back exactly what the latest undo removed. */
  async redoImport(ws: Workspace, importId: number): Promise<void> {
    await ensureRoom(REWRITE_BYTES);
    await redoStep(workspaceDb(ws), importId);
  },
  /** Gives up the redo: what undo kept is deleted. */
  forgetUndone(ws: Workspace, importId: number): Promise<void> {
    return forgetUndone(workspaceDb(ws), importId);
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
