/**
 * The ml worker's glucose forecaster service: reads a workspace's CGM readings, trains and judges
 * the forecaster per horizon, keeps the networks with TensorFlow.js's IndexedDB handler and the
 * verdict in the workspace's settings, and forecasts from the newest readings. Retraining happens
 * when the readings changed since the last training (an import or an undo).
 */
import { readSamples } from '../data/samples.ts';
import { deleteWorkspaceModels, glucoseModelPath, glucoseModelPrefix, workspaceDb, type Workspace } from '../data/workspace.ts';
import { cgmCoverage, HORIZONS_MIN, latestWindow, MIN_DAYS, type DoseEvent } from '../../models/ml/forecast-data.ts';
import type { HorizonEvaluation } from '../../models/ml/verdict.ts';
import type { CgmSeries } from '../../models/ml/windows.ts';
import { loadBackend, type BackendName } from './backend.ts';
import {
  InsufficientDataError,
  predictWith,
  trainHorizon,
  type LayersModel,
  type Streams,
  type TrainedHorizon,
  type TrainOptions,
} from './glucose-forecaster.ts';
import { readDoses } from '../data/doses.ts';
import { modelStore } from './model-store.ts';
import { fail, ok, type Result } from '../rpc/result.ts';

export const RECORD_KEY = 'ml.glucose';
/** Bump when the network, its inputs or the record change: older records are retrained. */
export const FORECASTER_VERSION = 3;

export interface HorizonRecord {
  horizonMin: number;
  evaluation: HorizonEvaluation;
  epochs: number;
  trainMs: number;
  history: number;
  eventScales: number[];
  modelPath: string;
}

/** What the app keeps about the last training, in the workspace's settings table. */
export interface GlucoseModelRecord {
  version: number;
  /** The readings it learnt from: count, first and last times and their source. */
  dataKey: string;
  trainedAt: number;
  backend: BackendName;
  intervalMin: number;
  coveredDays: number;
  firstMs: number;
  lastMs: number;
  /** Held-out evaluation days start here (local midnight). */
  testFromMs: number;
  /** Local days held out. */
  testDays: number;
  /** Whether the exports' carbohydrate or rapid-acting insulin records were inputs. */
  usesCarbs: boolean;
  usesInsulin: boolean;
  horizons: HorizonRecord[];
}

/** One shape for every outcome: Comlink's types distribute over unions of promises. */
export interface TrainOutcome {
  status: 'trained' | 'unchanged' | 'insufficient' | 'none';
  /** Why there is no model (insufficient, none). */
  reason?: string;
  coveredDays?: number;
  record?: GlucoseModelRecord;
}

export interface GlucoseForecast {
  /** The backend this forecast was computed on. */
  backend: BackendName;
  record: GlucoseModelRecord;
  fromMs: number;
  lastMgDl: number;
  points: { horizonMin: number; atMs: number; mgdl: number; lowMgDl: number; highMgDl: number; shown: boolean }[];
}

/**
 * Why there is no forecast: `NO_MODEL` (none trained yet), `GAP` (a gap in the last hour of
 * readings), `MODEL_MISSING` (the saved networks are gone; the next check trains again).
 */
export type ForecastOutcome = Result<GlucoseForecast, 'NO_MODEL' | 'GAP' | 'MODEL_MISSING'>;

/** The readings of the most frequent CGM source (two overlapping sensors would interleave). */
export async function readCgm(ws: Workspace): Promise<{ series: CgmSeries; key: string }> {
  const c = await readSamples(workspaceDb(ws), 'cgm_glucose');
  const counts = new Map<number, number>();
  for (let i = 0; i < c.n; i++) counts.set(c.source[i]!, (counts.get(c.source[i]!) ?? 0) + 1);
  let source = 0,
    most = -1;
  for (const [s, k] of counts) if (k > most) [source, most] = [s, k];
  const startMs: number[] = [],
    valueMgDl: number[] = [],
    offsetMin: number[] = [];
  for (let i = 0; i < c.n; i++) {
    if (c.source[i] !== source) continue;
    if (startMs.length && c.start[i]! <= startMs[startMs.length - 1]!) continue;
    startMs.push(c.start[i]!);
    valueMgDl.push(c.value[i]!);
    offsetMin.push(c.offsetMin[i]!);
  }
  const n = startMs.length;
  return {
    series: { startMs, valueMgDl, offsetMin },
    key: `v${FORECASTER_VERSION}|${source}|${n}|${startMs[0] ?? 0}|${startMs[n - 1] ?? 0}`,
  };
}

