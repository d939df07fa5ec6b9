/** The import worker's backup calls (workers/import.worker.ts composes them). Declares their types for the UI. */
import { workspaceDb } from '../data/workspace.ts';
import { backupFileName, createBackup } from './backup.ts';
import type { BackupSecret } from './format.ts';
import { restoreFile } from './reader.ts';

export interface MadeBackup {
  blob: Blob;
  fileName: string;
  bytes: number;
  samples: number;
  makeMs: number;
}

export interface RestoredBackup {
  mode: 'whole' | 'merged';
  imports: number;
  samples: number;
  undoneSkipped: number;
  /** Imports of the backup this device already held (restored here before), not added again. */
  alreadyHere: number;
}

/** Running restores by the caller's token, so that `cancelRestore` can stop one. */
const restoring = new Map<string, AbortController>();

export const backupHandlers = {
  /** A backup of the owner's whole workspace (never the demo's or a review's). */
  async createBackup(secret: BackupSecret): Promise<MadeBackup> {
    const t0 = performance.now();
    const { blob, summary } = await createBackup(workspaceDb('main'), secret);
    return { blob, fileName: backupFileName(), bytes: summary.bytes, samples: summary.samples, makeMs: performance.now() - t0 };
  },
  /**
   * Restores a backup or a JSON export into the owner's workspace, in one step; nothing changes when it
   * cannot. `cancelRestore(token)` stops it while it reads (BackupError CANCELLED, nothing changed);
   * once it puts the data in place (`committing`) it finishes.
   */
  async restoreBackup(
    file: Blob,
    fileName: string,
    secret?: BackupSecret,
    onProgress?: (p: { phase: 'reading' | 'committing'; rows: number }) => void,
    token?: string,
  ): Promise<RestoredBackup> {
    // Passed on at most every 250 ms (each call is a message to the page), the first at once (even in a
    // worker started less than 250 ms ago), and always at committing.
    let last = -Infinity;
    const progress = (p: { phase: 'reading' | 'committing'; rows: number }): void => {
      const now = performance.now();
      if (p.phase === 'reading' && now - last < 250) return;
      last = now;
      void onProgress?.(p);
    };
    const ac = new AbortController();
    if (token) restoring.set(token, ac);
    try {
      const r = await restoreFile(workspaceDb('main'), file, fileName, secret, {
        signal: ac.signal,
        ...(onProgress ? { onProgress: progress } : {}),
      });
      return { mode: r.mode, imports: r.imports.length, samples: r.samples, undoneSkipped: r.undoneSkipped, alreadyHere: r.alreadyHere };
    } finally {
      if (token) restoring.delete(token);
    }
  },
  cancelRestore(token: string): void {
    restoring.get(token)?.abort();
  },
};
