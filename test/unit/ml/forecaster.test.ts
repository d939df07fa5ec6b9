/**
 * The TensorFlow.js glucose forecaster in Node, on the cpu and the wasm backends (the browser's
 * webgpu path runs in the e2e project chromium-webgpu): it learns the synthetic person's meals and
 * beats persistence and the linear autoregressive model on held-out later days.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { generateCgm } from '../../../tools/gen/cgm.ts';
import { predictWith, trainHorizon } from '../../../src/ml/glucose-forecaster.ts';
import { latestWindow } from '../../../models/ml/forecast-data.ts';
import { modelStore } from '../../../src/ml/model-store.ts';

const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
setWasmPaths(`${wasmDir}/`);

const g = generateCgm({ days: 21, startMs: Date.UTC(2026, 0, 1), offsetMin: 60, seed: 7, withCarbs: true });
const series = { startMs: g.startMs, valueMgDl: g.valueMgDl, offsetMin: g.offsetMin };
const carbs = g.carbs.map((c) => ({ startMs: c.startMs, amount: c.grams }));

describe.each(['cpu', 'wasm'] as const)('glucose forecaster on the %s backend', (backend) => {
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    expect(tf.getBackend()).toBe(backend);
  });

  it.each([30, 60])('%i min ahead: beats both baselines on the held-out days (with meal records)', async (h) => {
    const t = await trainHorizon(tf, series, h, { carbs }, { seed: 1 });
    const e = t.evaluation;
    // 21 days: 5 held out, 3 for early stopping; windows only from continuous readings.
    expect(e.nTest).toBeGreaterThan(1000);
    expect(e.nTrain).toBeGreaterThan(3000);
    expect(t.features).toBe(12 + 2 + 4);
    expect(t.epochs).toBeGreaterThan(2);
    expect(e.model.rmseMgDl).toBeLessThan(0.8 * e.persistence.rmseMgDl);
    expect(e.model.rmseMgDl).toBeLessThan(e.linear.rmseMgDl);
    expect(e.beatsBaselines).toBe(
      e.model.mardPercent <= 0.98 * Math.min(e.persistence.mardPercent, e.linear.mardPercent) &&
        e.model.rmseMgDl <= 0.98 * Math.min(e.persistence.rmseMgDl, e.linear.rmseMgDl),
    );
    if (process.env.SHOW_EVAL) console.log(h, e.model.rmseMgDl, e.linear.rmseMgDl, e.model.mardPercent, e.linear.mardPercent);
    expect(e.model.clarke.A).toBeGreaterThan(e.persistence.clarke.A);
    expect(e.model.clarke.A + e.model.clarke.B).toBeGreaterThan(99.5);
    expect(e.band.lowMgDl).toBeLessThan(0);
    expect(e.band.highMgDl).toBeGreaterThan(0);
    t.model.dispose();
  });

  it('without meal records it still learns the daily pattern; saved and loaded, it forecasts the same', async () => {
    const t = await trainHorizon(tf, series, 30, {}, { seed: 2, maxEpochs: 8 });
    expect(t.features).toBe(14);
    expect(t.evaluation.model.rmseMgDl).toBeLessThan(t.evaluation.persistence.rmseMgDl);
    const w = latestWindow(series)!;
    const before = (await predictWith(tf, t.model, w, t.history, t.eventScales))[0]!;
    const store = modelStore(tf);
    expect(store.kind).toBe('memory'); // tfjs has no IndexedDB handler in Node
    await store.save(`test-${backend}`, t.model);
    const loaded = (await store.load(`test-${backend}`))!;
    expect((await predictWith(tf, loaded, w, t.history, t.eventScales))[0]).toBeCloseTo(before, 4);
    expect(await store.load('absent')).toBeUndefined();
    t.model.dispose();
    loaded.dispose();
  });

  it('stops between epochs when cancelled, and frees its tensors', async () => {
    const ac = new AbortController();
    ac.abort();
    const before = tf.memory().numTensors;
    await expect(trainHorizon(tf, series, 30, {}, { signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
    // The network is disposed with the training tensors.
    expect(tf.memory().numTensors).toBe(before);
  });

  it('too little continuous data is refused with a reason', async () => {
    const short = generateCgm({ days: 3, startMs: Date.UTC(2026, 0, 1), seed: 3 });
    await expect(trainHorizon(tf, short, 30)).rejects.toMatchObject({
      name: 'InsufficientDataError',
      code: 'INSUFFICIENT_DATA',
      message: expect.stringMatching(/too few continuous readings to learn from/),
    });
  });
});
