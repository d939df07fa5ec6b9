import type { MetricId } from '../../models/metrics.ts';
import { twinStatus, type RegionStatus, type StatusInputs } from '../../models/twin/status.ts';
import { DAY_MS } from '../../models/util/time.ts';
import { FLAG_FASTING } from '../../models/samples.ts';
import { sleepHoursPerNight } from '../../models/twin/sleep.ts';
import type { DoppelDb } from '../data/db.ts';
import { workspaceDb, type Workspace } from '../data/workspace.ts';
import { getProfile } from '../data/profile.ts';
import { ENTRY_SOURCE_KEY } from '../data/entry-source.ts';
import type { DailyRow } from '../data/rows.ts';
import { readDaily, readSamples } from '../data/samples.ts';
import { addSnapshot } from '../data/twin.ts';
import { anchorProgression } from '../../models/twin/anchor.ts';
import { calibrate, type CalibrationResult } from '../../models/twin/calibrate.ts';
import { forecastBands, type StoredForecast } from '../../models/twin/track-record.ts';
import { trackRecord, type TrackRecord } from './track-record.ts';
import { twinInputs } from './forecast-inputs.ts';

export const SNAPSHOT_ENGINE = 'status-v3';

export interface LatestValue {
  value: number;
  atMs: number;
  /** For glucose: the source marked this reading as fasting. */
  fasting?: boolean;
  /** The person entered this reading by hand (its source is "entered by you", src/data/entries.ts). */
  entered?: boolean;
  /** Change against the value about a year (weight, labs) or four weeks (daily metrics) earlier. */
  delta?: number;
  deltaDays?: number;
}

export interface SnapshotState {
  /** The calibrated forecast under no change (absent when the profile cannot be simulated). */
  forecast?: StoredForecast;
  /** How the twin was calibrated for this snapshot: what it used and how well it fits. */
  calibration?: {
    observationsUsed: number;
    historyDays: number;
    rmse: CalibrationResult['rmse'];
    /** What the forecast rests on (absent in snapshots stored before it was reported). */
    restsOn?: CalibrationResult['restsOn'];
  };
  /** Earlier snapshots' forecasts scored against data that arrived after them. */
  trackRecord?: TrackRecord;
  regions: RegionStatus[];
  inputs: StatusInputs;
  latest: Partial<Record<MetricId, LatestValue>>;
  /** The first and last local day with any data (every metric: the range the timeline and the share preview show). */
  dataFrom?: string;
  dataTo?: string;
  /** A quick snapshot (the data's status only): the twin's calibrated forecast follows in the next one. */
  pending?: boolean;
}

const INSTANT_LATEST: MetricId[] = [
  'body_weight',
  'hba1c',
  'blood_glucose',
  'systolic_bp',
  'diastolic_bp',
  'resting_heart_rate',
  'total_cholesterol',
  'hdl_cholesterol',
  'ldl_cholesterol',
  'triglycerides',
  'cgm_glucose',
];

/**
 * Builds the twin's current state from the stored data and records it as a snapshot. `quick` records
 * the data's status alone (latest values, regions), marked pending, so that a screen can show the
 * twin at once (the demo, on a slow phone) while the full refresh calibrates.
 */
