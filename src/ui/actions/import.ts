import * as Comlink from 'comlink';
import { DOCUMENT_SNIFF_BYTES, documentKind, type DocumentKind } from '../../import/document.ts';
import type { FileOutcome, ImportProgress } from '../../import/pipeline.ts';
import { importWorker, mlWorker, twinWorker } from '../../workers/index.ts';
import { setWorkspace } from '../hooks/useWorkspace.ts';
import { whileRunning } from './running.ts';

export type FileProgress = ImportProgress & { fileIndex: number; fileCount: number };

/** A PDF or a picture picked instead of an export: refused before the import worker sees it. */
export interface RefusedFile {
  file: string;
  kind: DocumentKind;
}

/**
 * Sets aside the PDFs and pictures among picked files (src/import/document.ts) from their first
 * bytes: they are never sent to the import worker, so nothing of them is read further or stored.
 */
export async function screenFiles(files: File[]): Promise<{ files: File[]; refused: RefusedFile[] }> {
  const out: File[] = [];
  const refused: RefusedFile[] = [];
  for (const f of files) {
    const name = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
    const kind = documentKind(new Uint8Array(await f.slice(0, DOCUMENT_SNIFF_BYTES).arrayBuffer()), f.name);
    if (kind) refused.push({ file: name, kind });
    else out.push(f);
  }
  return { files: out, refused };
}

/**
 * Imports files into the person's own workspace in the import worker, then refreshes the twin.
 * Cancelling stops the file being read: the worker rolls back what it staged and reports the file as
 * cancelled (nothing of it kept); files after it are not read.
 */
export async function importFiles(files: File[], onProgress: (p: FileProgress) => void, signal?: AbortSignal): Promise<FileOutcome[]> {
  const token = crypto.randomUUID();
  const onAbort = (): void => void importWorker.run((a) => a.cancel(token));
  signal?.addEventListener('abort', onAbort, { once: true });
  // Counted as running work: an update reload waits for it (running.ts).
  try {
    return await whileRunning('import', async () => {
      const reports = await importWorker.run((a) => a.importFiles('main', files, token, Comlink.proxy(onProgress)));
      setWorkspace('main');
      await twinWorker.run((a) => a.refreshSnapshot('main'));
      relearn();
      return reports;
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Undoes one import of the person's own data and refreshes the twin (what it removed is kept for redo). */
export async function undoImport(importId: number): Promise<void> {
  await importWorker.run((a) => a.undoImport('main', importId));
  await twinWorker.run((a) => a.refreshSnapshot('main'));
  relearn();
}

/** Puts back what the latest undo removed and refreshes the twin. */
export async function redoImport(importId: number): Promise<void> {
  await importWorker.run((a) => a.redoImport('main', importId));
  await twinWorker.run((a) => a.refreshSnapshot('main'));
  relearn();
}

/** Gives up the redo: the copy undo kept is deleted. */
export async function forgetUndone(importId: number): Promise<void> {
  await importWorker.run((a) => a.forgetUndone('main', importId));
}

/**
 * Retrains the glucose forecaster in the background when the CGM readings changed (the ml worker
 * checks; without CGM it returns at once and tfjs is not loaded). A failure shows where the
 * forecast is shown (the timeline), which asks again.
 */
export function relearn(): void {
  mlWorker.run((a) => a.ensureGlucoseModel('main')).catch(() => undefined);
}

/**
 * Every file under dropped items, folders walked recursively (drag-and-drop of a whole export
 * folder). Hidden files (".DS_Store", "._x") are left out.
 */
export async function filesFromDrop(items: DataTransferItemList): Promise<File[]> {
  const entries = [...items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.name.startsWith('.')) return;
    if (entry.isFile) {
      out.push(await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej)));
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
      if (!batch.length) break;
      for (const e of batch) await walk(e);
    }
  };
  for (const e of entries) await walk(e);
  return out;
}
