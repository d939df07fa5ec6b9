import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import { importWorker, mlWorker, readWorker, twinWorker } from '../../../src/workers/index.ts';
import { deleteWorkspace, workspaceDb } from '../../../src/data/workspace.ts';
import { saveProfileForm } from '../../../src/data/profile.ts';
import { composeHandlers } from '../../../src/rpc/compose.ts';
import type { ErrorInfo, Result } from '../../../src/rpc/result.ts';
import type { TwinApi } from '../../../workers/twin.worker.ts';
import type { ReadApi } from '../../../workers/read.worker.ts';
import type { MlApi } from '../../../workers/ml.worker.ts';
import type { FileOutcome } from '../../../src/import/pipeline.ts';

afterAll(async () => {
  for (const w of [importWorker, twinWorker, readWorker, mlWorker]) w.terminate();
  await deleteWorkspace('main');
});

describe('one result shape across the worker calls', () => {
  it('is the type of every call whose answer can be missing for a reason the person is shown', () => {
    expectTypeOf<Awaited<ReturnType<TwinApi['forecast']>>>().toExtend<Result<unknown>>();
    expectTypeOf<Awaited<ReturnType<ReadApi['agp']>>>().toExtend<Result<unknown>>();
    expectTypeOf<Awaited<ReturnType<MlApi['forecastGlucose']>>>().toExtend<Result<unknown>>();
    // A batch's item failures carry the same error shape.
    expectTypeOf<Extract<FileOutcome, { error: unknown }>['error']>().toEqualTypeOf<ErrorInfo>();
  });

  it('arrives through the real workers as { ok: false, error: { code, message, detail? } }', async () => {
    await saveProfileForm(workspaceDb('main'), { heightCm: 170 });
    const f = await twinWorker.run((a) => a.forecast('main', [{}], { members: 50 }));
    expect(f).toEqual({
      ok: false,
      error: { code: 'CANNOT_SIMULATE', message: 'profile.sex is needed to simulate', detail: { kind: 'missing', field: 'sex' } },
    });
    expect(await readWorker.run((a) => a.agp('main', 14))).toEqual({ ok: false, error: { code: 'NO_CGM', message: 'no CGM readings' } });
    expect(await mlWorker.run((a) => a.forecastGlucose('main'))).toEqual({
      ok: false,
      error: { code: 'NO_MODEL', message: 'no model yet' },
    });
  });

  it('leaves faults to thrown errors that keep their code', async () => {
    await expect(importWorker.run((a) => a.undoImport('main', 42))).rejects.toMatchObject({ name: 'DataError', code: 'UNKNOWN_IMPORT' });
  });

  it('is composed from domains that may not declare the same call twice', () => {
    const api = composeHandlers({ a: () => 1 }, { b: (x: number) => x + 1 });
    expect(api.b(api.a())).toBe(2);
    expect(() => composeHandlers({ a: () => 1 }, { a: () => 2 })).toThrow('Two domains declare the worker call "a"');
  });
});
