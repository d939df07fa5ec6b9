/** The import worker's import calls (workers/import.worker.ts composes them). Declares their types for the UI. */
import { workspaceDb, type Workspace } from '../data/workspace.ts';
import type { ImportRow } from '../data/rows.ts';
import { isAbortError } from '../rpc/errors.ts';
import { loadDemo } from './demo.ts';
import { importBlob, type FileOutcome, type ImportProgress } from './pipeline.ts';
import { ImportError } from './errors.ts';
import { asStorageError, ensureRoom, importWriteBytes, StorageError } from '../data/storage.ts';
import type { ErrorInfo } from '../rpc/result.ts';
import { DataError } from '../data/errors.ts';

/** Whether a file is a zip (its first two bytes), which writes about ten times its size. */
async function isZip(f: Blob): Promise<boolean> {
  const b = new Uint8Array(await f.slice(0, 2).arrayBuffer());
  return b[0] === 0x50 && b[1] === 0x4b;
}

/** A file's failure as the person is told it: its import error, a full disk, or an internal fault. */
function failureInfo(e: unknown): ErrorInfo {
  if (e instanceof ImportError)
    return e.where ? { code: e.code, message: e.message, detail: { where: e.where } } : { code: e.code, message: e.message };
  if (e instanceof DataError) return { code: e.code, message: e.message };
  const s = asStorageError(e);
  if (s instanceof StorageError) return { code: s.code, message: s.message, detail: s.detail };
  return { code: 'INTERNAL', message: `Doppel failed on this file: ${e instanceof Error ? e.message : String(e)}` };
}

/** Running imports by the caller's token, so that `cancel` can stop one cooperatively. */
const running = new Map<string, AbortController>();

export const importHandlers = {
  /**
   * Imports files one after another, each atomically as its own undoable import. Progress arrives
   * through the callback (a Comlink proxy). `cancel(token)` stops the current file within one read
   * chunk: nothing of that file is kept (its staged samples are rolled back before this returns), it
   * is reported as cancelled, files before it stay imported and files after it are not read.
   */
  async importFiles(
    ws: Workspace,
    files: File[],
    token: string,
    onProgress?: (p: ImportProgress & { fileIndex: number; fileCount: number }) => void,
  ): Promise<FileOutcome[]> {
    const ac = new AbortController();
    running.set(token, ac);
    try {
      const out: FileOutcome[] = [];
      for (const [i, f] of files.entries()) {
        const name = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
        try {
          // Refused before the first write when the disk cannot hold it (storage.ts).
          await ensureRoom(importWriteBytes(f.size, await isZip(f)));
          out.push(
            await importBlob(workspaceDb(ws), f, name, {
              signal: ac.signal,
              onProgress: onProgress && ((p) => onProgress({ ...p, fileIndex: i, fileCount: files.length })),
            }),
          );
        } catch (e) {
          // One unusable file in a folder does not stop the others; a cancel stops all.
          if (isAbortError(e)) {
            out.push({ file: name, cancelled: true });
            break;
          }
          out.push({ file: name, error: failureInfo(e) });
        }
      }
      return out;
    } finally {
      running.delete(token);
    }
  },
  cancel(token: string): void {
    running.get(token)?.abort();
  },
  /** Generates the synthetic demo person into a workspace (normally `demo`). */
  async loadDemo(ws: Workspace, endDay: string, offsetMin: number, seed?: number): Promise<ImportRow> {
    // The demo's CGM stops now (its daily data run to the end of today, as a day's totals do).
    const opts = seed === undefined ? { endDay, offsetMin, untilMs: Date.now() } : { endDay, offsetMin, seed, untilMs: Date.now() };
    return loadDemo(workspaceDb(ws), opts);
  },
};
