/** The ml worker's calls (workers/ml.worker.ts composes them). Declares their types for the UI. */
import { loadBackend, type BackendName } from './backend.ts';
import { ensureGlucoseModel, forecastGlucose, type ForecastOutcome, type TrainOutcome } from './glucose-service.ts';
import { personalBaselines, type BaselinesResult } from './baselines-service.ts';
import type { Workspace } from '../data/workspace.ts';

export interface ProbeResult {
  backend: BackendName;
  skipped: { backend: BackendName; reason: string }[];
  /** C = A·B for a fixed 64×64 case, checked against a plain-JS product. */
  matMulMaxAbsError: number;
  matMulMs: number;
}

/** Starts tfjs (once) and proves the chosen backend computes correctly. */
async function probe(order?: BackendName[]): Promise<ProbeResult> {
  const { tf, backend, skipped } = await loadBackend(order);
  const n = 64;
  const a = new Float32Array(n * n),
    b = new Float32Array(n * n);
  for (let i = 0; i < n * n; i++) {
    a[i] = ((i * 37) % 17) / 17 - 0.5;
    b[i] = ((i * 11) % 13) / 13 - 0.5;
  }
  const t0 = performance.now();
  const c = tf.tidy(() => tf.matMul(tf.tensor2d(a, [n, n]), tf.tensor2d(b, [n, n])));
  const got = await c.data();
  const matMulMs = performance.now() - t0;
  c.dispose();
  let err = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k]! * b[k * n + j]!;
      err = Math.max(err, Math.abs(s - got[i * n + j]!));
    }
  }
  return { backend, skipped, matMulMaxAbsError: err, matMulMs };
}

export const mlHandlers = {
  probe,
  /** Trains the glucose forecaster when the workspace's CGM readings changed since the last training. */
  ensureGlucoseModel(ws: Workspace, force = false): Promise<TrainOutcome> {
    return ensureGlucoseModel(ws, { force });
  },
  /** 30- and 60-minute forecasts from the newest readings (the model must exist). */
  forecastGlucose(ws: Workspace): Promise<ForecastOutcome> {
    return forecastGlucose(ws);
  },
  /** Personal baselines and sustained deviations from them (no tfjs: robust statistics). */
  personalBaselines(ws: Workspace): Promise<BaselinesResult> {
    return personalBaselines(ws);
  },
};