/** A stream is an input only with at least this many records within the CGM's span. */
export const MIN_DOSE_RECORDS = 10;

export interface ForecastInputs {
  series: CgmSeries;
  /** Carbohydrate and rapid-acting insulin records within the CGM's span, where there are enough. */
  streams: Streams;
  /** What the model would learn from: a change means retraining. */
  key: string;
}

/**
 * The CGM readings and, where the exports had them, the carbohydrate and insulin records (of every
 * source: the same meal recorded by two apps would count twice; exports rarely overlap so).
 */
export async function readInputs(ws: Workspace): Promise<ForecastInputs> {
  const { series, key } = await readCgm(ws);
  const db = workspaceDb(ws);
  const n = series.startMs.length;
  const from = n ? series.startMs[0]! - 3 * 3_600_000 : 0,
    to = n ? series.startMs[n - 1]! : 0;
  const streams: Streams = {};
  const parts = [key];
  for (const kind of ['carbs', 'insulin'] as const) {
    const events = (await readDoses(db, kind)).filter((d) => d.t >= from && d.t <= to).map((d) => ({ startMs: d.t, amount: d.amount }));
    if (events.length < MIN_DOSE_RECORDS) continue;
    streams[kind] = events;
    parts.push(`${kind}:${events.length}:${events.reduce((a, e) => a + e.amount, 0)}:${events.at(-1)?.startMs ?? 0}`);
  }
  return { series, streams, key: parts.join('|') };
}

export async function getRecord(ws: Workspace): Promise<GlucoseModelRecord | undefined> {
  return (await workspaceDb(ws).settings.get(RECORD_KEY))?.value as GlucoseModelRecord | undefined;
}

const inflight = new Map<Workspace, Promise<TrainOutcome>>();

/**
 * Trains when the readings changed since the last training (or `force`); otherwise reports the
 * record. Calls for a workspace while one runs wait for it and then check again (one training at a time).
 */
export function ensureGlucoseModel(
  ws: Workspace,
  o: TrainOptions & { force?: boolean; order?: BackendName[] } = {},
): Promise<TrainOutcome> {
  const before = inflight.get(ws);
  const run = (before ?? Promise.resolve()).catch(() => undefined).then(() => train(ws, o));
  const mine = run.finally(() => {
    if (inflight.get(ws) === mine) inflight.delete(ws);
  });
  inflight.set(ws, mine);
  return mine;
}

async function train(ws: Workspace, o: TrainOptions & { force?: boolean; order?: BackendName[] }): Promise<TrainOutcome> {
  const { series, streams, key } = await readInputs(ws);
  const db = workspaceDb(ws);
  const old = await getRecord(ws);
  if (!o.force && old?.dataKey === key) return { status: 'unchanged', record: old };
  const cov = cgmCoverage(series);
  if (series.startMs.length === 0) return await clear(ws, { status: 'none', reason: 'no CGM readings', coveredDays: 0 });
  if (cov.coveredDays < MIN_DAYS) {
    return await clear(ws, {
      status: 'insufficient',
      coveredDays: cov.coveredDays,
      reason: `${cov.coveredDays} of the ${MIN_DAYS} days of CGM (≥ 12 h each) needed`,
    });
  }
  const { tf, backend } = await loadBackend(o.order);
  // Both horizons are trained before anything is written: a failure leaves the previous networks
  // and their record as they were (never a new network under an old verdict).
  const trained: TrainedHorizon[] = [];
  try {
    for (const h of HORIZONS_MIN) trained.push(await trainHorizon(tf, series, h, streams, o));
  } catch (e) {
    for (const t of trained) t.model.dispose();
    if (e instanceof InsufficientDataError)
      return await clear(ws, { status: 'insufficient', coveredDays: cov.coveredDays, reason: e.message });
    throw e;
  }
  const trainedAt = Date.now();
  const store = modelStore(tf);
  const horizons: HorizonRecord[] = [];
  let record: GlucoseModelRecord;
  try {
    for (const t of trained) {
      // A path per training: the record names exactly the networks it judged.
      const path = glucoseModelPath(ws, t.evaluation.horizonMin, trainedAt.toString(36));
      await store.save(path, t.model);
      horizons.push({
        horizonMin: t.evaluation.horizonMin,
        evaluation: t.evaluation,
        epochs: t.epochs,
        trainMs: t.trainMs,
        history: t.history,
        eventScales: t.eventScales,
        modelPath: path,
      });
    }
    record = {
      version: FORECASTER_VERSION,
      dataKey: key,
      trainedAt,
      backend,
      intervalMin: cov.intervalMin,
      coveredDays: cov.coveredDays,
      firstMs: cov.firstMs,
      lastMs: cov.lastMs,
      testFromMs: trained[0]!.testFromMs,
      testDays: trained[0]!.testDays,
      usesCarbs: !!streams.carbs,
      usesInsulin: !!streams.insulin,
      horizons,
    };
    await db.settings.put({ key: RECORD_KEY, value: record });
  } catch (e) {
    for (const t of trained) t.model.dispose();
    throw e;
  }
  // From here the record names these networks: nothing below may dispose them.
  forget(ws);
  horizons.forEach((h, k) => loadedModels.set(h.modelPath, trained[k]!.model));
  // The previous training's networks (and any left by an interrupted one) go; best effort: a
  // failure leaves old entries that the next training removes.
  await store
    .removeWorkspace(
      ws,
      horizons.map((h) => h.modelPath),
    )
    .catch(() => undefined);
  return { status: 'trained', record };
}

