/**
 * The on-device glucose forecaster (issue 8): a small fully connected network (two hidden layers,
 * 32 and 16 ReLU units) per horizon, learning the change from the last reading over the next 30
 * or 60 minutes from the past hour of readings, the time of day and, where the export has them,
 * carbohydrate and insulin records. Trained with Adam on the person's earlier days, stopped early
 * on the days just before the held-out ones, then judged on the held-out later days against
 * persistence and a linear autoregressive model (models/ml/verdict.ts).
 * TensorFlow.js is passed in: this module runs in the ml worker, in Node tests and the benchmark.
 */
import type * as tfNamespace from '@tensorflow/tfjs';
import { fitLinear, predictLinear, type LinearModel } from '../../models/ml/baselines.ts';
import {
  cgmCoverage,
  forecastWindows,
  fromNetwork,
  historyLength,
  networkInputs,
  networkTargets,
  splitDays,
  subset,
  type DoseEvent,
} from '../../models/ml/forecast-data.ts';
import { judge, type HorizonEvaluation } from '../../models/ml/verdict.ts';
import type { CgmSeries, Windows } from '../../models/ml/windows.ts';
import { createRng, type Rng } from '../../models/util/random.ts';

type Tf = typeof tfNamespace;
export type LayersModel = tfNamespace.LayersModel;

export interface TrainOptions {
  /** Most passes over the training windows; early stopping usually ends sooner. */
  maxEpochs?: number;
  /** Epochs without a better early-stopping loss before training stops. */
  patience?: number;
  batchSize?: number;
  learningRate?: number;
  /** Seed of the initial weights. */
  seed?: number;
  /** Checked between epochs: training stops with an AbortError. */
  signal?: AbortSignal;
}

export interface TrainedHorizon {
  model: LayersModel;
  linear: LinearModel;
  evaluation: HorizonEvaluation;
  history: number;
  features: number;
  eventScales: number[];
  epochs: number;
  trainMs: number;
  /** Held-out evaluation days start here (local midnight). */
  testFromMs: number;
  testDays: number;
}

/** Carbohydrates per 50 g and insulin per 5 units: inputs of order one. */
export const EVENT_SCALES = { carbsG: 50, insulinU: 5 };

export function buildNetwork(tf: Tf, features: number, seed = 1, learningRate = 2e-3, l2 = 1e-4): LayersModel {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed * 100 + s });
  const reg = () => tf.regularizers.l2({ l2 });
  // A linear path beside two hidden layers: the network starts from what the linear model can do
  // and the hidden layers learn what it cannot (meal shapes, level-dependent slopes).
  const input = tf.input({ shape: [features] });
  const linear = tf.layers.dense({ units: 1, kernelInitializer: 'zeros', name: 'linear' }).apply(input) as tfNamespace.SymbolicTensor;
  const h1 = tf.layers.dense({ units: 32, activation: 'relu', kernelInitializer: init(1), kernelRegularizer: reg() }).apply(input);
  const h2 = tf.layers.dense({ units: 16, activation: 'relu', kernelInitializer: init(2), kernelRegularizer: reg() }).apply(h1);
  // The deep path starts at zero: before training the network is exactly its linear path.
  const deep = tf.layers
    .dense({ units: 1, kernelInitializer: 'zeros', kernelRegularizer: reg(), name: 'deep_out' })
    .apply(h2) as tfNamespace.SymbolicTensor;
  const output = tf.layers.add().apply([linear, deep]) as tfNamespace.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'meanSquaredError' });
  return model;
}

export interface Streams {
  carbs?: readonly DoseEvent[];
  insulin?: readonly DoseEvent[];
}

function streamList(s: Streams): { list: (readonly DoseEvent[])[]; scales: number[] } {
  const list: (readonly DoseEvent[])[] = [],
    scales: number[] = [];
  if (s.carbs?.length) {
    list.push(s.carbs);
    scales.push(EVENT_SCALES.carbsG);
  }
  if (s.insulin?.length) {
    list.push(s.insulin);
    scales.push(EVENT_SCALES.insulinU);
  }
  return { list, scales };
}

/** Too few continuous readings for a part of the split: a typed error, so that other failures are not mistaken for it. */
export class InsufficientDataError extends Error {
  readonly code = 'INSUFFICIENT_DATA';
  constructor(message: string) {
    super(message);
    this.name = 'InsufficientDataError';
  }
}

/**
 * Trains and judges the forecaster for one horizon. Throws InsufficientDataError when a part of the
 * split has too few windows; on any failure the network is disposed.
 */