export async function refreshSnapshot(db: DoppelDb, now = Date.now(), o: { quick?: boolean } = {}): Promise<SnapshotState> {
  const latest: SnapshotState['latest'] = {};
  for (const m of INSTANT_LATEST) {
    const rows = await readDaily(db, m);
    const last = rows[rows.length - 1];
    if (!last) continue;
    const lv: LatestValue = { value: last.last, atMs: last.lastT };
    const ref = nearestBefore(rows, last.lastT - 365 * DAY_MS);
    if (ref) {
      lv.delta = last.last - ref.last;
      lv.deltaDays = Math.round((last.lastT - ref.lastT) / DAY_MS);
    }
    latest[m] = lv;
  }
  await markEntered(db, latest);
  const inputs: StatusInputs = {};
  if (latest.hba1c) inputs.hba1cPercent = latest.hba1c.value;
  // Fasting thresholds apply to fasting readings only; an after-meal meter reading is not one.
  const fasting = await latestFlagged(db, 'blood_glucose', FLAG_FASTING);
  if (fasting) {
    inputs.fastingGlucoseMgDl = fasting.value;
    if (latest.blood_glucose && latest.blood_glucose.atMs === fasting.atMs) latest.blood_glucose.fasting = true;
  }
  if (latest.systolic_bp && latest.diastolic_bp) {
    inputs.systolicBpMmHg = latest.systolic_bp.value;
    inputs.diastolicBpMmHg = latest.diastolic_bp.value;
  }
  const recent = async (m: MetricId): Promise<DailyRow[]> => {
    const rows = await readDaily(db, m);
    const last = rows[rows.length - 1];
    if (!last) return [];
    const from = new Date(Date.parse(`${last.day}T00:00:00Z`) - 27 * DAY_MS).toISOString().slice(0, 10);
    return rows.filter((r) => r.day >= from);
  };
  const mean = (rows: DailyRow[]): number | undefined => (rows.length ? rows.reduce((s, r) => s + r.sum, 0) / rows.length : undefined);
  const ex = mean(await recent('exercise_minutes'));
  if (ex !== undefined) inputs.exerciseMinPerWeek = ex * 7;
  const steps = mean(await recent('steps'));
  if (steps !== undefined) inputs.stepsPerDay = steps;
  const lastSleep = await db.sampleChunks.where('[metric+month]').between(['sleep', ''], ['sleep', '\uffff']).last();
  if (lastSleep?.n) {
    const lastEnd = lastSleep.end[lastSleep.n - 1]!;
    const hours = sleepHoursPerNight(await readSamples(db, 'sleep', lastEnd - 35 * DAY_MS, lastEnd), 28);
    if (hours !== undefined) inputs.sleepHoursPerNight = hours;
  }

  if (latest.cgm_glucose) {
    const cgm = await readSamples(db, 'cgm_glucose', latest.cgm_glucose.atMs - 14 * DAY_MS, latest.cgm_glucose.atMs);
    let sum = 0,
      inRange = 0;
    for (let i = 0; i < cgm.n; i++) {
      const v = cgm.value[i]!;
      sum += v;
      if (v >= 70 && v <= 180) inRange++;
    }
    if (cgm.n) {
      inputs.cgmMeanMgDl = sum / cgm.n;
      inputs.cgmTimeInRangePercent = (100 * inRange) / cgm.n;
    }
  }
  const profile = await getProfile(db);
  if (latest.body_weight && profile?.heightCm) inputs.bmi = latest.body_weight.value / (profile.heightCm / 100) ** 2;

  const state: SnapshotState = { regions: twinStatus(inputs), inputs, latest };
  if (o.quick) state.pending = true;
  // Every full refresh re-calibrates the twin to all the data and stores its forecast; later data will score it.
  const twin = o.quick ? undefined : await twinInputs(db, now);
  if (twin?.ok) {
    const { priors } = anchorProgression(twin.person, twin.profile);
    const cal = calibrate(twin.person, twin.observations, { members: 500, seed: 1, priors });
    state.forecast = forecastBands(cal.members);
    state.calibration = { observationsUsed: cal.observationsUsed, historyDays: cal.historyDays, rmse: cal.rmse, restsOn: cal.restsOn };
  }
  const record = o.quick ? undefined : await trackRecord(db, now);
  if (record?.forecasts) state.trackRecord = record;
  // The data's range is every metric's (steps, sleep, BMI… too), as the timeline, the share preview
  // and the import show it: not only the latest values' metrics above (one indexed read per end).
  const [first, last] = await Promise.all([db.daily.orderBy('day').first(), db.daily.orderBy('day').last()]);
  if (first) state.dataFrom = first.day;
  if (last) state.dataTo = last.day;
  const lastImport = await db.imports.orderBy('id').last();
  await addSnapshot(db, {
    createdAt: now,
    engine: SNAPSHOT_ENGINE,
    watermark: { importId: lastImport?.id ?? 0, lastSampleMs: Math.max(0, ...Object.values(latest).map((l) => l.atMs)) },
    state,
  });
  return state;
}

/** The latest sample of a metric with a flag set, or undefined. */
/** Marks each latest value that a sample entered by hand holds (read from that one month's chunk). */
async function markEntered(db: DoppelDb, latest: SnapshotState['latest']): Promise<void> {
  const entered = (await db.sources.where('key').equals(ENTRY_SOURCE_KEY).first())?.id;
  if (entered === undefined) return;
  for (const [m, lv] of Object.entries(latest) as [MetricId, LatestValue][]) {
    const s = await readSamples(db, m, lv.atMs, lv.atMs + 1);
    for (let i = 0; i < s.n; i++) if (s.start[i] === lv.atMs && s.value[i] === lv.value && s.source[i] === entered) lv.entered = true;
  }
}

async function latestFlagged(db: DoppelDb, metric: MetricId, flag: number): Promise<{ value: number; atMs: number } | undefined> {
  const s = await readSamples(db, metric);
  for (let i = s.n - 1; i >= 0; i--) if (s.flags[i]! & flag) return { value: s.value[i]!, atMs: s.start[i]! };
  return undefined;
}

function nearestBefore(rows: DailyRow[], t: number): DailyRow | undefined {
  let best: DailyRow | undefined;
  for (const r of rows) {
    if (r.lastT <= t) best = r;
    else break;
  }
  return best;
}

export const snapshotHandlers = {
  /** Re-reads the workspace's data, re-calibrates and stores a new twin snapshot (shown on the twin screen). */
  refreshSnapshot(ws: Workspace, o: { quick?: boolean } = {}): Promise<SnapshotState> {
    return refreshSnapshot(workspaceDb(ws), Date.now(), o);
  },
};
