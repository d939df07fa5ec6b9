import * as Comlink from 'comlink';
import type { BackupSecret } from '../../backup/format.ts';
import type { MadeBackup, RestoredBackup } from '../../backup/handlers.ts';
import { workspaceDb } from '../../data/workspace.ts';
import { importWorker, twinWorker } from '../../workers/index.ts';
import { setWorkspace } from '../hooks/useWorkspace.ts';
import { relearn } from './import.ts';
import { noteBackup } from './backup-date.ts';
import { whileRunning } from './running.ts';

/**
 * Makes the backup of the person's own workspace in the import worker and records when. Counted as
 * running work: an app update does not reload the tab under it (running.ts).
 */
export async function makeBackup(secret: BackupSecret): Promise<MadeBackup> {
  const made = await whileRunning('backup', () => importWorker.run((a) => a.createBackup(secret)));
  noteBackup(Date.now());
  return made;
}

export type RestoreStep = { phase: 'reading' | 'committing'; rows: number } | { phase: 'refreshing' };

/**
 * Restores a backup (or Doppel's JSON export) into the person's own workspace in the import worker,
 * in one step, then refreshes the twin as after an import. Returns what came back and how many
 * saved plans the twin now has. Aborting `signal` while the file is read stops it with nothing
 * changed (a WorkerError `CANCELLED`); once the data are being put in place it finishes. Counted as
 * running work, so an app update waits for it (running.ts).
 */
export async function restoreBackup(
  file: File,
  secret: BackupSecret | undefined,
  onStep: (s: RestoreStep) => void,
  signal?: AbortSignal,
): Promise<RestoredBackup & { plans: number }> {
  const token = crypto.randomUUID();
  const onAbort = (): void => void importWorker.run((a) => a.cancelRestore(token));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await whileRunning('backup', async () => {
      const r = await importWorker.run((a) => a.restoreBackup(file, file.name, secret, Comlink.proxy(onStep), token));
      onStep({ phase: 'refreshing' });
      setWorkspace('main');
      await twinWorker.run((a) => a.refreshSnapshot('main'));
      relearn();
      const plans = await workspaceDb('main').scenarios.count();
      return { ...r, plans };
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
