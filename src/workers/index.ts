import type { ImportApi } from '../../workers/import.worker.ts';
import type { MlApi } from '../../workers/ml.worker.ts';
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

export const mlWorker = new WorkerBridge<MlApi>(
  'ml',
  () => new Worker(new URL('../../workers/ml.worker.ts', import.meta.url), { type: 'module', name: 'doppel-ml' }),
);
