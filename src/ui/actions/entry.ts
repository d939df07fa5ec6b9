/**
 * Entering, changing and deleting a measurement by hand: in the import worker, in the person's own
 * workspace, then the twin is refreshed from a new snapshot exactly as after an import (import.ts).
 */
import type { EntryDraft, EntryUnits } from '../../../models/entry/measurement-entry.ts';
import type { ImportRow } from '../../data/rows.ts';
import { importWorker, twinWorker } from '../../workers/index.ts';
import { setWorkspace } from '../hooks/useWorkspace.ts';

async function refreshed<T>(work: Promise<T>): Promise<T> {
  const out = await work;
  setWorkspace('main');
  await twinWorker.run((a) => a.refreshSnapshot('main'));
  return out;
}

export function saveEntry(draft: EntryDraft, units: EntryUnits): Promise<ImportRow> {
  return refreshed(importWorker.run((a) => a.saveEntry('main', draft, units)));
}

export function editEntry(importId: number, draft: EntryDraft, units: EntryUnits): Promise<ImportRow> {
  return refreshed(importWorker.run((a) => a.editEntry('main', importId, draft, units)));
}

export function deleteEntry(importId: number): Promise<void> {
  return refreshed(importWorker.run((a) => a.deleteEntry('main', importId)));
}
