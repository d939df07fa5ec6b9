/**
 * Making and restoring a backup count as running work (src/ui/actions/running.ts), as imports do, so
 * an app update does not reload the tab halfway (UpdatePrompt waits while the count is above 0); and
 * the restore's Cancel reaches the worker's restore by its token. The workers are stood in for: the
 * calls the page makes are recorded and answered when the test says.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

interface Call {
  name: string;
  args: unknown[];
  settle: (v: unknown) => void;
  fail: (e: unknown) => void;
}
const calls: Call[] = [];
/** A worker whose every call waits until the test settles it. */
const fakeWorker = () => ({
  run: (fn: (api: unknown) => Promise<unknown>) =>
    fn(
      new Proxy(
        {},
        {
          get:
            (_, name: string) =>
            (...args: unknown[]) =>
              new Promise((settle, fail) => calls.push({ name, args, settle, fail })),
        },
      ),
    ),
});
vi.mock('../../../src/workers/index.ts', () => ({ importWorker: fakeWorker(), twinWorker: fakeWorker(), mlWorker: fakeWorker() }));
vi.mock('../../../src/ui/hooks/useWorkspace.ts', () => ({ setWorkspace: () => undefined }));
vi.mock('../../../src/data/workspace.ts', () => ({ workspaceDb: () => ({ scenarios: { count: async () => 2 } }) }));

const { makeBackup, restoreBackup } = await import('../../../src/ui/actions/backup.ts');
const { importFiles } = await import('../../../src/ui/actions/import.ts');
const { runningWork } = await import('../../../src/ui/actions/running.ts');

/** The next call the page made to a worker, once it has made it. */
async function next(name: string): Promise<Call> {
  await vi.waitFor(() => expect(calls.map((c) => c.name)).toContain(name));
  return calls.splice(
    calls.findIndex((c) => c.name === name),
    1,
  )[0]!;
}

const file = new File(['x'], 'b.doppel');

describe('backup work counts as running work', () => {
  afterEach(() => {
    calls.length = 0;
  });

  it('while a backup is made, and not after', async () => {
    const made = makeBackup({ code: 'C' });
    expect(runningWork.count()).toBe(1);
    expect(runningWork.has('backup')).toBe(true);
    (await next('createBackup')).settle({ blob: new Blob([]), fileName: 'f', bytes: 0, samples: 0, makeMs: 1 });
    await made;
    expect(runningWork.count()).toBe(0);
  });

  it('while a restore reads, puts in place and refreshes the twin, and not after; the listeners hear each change', async () => {
    const heard: number[] = [];
    const off = runningWork.subscribe(() => heard.push(runningWork.count()));
    const restored = restoreBackup(file, { code: 'C' }, () => undefined);
    expect(runningWork.has('backup')).toBe(true);
    (await next('restoreBackup')).settle({ mode: 'whole', imports: 1, samples: 3, undoneSkipped: 0 });
    // Still running while the twin is refreshed from the restored data.
    const refresh = await next('refreshSnapshot');
    expect(runningWork.count()).toBe(1);
    refresh.settle(undefined);
    expect(await restored).toMatchObject({ imports: 1, plans: 2 });
    expect(runningWork.count()).toBe(0);
    expect(heard).toEqual([1, 0]);
    off();
  });

  it('a failed or cancelled restore stops counting; Cancel asks the worker to stop that restore, by its token', async () => {
    const stop = new AbortController();
    const restored = restoreBackup(file, { code: 'C' }, () => undefined, stop.signal);
    const call = await next('restoreBackup');
    const token = call.args[4];
    expect(typeof token).toBe('string');
    stop.abort();
    const cancel = await next('cancelRestore');
    expect(cancel.args).toEqual([token]);
    call.fail(Object.assign(new Error('The restore was cancelled; nothing was changed.'), { code: 'CANCELLED' }));
    await expect(restored).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(runningWork.count()).toBe(0);
  });

  it('an import and a restore at once: the count is their sum, and says which kinds run', async () => {
    const imported = importFiles([new File(['a'], 'a.csv')], () => undefined);
    const restored = restoreBackup(file, undefined, () => undefined);
    expect(runningWork.count()).toBe(2);
    expect([runningWork.has('import'), runningWork.has('backup')]).toEqual([true, true]);
    (await next('importFiles')).settle([]);
    (await next('refreshSnapshot')).settle(undefined);
    await imported;
    expect([runningWork.has('import'), runningWork.has('backup')]).toEqual([false, true]);
    (await next('restoreBackup')).fail(new Error('no'));
    await expect(restored).rejects.toThrow('no');
    expect(runningWork.count()).toBe(0);
  });
});