export async function trainHorizon(
  tf: Tf,
  series: CgmSeries,
  horizonMin: number,
  streams: Streams = {},
  o: TrainOptions = {},
): Promise<TrainedHorizon> {
  const t0 = performance.now();
  const cov = cgmCoverage(series);
  const history = historyLength(cov.intervalMin);
  const { list, scales } = streamList(streams);
  const all = forecastWindows(series, horizonMin, list);
  const offset = series.offsetMin.length ? series.offsetMin[series.offsetMin.length - 1]! : 0;
  const split = splitDays(all, cov, offset, horizonMin);
  if (split.train.n < 200 || split.val.n < 20 || split.test.n === 0) {
    throw new InsufficientDataError(
      `too few continuous readings to learn from (${split.train.n} training, ${split.val.n} early-stopping and ${split.test.n} held-out windows)`,
    );
  }
  const linear = fitLinear(subset(all, (i) => all.tMs[i]! + horizonMin * 60_000 + (cov.intervalMin * 60_000) / 2 < split.testFromMs));
  const model = buildNetwork(tf, all.features, o.seed ?? 1, o.learningRate);
  try {
    const epochs = await fit(tf, model, split.train, split.val, history, scales, o).finally(() => {
      // Adam keeps its own variables; model.dispose() does not reach them.
      model.optimizer.dispose();
    });
    const modelMgDl = await predictWith(tf, model, split.test, history, scales);
    // Both baselines within the CGM range too, as the network's forecasts are.
    const clamp = (v: number): number => Math.min(400, Math.max(40, v));
    const evaluation = judge(
      horizonMin,
      { nTrain: split.train.n, nVal: split.val.n },
      split.test,
      modelMgDl,
      split.test.last.map(clamp),
      predictLinear(linear, split.test).map(clamp),
    );
    return {
      model,
      linear,
      evaluation,
      history,
      features: all.features,
      eventScales: scales,
      epochs,
      trainMs: performance.now() - t0,
      testFromMs: split.testFromMs,
      testDays: split.testDays,
    };
  } catch (e) {
    model.dispose();
    throw e;
  }
}

/**
 * Sets the linear path to the ridge solution on the network's own (scaled) training inputs, so
 * that training starts from the linear autoregressive forecast and learns what it misses.
 */
function startFromLinear(tf: Tf, model: LayersModel, x: Float32Array, train: Windows): void {
  const scaled: Windows = { ...train, x, y: networkTargets(train) };
  const { weights } = fitLinear(scaled);
  const p = train.features;
  const values = [tf.tensor2d(Float32Array.from(weights.subarray(0, p)), [p, 1]), tf.tensor1d([weights[p]!])];
  model.getLayer('linear').setWeights(values);
  tf.dispose(values);
}

async function fit(
  tf: Tf,
  model: LayersModel,
  train: Windows,
  val: Windows,
  history: number,
  scales: number[],
  o: TrainOptions,
): Promise<number> {
  const maxEpochs = o.maxEpochs ?? 60,
    patience = o.patience ?? 6;
  // At least ~40 steps an epoch: a week of readings is ~2000 windows, too few for 256-window batches.
  const batchSize = o.batchSize ?? Math.min(256, Math.max(32, 2 ** Math.floor(Math.log2(train.n / 40))));
  const xTrain = networkInputs(train, history, scales);
  startFromLinear(tf, model, xTrain, train);
  const xs = tf.tensor2d(xTrain, [train.n, train.features]);
  const ys = tf.tensor2d(networkTargets(train), [train.n, 1]);
  const xv = tf.tensor2d(networkInputs(val, history, scales), [val.n, val.features]);
  const yv = tf.tensor2d(networkTargets(val), [val.n, 1]);
  const valLoss = async (): Promise<number> => {
    const lossT = model.evaluate(xv, yv, { batchSize: 4096 }) as tfNamespace.Scalar;
    const loss = (await lossT.data())[0]!;
    lossT.dispose();
    return loss;
  };
  // Epoch 0 is the linear start: training must improve on it to replace it.
  let best = await valLoss(),
    bestWeights: tfNamespace.Tensor[] | undefined = model.getWeights().map((w) => w.clone());
  let since = 0,
    epochs = 0;
  const rng = createRng(o.seed ?? 1);
  try {
    for (let e = 0; e < maxEpochs; e++) {
      if (o.signal?.aborted) throw new DOMException('Training was cancelled', 'AbortError');
      // Shuffled by a seeded generator (tfjs's own shuffle uses Math.random): the same data and
      // seed train the same network on a backend.
      const order = tf.tensor1d(shuffled(train.n, rng), 'int32');
      const [xe, ye] = [tf.gather(xs, order), tf.gather(ys, order)];
      try {
        await model.fit(xe, ye, { epochs: 1, batchSize, shuffle: false, verbose: 0 });
      } finally {
        tf.dispose([order, xe, ye]);
      }
      epochs++;
      const loss = await valLoss();
      if (loss < best - 1e-6) {
        best = loss;
        since = 0;
        bestWeights?.forEach((w) => w.dispose());
        bestWeights = model.getWeights().map((w) => w.clone());
      } else if (++since >= patience) break;
    }
    if (bestWeights) model.setWeights(bestWeights);
  } finally {
    bestWeights?.forEach((w) => w.dispose());
    tf.dispose([xs, ys, xv, yv]);
  }
  return epochs;
}

function shuffled(n: number, rng: Rng): Int32Array {
  const a = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** The network's forecasts (mg/dL) for windows (read back asynchronously: WebGPU has no cheap synchronous read). */
export async function predictWith(
  tf: Tf,
  model: LayersModel,
  w: Windows,
  history: number,
  scales: readonly number[],
): Promise<Float32Array> {
  if (w.n === 0) return new Float32Array(0);
  const y = tf.tidy(() => model.predictOnBatch(tf.tensor2d(networkInputs(w, history, scales), [w.n, w.features])) as tfNamespace.Tensor);
  try {
    return fromNetwork(w, await y.data());
  } finally {
    y.dispose();
  }
}
