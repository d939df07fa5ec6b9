/**
 * What the twin is calibrated to, read from the person's own stored data: the person today (profile
 * and latest values) and their history as observations (weights, fasting glucose, HbA1c, daily CGM
 * means, OGTT 2-hour glucose), days relative to `nowMs`: every value of the last five years, and of a
 * kind with none there its newest older value, however old (the calibration counts it for less:
 * models/twin/calibration/old-values.ts).
 */
import type { DoppelDb } from '../data/db.ts';
import { readDaily, readSamples } from '../data/samples.ts';
import { buildRiskProfile } from '../risk/profile-builder.ts';
import type { RiskProfile } from '../../models/risk/profile.ts';
import { FLAG_FASTING } from '../../models/samples.ts';
import type { MetricId } from '../../models/metrics.ts';
import { HISTORY_WINDOW_DAYS, type Observation, type ObservationKind } from '../../models/twin/calibrate.ts';
import type { VirtualPerson } from '../../models/twin/members.ts';
import { personFromProfile, type CannotSimulate } from '../../models/twin/person-from-profile.ts';
import type { TwinNote } from '../../models/twin/notes.ts';

const DAY_MS = 86_400_000;
const HISTORY_MS = HISTORY_WINDOW_DAYS * DAY_MS;
/** Readings a CGM day needs for its mean to count: 70 % of 288 five-minute values. */
const CGM_DAY_MIN_READINGS = 202;

export type TwinInputs =
  | { ok: true; person: VirtualPerson; profile: RiskProfile; observations: Observation[]; warnings: string[]; notes: TwinNote[] }
  | { ok: false; reason: string; why: CannotSimulate };

/**
 * Observation days are whole UTC calendar days counted back from today's (0 = today), so the inputs,
 * and the twin worker's cached ensemble keyed on them, stay the same through a day.
 */
const dayOf = (ms: number, todayStartMs: number): number => Math.floor((ms - todayStartMs) / DAY_MS);
const todayStart = (nowMs: number): number => Math.floor(nowMs / DAY_MS) * DAY_MS;

/** The readings of a metric from `fromMs` to `toMs` (with `flag` set, where given) as observations. */
async function readings(
  db: DoppelDb,
  metric: MetricId,
  kind: ObservationKind,
  fromMs: number,
  toMs: number,
  nowMs: number,
  flag: number,
): Promise<Observation[]> {
  const s = await readSamples(db, metric, fromMs, toMs);
  const t0 = todayStart(nowMs);
  const out: Observation[] = [];
  for (let i = 0; i < s.n; i++) {
    if (flag && !(s.flags[i]! & flag)) continue;
    out.push({ day: dayOf(s.start[i]!, t0), kind, value: s.value[i]! });
  }
  return out;
}

/** A metric's readings of the last five years; where there are none, its newest older reading, however old. */
async function series(db: DoppelDb, metric: MetricId, kind: ObservationKind, nowMs: number, flag = 0): Promise<Observation[]> {
  const from = todayStart(nowMs) - HISTORY_MS;
  const recent = await readings(db, metric, kind, from, nowMs, nowMs, flag);
  if (recent.length) return recent;
  return (await readings(db, metric, kind, 0, from - 1, nowMs, flag)).slice(-1);
}

/**
 * Daily means of CGM glucose on days with at least 70 % of readings (≥ 202 of 288 five-minute
 * values) in the last five years; where there are none, the newest such day before (from the daily
 * totals, in the day the readings were taken in). Today is left out while it is under way: its mean
 * so far is of the hours that have passed (the morning's glucose is not the day's), and counting it
 * once it passed 202 readings moved the twin in the late afternoon (the demo's weight band by 1 kg).
 */
async function cgmDailyMeans(db: DoppelDb, nowMs: number): Promise<Observation[]> {
  const from = todayStart(nowMs) - HISTORY_MS;
  const t0 = todayStart(nowMs);
  const s = await readSamples(db, 'cgm_glucose', from, t0 - 1);
  const days = new Map<number, [number, number]>();
  for (let i = 0; i < s.n; i++) {
    const d = dayOf(s.start[i]!, t0);
    const e = days.get(d) ?? [0, 0];
    e[0] += s.value[i]!;
    e[1]++;
    days.set(d, e);
  }
  const recent = [...days]
    .filter(([, [, c]]) => c >= CGM_DAY_MIN_READINGS)
    .map(([day, [sum, c]]) => ({ day, kind: 'meanGlucoseMgDl' as const, value: sum / c }));
  if (recent.length) return recent;
  const older = (await readDaily(db, 'cgm_glucose')).filter((r) => r.n >= CGM_DAY_MIN_READINGS && r.lastT < from).at(-1);
  return older ? [{ day: dayOf(older.lastT, t0), kind: 'meanGlucoseMgDl', value: older.sum / older.n }] : [];
}

export async function twinInputs(db: DoppelDb, nowMs = Date.now()): Promise<TwinInputs> {
  const built = await buildRiskProfile(db, nowMs);
  const person = personFromProfile(built.profile);
  if (!person.ok) return { ok: false, reason: person.reason, why: person.why };
  const observations = [
    ...(await series(db, 'body_weight', 'weightKg', nowMs)),
    ...(await series(db, 'blood_glucose', 'fastingGlucoseMgDl', nowMs, FLAG_FASTING)),
    ...(await series(db, 'hba1c', 'hba1cPercent', nowMs)),
    ...(await cgmDailyMeans(db, nowMs)),
    ...(await series(db, 'ogtt_2h_glucose', 'ogtt2hGlucoseMgDl', nowMs)),
  ];
  return { ok: true, person: person.person, profile: built.profile, observations, warnings: person.warnings, notes: person.notes };
}