/** No model for this workspace: its record and its networks go. */
async function clear(ws: Workspace, out: TrainOutcome): Promise<TrainOutcome> {
  await workspaceDb(ws).settings.delete(RECORD_KEY);
  forget(ws);
  await deleteWorkspaceModels(ws);
  return out;
}

/** Networks loaded in this worker, by path (a path names one training's network). */
const loadedModels = new Map<string, LayersModel>();

/** Disposes the workspace's loaded networks (their weights may sit on the GPU). */
function forget(ws: Workspace): void {
  const prefix = glucoseModelPrefix(ws);
  for (const [path, model] of loadedModels) {
    if (!path.startsWith(prefix)) continue;
    model.dispose();
    loadedModels.delete(path);
  }
}

/**
 * Forecasts 30 and 60 minutes on from the newest readings, each with its held-out 80 % range. Waits
 * for a training under way in this worker, so it never reads a record whose networks are being replaced.
 */
export async function forecastGlucose(ws: Workspace): Promise<ForecastOutcome> {
  await inflight.get(ws)?.catch(() => undefined);
  const record = await getRecord(ws);
  if (!record) return fail('NO_MODEL', 'no model yet');
  const { series, streams } = await readInputs(ws);
  // The same inputs the networks learnt from (a stream that fell under the minimum since is empty).
  const w = latestWindow(
    series,
    [record.usesCarbs ? (streams.carbs ?? []) : undefined, record.usesInsulin ? (streams.insulin ?? []) : undefined].filter(
      (x): x is DoseEvent[] => !!x,
    ),
  );
  if (!w) return fail('GAP', 'the last hour of readings has a gap');
  const { tf, backend } = await loadBackend();
  const points: GlucoseForecast['points'] = [];
  for (const h of record.horizons) {
    let model = loadedModels.get(h.modelPath);
    if (!model) {
      model = await modelStore(tf)
        .load(h.modelPath)
        .catch(() => undefined);
      if (!model) {
        // Another tab's ml worker may have trained since: only a record that still names the lost
        // network is cleared (so that the next check trains again).
        const now = await getRecord(ws);
        if (now?.trainedAt === record.trainedAt) await clear(ws, { status: 'none' });
        return fail('MODEL_MISSING', 'the saved model is missing');
      }
      loadedModels.set(h.modelPath, model);
    }
    const mgdl = (await predictWith(tf, model, w, h.history, h.eventScales))[0]!;
    const band = h.evaluation.band;
    points.push({
      horizonMin: h.horizonMin,
      atMs: w.tMs[0]! + h.horizonMin * 60_000,
      mgdl,
      lowMgDl: Math.max(40, mgdl + band.lowMgDl),
      highMgDl: Math.min(400, mgdl + band.highMgDl),
      shown: h.evaluation.beatsBaselines,
    });
  }
  return ok({ backend, record, fromMs: w.tMs[0]!, lastMgDl: w.last[0]!, points });
}
