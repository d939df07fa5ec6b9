/** Import worker: parsing and storing exports happen here, never on the main thread. */
import { recoverInterruptedImports, undoImport } from '../src/data/imports.ts';
import { workspaceDb, type Workspace } from '../src/data/workspace.ts';
import { loadDemo } from '../src/import/demo.ts';
import { importBlob, type FileOutcome, type ImportProgress } from '../src/import/pipeline.ts';
import { ImportError } from '../src/import/errors.ts';
import { isAbortError } from '../src/rpc/errors.ts';
import type { ImportRow } from '../src/data/rows.ts';
import { exportWorkspace, type ExportKind, type ExportResult } from '../src/data/export.ts';
import { setSetting } from '../src/data/settings.ts';
import { createShare, openShareInto } from '../src/share/share.ts';
import type { ShareScope } from '../src/share/payload.ts';
import type { Secret } from '../src/share/format.ts';
import { transfer } from 'comlink';
import { exposeApi } from './expose.ts';

/** Running imports by the caller's token, so that `cancel` can stop one cooperatively. */
const running = new Map<string, AbortController>();

const api = {
  ping(): string {
    return 'import';
  },
  /**
   * Imports files one after another, each atomically as its own undoable import. Progress arrives
   * through the callback (a Comlink proxy). `cancel(token)` stops the current file within one read
   * chunk; nothing of that file is kept, files before it stay imported.
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
          out.push(
            await importBlob(workspaceDb(ws), f, name, {
              signal: ac.signal,
              onProgress: onProgress && ((p) => onProgress({ ...p, fileIndex: i, fileCount: files.length })),
            }),
          );
        } catch (e) {
          // One unusable file in a folder does not stop the others; a cancel stops all.
          if (isAbortError(e)) throw e;
          out.push({
            file: name,
            error:
              e instanceof ImportError
                ? { code: e.code, message: e.message }
                : { code: 'INTERNAL', message: `Doppel failed on this file: ${e instanceof Error ? e.message : String(e)}` },
          });
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
  /** Removes one import's samples and recomputes the days it touched. */
  undoImport(ws: Workspace, importId: number): Promise<void> {
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
  setSourceOrder(ws: Workspace, keys: string[]): Promise<void> {
    return setSetting(workspaceDb(ws), 'sourceOrder', keys);
  },
  /**
   * A share file of the chosen part of a workspace, sealed here (Argon2id takes ~0.16 s on this
   * machine, ~1 s on a phone): its bytes are moved, not copied, to the caller.
   */
  async createShare(
    ws: Workspace,
    scope: ShareScope,
    label: string,
    secret: Secret,
  ): Promise<{ bytes: Uint8Array; samples: number; makeMs: number }> {
    const t0 = performance.now();
    const { bytes, payload } = await createShare(workspaceDb(ws), scope, label, secret);
    const samples = payload.samples.reduce((s, x) => s + x.start.length, 0);
    return transfer({ bytes, samples, makeMs: performance.now() - t0 }, [bytes.buffer as ArrayBuffer]);
  },
  /** Opens a share file into the review workspace (emptied first); nothing is stored when it cannot be opened. */
  async openShare(bytes: Uint8Array, secret: Secret): Promise<{ label: string; sharedAt: string; samples: number }> {
    const p = await openShareInto(workspaceDb('review'), bytes, secret);
    return { label: p.label, sharedAt: p.sharedAt, samples: p.samples.reduce((s, x) => s + x.start.length, 0) };
  },
  /** Rolls back imports left half-written by a crash; run at start-up. */
  recover(ws: Workspace): Promise<number> {
    return recoverInterruptedImports(workspaceDb(ws));
  },
};

export type ImportApi = typeof api;
exposeApi(api);
