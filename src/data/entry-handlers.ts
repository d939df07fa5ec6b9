/** The import worker's calls for measurements entered by hand (workers/import.worker.ts composes them). */
import type { EntryDraft, EntryUnits } from '../../models/entry/measurement-entry.ts';
import { deleteEntry, editEntry, saveEntry } from './entries.ts';
import type { ImportRow } from './rows.ts';
import { ensureRoom, REWRITE_BYTES } from './storage.ts';
import { workspaceDb, type Workspace } from './workspace.ts';

export const entryHandlers = {
  /** Stores a new entry as one import (nothing when a value is refused: DataError INVALID_ENTRY). */
  async saveEntry(ws: Workspace, draft: EntryDraft, units: EntryUnits): Promise<ImportRow> {
    await ensureRoom(REWRITE_BYTES);
    return saveEntry(workspaceDb(ws), draft, units);
  },
  /** Replaces an entry's values in one undoable step. */
  async editEntry(ws: Workspace, importId: number, draft: EntryDraft, units: EntryUnits): Promise<ImportRow> {
    await ensureRoom(REWRITE_BYTES);
    return editEntry(workspaceDb(ws), importId, draft, units);
  },
  /** Deletes an entry (an undo of its import: Redo brings it back). */
  async deleteEntry(ws: Workspace, importId: number): Promise<void> {
    await ensureRoom(REWRITE_BYTES);
    await deleteEntry(workspaceDb(ws), importId);
  },
};
