import { describe, expect, it } from 'vitest';
import { pendingWork } from '../../../src/workers/activity.ts';
import { WorkerBridge, transfer } from '../../../src/workers/bridge.ts';
import { isAbortError } from '../../../src/rpc/errors.ts';

describe('WorkerBridge', () => {
  it('rejects pending calls with WORKER_FAILED when the worker script fails', async () => {
    const bridge = new WorkerBridge<{ ping(): string }>(
      'crashing',
      () => new Worker(new URL('./fixtures/crashing.worker.ts', import.meta.url), { type: 'module' }),
    );
    const err = await bridge.run((a) => a.ping()).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'WorkerError', code: 'WORKER_FAILED', worker: 'crashing' });
    expect((err as Error).message).toMatch(/^The crashing worker failed: /);
    expect(bridge.started).toBe(false);
  });

  const echo = (): WorkerBridge<{ sum(a: Float64Array): { sum: number; bytes: number }; wait(ms: number): Promise<string> }> =>
    new WorkerBridge('echo', () => new Worker(new URL('./fixtures/echo.worker.ts', import.meta.url), { type: 'module' }));

  it('cancelling one call settles every other call on that worker (none waits forever)', async () => {
    const bridge = echo();
    // Let the worker finish loading first: under @vitest/web-worker (not in browsers), a worker
    // terminated while its module is still being evaluated can leave the next one unanswered.
    expect(await bridge.run((a) => a.wait(1))).toBe('done');
    const ac = new AbortController();
    const other = bridge.run((a) => a.wait(60_000)).catch((e: unknown) => e);
    const mine = bridge.run((a) => a.wait(60_000), ac.signal).catch((e: unknown) => e);
    ac.abort();
    expect(isAbortError(await mine)).toBe(true);
    expect(await other).toMatchObject({
      name: 'WorkerError',
      code: 'WORKER_STOPPED',
      message: 'The echo worker stopped before answering: a call to the echo worker was cancelled',
    });
    expect(await bridge.run((a) => a.wait(1))).toBe('done');
    bridge.terminate();
  });

  it('counts calls under way until each settles, answered or stopped (the settled signal the e2e tests wait on)', async () => {
    const bridge = echo();
    expect(await bridge.run((a) => a.wait(1))).toBe('done'); // loaded first (see above)
    const seen: number[] = [];
    const off = pendingWork.subscribe(() => seen.push(pendingWork.count()));
    const before = pendingWork.count();
    const answered = bridge.run((a) => a.wait(1));
    const stopped = bridge.run((a) => a.wait(60_000)).catch((e: unknown) => e);
    expect(pendingWork.count()).toBe(before + 2);
    expect(await answered).toBe('done');
    await Promise.resolve();
    expect(pendingWork.count()).toBe(before + 1);
    bridge.terminate();
    expect(await stopped).toMatchObject({ code: 'WORKER_STOPPED' });
    await Promise.resolve();
    expect(pendingWork.count()).toBe(before);
    off();
    expect(seen).toEqual([before + 1, before + 2, before + 1, before]);
  });

  it('terminate() settles running calls too', async () => {
    const bridge = echo();
    // Loaded first, not slept on: a worker stopped while its module still loads can leave the
    // next one unanswered under @vitest/web-worker (see above).
    expect(await bridge.run((a) => a.wait(1))).toBe('done');
    const p = bridge.run((a) => a.wait(60_000)).catch((e: unknown) => e);
    bridge.terminate();
    expect(await p).toMatchObject({ code: 'WORKER_STOPPED' });
  });

  it('transfers typed arrays to the worker instead of copying them', async () => {
    const bridge = echo();
    const a = Float64Array.from({ length: 1000 }, (_, i) => i);
    const r = await bridge.run((w) => w.sum(transfer(a, [a.buffer])));
    expect(r).toEqual({ sum: 499_500, bytes: 8000 });
    expect(a.byteLength).toBe(0); // detached: moved, not copied
    bridge.terminate();
  });
});
