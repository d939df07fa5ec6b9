/**
 * The glucose forecaster's benchmark cases (issue 8), shared by Chromium's worker and Node: train
 * both horizons on 14 and 90 days of synthetic 5-minute CGM, then time single forecasts.
 */
import type * as tfNamespace from '@tensorflow/tfjs';
import { generateCgm } from '../../gen/cgm.ts';
import { predictWith, trainHorizon } from '../../../src/ml/glucose-forecaster.ts';
import { HORIZONS_MIN, latestWindow } from '../../../models/ml/forecast-data.ts';

export interface MlBenchRow {
  backend: string;
  days: number;
  /** Both horizons, ms. */
  trainMs: number;
  epochs: string;
  windows: number;
  /** One forecast (one window through the network and read back), ms: median and max of 50 blocks of 10. */
  inferMedianMs: number;
  inferMaxMs: number;
  /** Held-out RMSE, mg/dL, at 30 and 60 min: model / persistence / linear. */
  rmse: string;
  beats: string;
}

export async function mlCase(tf: typeof tfNamespace, backend: string, days: number): Promise<MlBenchRow> {
  const g = generateCgm({ days, startMs: Date.UTC(2026, 0, 1), seed: 42 });
  const series = { startMs: g.startMs, valueMgDl: g.valueMgDl, offsetMin: g.offsetMin };
  const t0 = performance.now();
  const trained = [];
  for (const h of HORIZONS_MIN) trained.push(await trainHorizon(tf, series, h, {}, { seed: 1 }));
  const trainMs = performance.now() - t0;
  const w =
    latestWindow(series) ??
    latestWindow({
      ...series,
      startMs: series.startMs.slice(0, -30),
      valueMgDl: series.valueMgDl.slice(0, -30),
      offsetMin: series.offsetMin.slice(0, -30),
    });
  if (!w) throw new Error('no continuous last hour in the synthetic series');
  const m = trained[0]!;
  for (let i = 0; i < 5; i++) await predictWith(tf, m.model, w, m.history, m.eventScales);
  // Timed in blocks of 10 forecasts: a worker's clock may be coarser than one forecast (100 µs in Chromium).
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const s = performance.now();
    for (let k = 0; k < 10; k++) await predictWith(tf, m.model, w, m.history, m.eventScales);
    times.push((performance.now() - s) / 10);
  }
  times.sort((a, b) => a - b);
  const f = (x: number): string => x.toFixed(1);
  const row: MlBenchRow = {
    backend,
    days,
    trainMs,
    epochs: trained.map((t) => t.epochs).join('/'),
    windows: trained.reduce((s, t) => s + t.evaluation.nTrain + t.evaluation.nVal + t.evaluation.nTest, 0),
    inferMedianMs: times[25]!,
    inferMaxMs: times[49]!,
    rmse: trained
      .map((t) => `${f(t.evaluation.model.rmseMgDl)} / ${f(t.evaluation.persistence.rmseMgDl)} / ${f(t.evaluation.linear.rmseMgDl)}`)
      .join(' · '),
    beats: trained.map((t) => (t.evaluation.beatsBaselines ? 'yes' : 'no')).join('/'),
  };
  for (const t of trained) t.model.dispose();
  return row;
}
