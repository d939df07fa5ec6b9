import { describe, expect, it } from 'vitest';
import { WorkerBridge } from '../../../src/workers/bridge.ts';

describe('WorkerBridge', () => {
  it('rejects pending calls with WORKER_FAILED when the worker script fails', async () => {
    const bridge = new WorkerBridge<{ ping(): string }>('crashing', () =>
      new Worker(new URL('./fixtures/crashing.worker.ts', import.meta.url), { type: 'module' }));
    const err = await bridge.run((a) => a.ping()).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'WorkerError', code: 'WORKER_FAILED', worker: 'crashing' });
    expect((err as Error).message).toMatch(/^The crashing worker failed: /);
    expect(bridge.started).toBe(false);
  });
});
