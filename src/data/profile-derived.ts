/**
 * Answers the data suggests: "physically active" from the exercise minutes a watch or phone
 * recorded. Each comes with its window and how old it is, so that one old or short week is seen
 * for what it is. They are suggestions: the person's own answer always wins
 * (src/risk/profile-builder.ts), and without an answer one stands in only when its window is long
 * and recent enough (`usable`).
 */
import { DAY_MS, dayInDeviceZone } from '../../models/util/time.ts';
import type { DoppelDb } from './db.ts';
import type { SourceKind } from './rows.ts';
import { readDaily, readSamples } from './samples.ts';

/** The window: the latest this many days that have exercise data. */
export const ACTIVITY_WINDOW_DAYS = 28;
/** Fewer days with data than this is too short a window to answer for the person. */
export const ACTIVITY_MIN_DAYS = 14;
/** A window that ended longer ago than this is too old to answer for the person. */
export const ACTIVITY_MAX_AGE_DAYS = 90;

export interface ActivityEvidence {
  /** First and last local day of the window (YYYY-MM-DD). */
  from: string;
  to: string;
  /** Days with exercise data in the window. */
  days: number;
  /** Mean exercise minutes a week over the days with data. */
  minutesPerWeek: number;
  /** What the data suggests for ADA's "150 minutes a week" and FINDRISC's "30 minutes every day". */
  physicallyActive: boolean;
  physicallyActiveDaily: boolean;
  /** The kind of device most of the window's minutes came from. */
  sourceKind: SourceKind;
  /** Whole days from the window's last day to today. */
  ageDays: number;
  /** Long and recent enough to stand in for an answer the person has not given. */
  usable: boolean;
}

const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** What the exercise data of the latest window says, or undefined without exercise data. */
export async function activityEvidence(db: DoppelDb, nowMs = Date.now()): Promise<ActivityEvidence | undefined> {
  const rows = await readDaily(db, 'exercise_minutes');
  if (!rows.length) return undefined;
  const to = rows[rows.length - 1]!.day;
  const from = new Date(dayMs(to) - (ACTIVITY_WINDOW_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const recent = rows.filter((r) => r.day >= from);
  const perDay = recent.reduce((a, r) => a + r.sum, 0) / recent.length;
  const ageDays = Math.max(0, Math.round((dayMs(dayInDeviceZone(nowMs)) - dayMs(to)) / DAY_MS));
  return {
    from: recent[0]!.day,
    to,
    days: recent.length,
    minutesPerWeek: Math.round(perDay * 7),
    physicallyActive: perDay * 7 >= 150,
    physicallyActiveDaily: perDay >= 30,
    sourceKind: await mainSourceKind(db, dayMs(recent[0]!.day) - DAY_MS, dayMs(to) + 2 * DAY_MS),
    ageDays,
    usable: recent.length >= ACTIVITY_MIN_DAYS && ageDays <= ACTIVITY_MAX_AGE_DAYS,
  };
}

async function mainSourceKind(db: DoppelDb, fromMs: number, toMs: number): Promise<SourceKind> {
  const s = await readSamples(db, 'exercise_minutes', fromMs, toMs);
  const kinds = new Map((await db.sources.toArray()).map((r) => [r.id!, r.kind]));
  const minutes: Record<SourceKind, number> = { watch: 0, phone: 0, other: 0 };
  for (let i = 0; i < s.n; i++) minutes[kinds.get(s.source[i]!) ?? 'other'] += s.value[i]!;
  return (Object.keys(minutes) as SourceKind[]).reduce((a, b) => (minutes[b] > minutes[a] ? b : a));
}
