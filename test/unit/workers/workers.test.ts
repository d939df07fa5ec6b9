import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { ReadApi } from '../../../workers/read.worker.ts';
import type { TwinApi } from '../../../workers/twin.worker.ts';
import { importWorker, mlWorker, readWorker, twinWorker } from '../../../src/workers/index.ts';
import type { Forecast, ForecastResult } from '../../../src/twin/forecast.ts';
import { isAbortError } from '../../../src/rpc/errors.ts';
import { deleteWorkspace, workspaceDb } from '../../../src/data/workspace.ts';
import { countSamples } from '../../../src/data/samples.ts';

/** The forecast of an ok result (fails the test with the result's error otherwise). */
function value(r: ForecastResult): Forecast {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

afterAll(async () => {
  importWorker.terminate();
  twinWorker.terminate();
  readWorker.terminate();
  mlWorker.terminate();
  await deleteWorkspace('demo');
});

describe('worker APIs through the bridge (real Worker message passing)', () => {
  it('start lazily and answer', async () => {
    expect(importWorker.started).toBe(false);
    expect(await importWorker.run((a) => a.ping())).toBe('import');
    expect(importWorker.started).toBe(true);
    expect(await twinWorker.run((a) => a.ping())).toBe('twin');
    expect(await mlWorker.run((a) => a.ping())).toBe('ml');
    expect(await readWorker.run((a) => a.ping())).toBe('read');
  });

  it('timeline reads are served by the read worker only, never queued in the twin worker', () => {
    expectTypeOf<ReadApi>().toHaveProperty('samples');
    expectTypeOf<ReadApi>().toHaveProperty('agp');
    expectTypeOf<TwinApi>().not.toHaveProperty('samples');
    expectTypeOf<TwinApi>().not.toHaveProperty('agp');
  });

  it('twin worker: what-ifs on one ensemble, in the worker', async () => {
    const person = { sex: 'female' as const, ageYears: 52, heightM: 1.64, weightKg: 88, fastingGlucoseMgDl: 108, hba1cPercent: 5.9 };
    const [now, lose] = await twinWorker.run((a) => a.whatIf(person, [{}, { weightChangeKg: -5 }], { years: 3, members: 200, seed: 5 }));
    expect(now!.years).toEqual([0, 1, 2, 3]);
    expect(lose!.weightKg.p50[1]! - now!.weightKg.p50[1]!).toBeCloseTo(-5, 0);
    expect(lose!.t2dCumulativeProbability[3]!).toBeLessThanOrEqual(now!.t2dCumulativeProbability[3]!);
  });

  it('build the demo twin: import worker stores it, twin worker snapshots it', async () => {
    const row = await importWorker.run((a) => a.loadDemo('demo', '2026-11-21', 60));
    expect(row.status).toBe('committed');
    expect(row.added).toBeGreaterThan(5000);
    const counts = await countSamples(workspaceDb('demo'));
    expect(counts.cgm_glucose).toBe(14 * 288);
    expect(counts.steps).toBe(730);
    expect(await workspaceDb('demo').profile.get('self')).toMatchObject({ sex: 'male', heightCm: 178 });

    const again = await importWorker.run((a) => a.loadDemo('demo', '2026-11-21', 60));
    expect(again.added).toBe(0);
    expect(again.duplicates).toBe(row.added);

    const state = await twinWorker.run((a) => a.refreshSnapshot('demo'));
    expect(state.regions.map((r) => r.region)).toEqual(['metabolic', 'cardiovascular', 'activity', 'sleep', 'weight']);
    expect(state.regions.find((r) => r.region === 'metabolic')!.level).toBe('watch');
    expect(state.latest.hba1c!.value).toBeGreaterThan(5.7);
    expect(state.dataTo).toBe('2026-11-21');
    expect(await workspaceDb('demo').twinSnapshots.count()).toBe(1);

    // The demo person's own twin: calibrated to the stored history, then two what-ifs.
    const f = value(
      await twinWorker.run((a) =>
        a.forecast('demo', [{}, { weightChangeKg: -5 }], { years: 3, members: 300, nowMs: Date.UTC(2026, 10, 21, 23) }),
      ),
    );
    expect(f.calibration!.observationsUsed).toBeGreaterThan(50);
    expect(f.calibration!.historyDays).toBeGreaterThan(300);
    expect(f.calibration!.rmse.weightKg!).toBeLessThan(2);
    const [now, lose] = f.results;
    expect(lose!.weightKg.p50[1]! - now!.weightKg.p50[1]!).toBeCloseTo(-5, 0);
    expect(lose!.t2dCumulativeProbability[3]!).toBeLessThanOrEqual(now!.t2dCumulativeProbability[3]!);
    expect(f.crossChecks).toHaveLength(2);
    expect(f.cvd).toHaveLength(2);
    expect(f.crossChecks[1]).toMatchObject({ model: expect.stringMatching(/^QDiabetes-2018 [ABC]$/), twin10yPercent: null, agree: null });
    expect(f.progression).toMatchObject({ source: expect.stringMatching(/^QDiabetes-2018 [ABC]$/) });
    expect(f.calibration!.reused).toBeUndefined();

    // A slider's next what-if on unchanged data, minutes later (the demo has CGM, whose daily means
    // are calendar days), reuses the calibrated ensemble: same members, same numbers.
    const opts = { years: 3, members: 300, nowMs: Date.UTC(2026, 10, 21, 23, 5) };
    const g = value(await twinWorker.run((a) => a.forecast('demo', [{ weightChangeKg: -5 }, { weightChangeKg: -8 }], opts)));
    expect(g.calibration!.reused).toBe(true);
    expect(g.results[0]).toEqual(lose);
    expect(g.results[1]!.weightKg.p50[1]!).toBeLessThan(lose!.weightKg.p50[1]!);
    // Other options calibrate afresh.
    const h = value(await twinWorker.run((a) => a.forecast('demo', [{}], { ...opts, members: 200 })));
    expect(h.calibration!.reused).toBeUndefined();
  });

  it('move typed arrays back from the worker', async () => {
    const from = Date.parse('2026-11-20T00:00:00+01:00');
    const c = await readWorker.run((a) => a.samples('demo', 'cgm_glucose', from, from + 86_400_000 - 1));
    expect(c.start).toBeInstanceOf(Float64Array);
    expect(c.n).toBe(288);
    expect(c.value.length).toBe(288);
  });

  it('carry typed errors across the boundary with their code', async () => {
    const err = await importWorker.run((a) => a.undoImport('demo', 999)).catch((e: unknown) => e);
    // Under @vitest/web-worker the worker shares this realm's Comlink module but has its own copy of
    // errors.ts, so the class may be the worker's twin of WorkerError: check what the UI relies on.
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ name: 'DataError', code: 'UNKNOWN_IMPORT', message: 'No import with id 999' });
    const range = await importWorker.run((a) => a.loadDemo('demo', 'soon', 0)).catch((e: unknown) => e);
    expect(range).toMatchObject({ name: 'RangeError', message: 'endDay "soon" is not YYYY-MM-DD' });
  });

  it('cancel: an aborted call rejects with AbortError, and the next call starts a fresh worker', async () => {
    expect(await importWorker.run((a) => a.ping())).toBe('import'); // loaded (see bridge.test.ts)
    const ac = new AbortController();
    const p = importWorker.run((a) => a.loadDemo('demo', '2026-11-21', 60), ac.signal);
    ac.abort();
    const e = await p.catch((x: unknown) => x);
    expect(isAbortError(e)).toBe(true);
    expect(importWorker.started).toBe(false);
    const pre = new AbortController();
    pre.abort();
    await expect(importWorker.run((a) => a.ping(), pre.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(await importWorker.run((a) => a.ping())).toBe('import');
  });

  it('ml: starts tfjs lazily and computes correctly on the CPU backend in Node', async () => {
    const r = await mlWorker.run((a) => a.probe());
    // Node has neither navigator.gpu, a browser wasm loader nor an OffscreenCanvas: each is skipped with a reason.
    expect(r.backend).toBe('cpu');
    expect(r.skipped.map((s) => s.backend)).toEqual(['webgpu', 'wasm', 'webgl']);
    expect(r.matMulMaxAbsError).toBeLessThan(1e-4);
  });
});
