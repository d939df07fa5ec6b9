import type { ImportApi } from '../../workers/import.worker.ts';
import type { MlApi } from '../../workers/ml.worker.ts';
import type { ReadApi } from '../../workers/read.worker.ts';
import type { TwinApi } from '../../workers/twin.worker.ts';
import { WorkerBridge } from './bridge.ts';

export { pendingWork } from './activity.ts';

/** One lazily started worker per compute domain. */
export const importWorker = new WorkerBridge<ImportApi>(
  'import',
  () => new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'doppel-import' }),
);

export const twinWorker = new WorkerBridge<TwinApi>(
  'twin',
  () => new Worker(new URL('../../workers/twin.worker.ts', import.meta.url), { type: 'module', name: 'doppel-twin' }),
);

/** Timeline reads (samples, AGP): never queued behind a calibration in the twin worker. */
export const readWorker = new WorkerBridge<ReadApi>(
  'read',
  () => new Worker(new URL('../../workers/read.worker.ts', import.meta.url), { type: 'module', name: 'doppel-read' }),
);

export const mlWorker = new WorkerBridge<MlApi>(
  'ml',
  () => new Worker(new URL('../../workers/ml.worker.ts', import.meta.url), { type: 'module', name: 'doppel-ml' }),
);

/** Every worker: stopped together before a workspace is deleted (a running call could write into it again). */
export const allWorkers = [importWorker, twinWorker, readWorker, mlWorker] as const;

/** Stops every worker and starts none until `resumeWorkers` ("Delete everything", in any tab). */
export function pauseWorkers(): void {
  WorkerBridge.paused = true;
  for (const w of allWorkers) w.terminate('everything is being deleted');
}

export function resumeWorkers(): void {
  WorkerBridge.paused = false;
}
