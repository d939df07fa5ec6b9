/**
 * Wall-clock times in a named IANA time zone (Asia/Tokyo, Europe/London), with the zone rules of the
 * runtime's Intl (ECMA-402), not of the runtime's own zone. An export without UTC offsets (LibreView,
 * Dexcom Clarity, a CSV) writes wall-clock times; the importer places them in a zone it chooses
 * (docs/import-formats.md "Time"), which need not be the zone the device is in now.
 */
import { DAY_MS, MINUTE_MS } from './time.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offsets by zone and UTC day: the day's one offset, or NaN when a transition falls in that day. */
const byDay = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS = 200_000;
/** Two days inside the Date range (±8.64e15 ms), so that every instant probed around a time is valid. */
const MAX_DATE_MS = 8.64e15 - 2 * DAY_MS;

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether the runtime knows this IANA zone name. */
export function isKnownZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The runtime's own zone (the importing device's), or UTC where the runtime does not say. */
export function runtimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function exactOffsetMin(zone: string, epochMs: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(epochMs)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((wall - Math.floor(epochMs / 1000) * 1000) / MINUTE_MS);
}

/** UTC offset of a zone at an instant, minutes east of UTC (Asia/Tokyo: 540). */
export function zoneOffsetMin(zone: string, epochMs: number): number {
  // Beyond what a Date can hold (a corrupt field): no zone; the importer rejects such a time.
  if (!(Math.abs(epochMs) < MAX_DATE_MS)) return 0;
  let days = byDay.get(zone);
  if (!days) byDay.set(zone, (days = new Map()));
  const day = Math.floor(epochMs / DAY_MS);
  let off = days.get(day);
  if (off === undefined) {
    if (days.size > MAX_CACHED_DAYS) days.clear();
    const a = exactOffsetMin(zone, day * DAY_MS);
    off = a === exactOffsetMin(zone, day * DAY_MS + DAY_MS - 1) ? a : NaN;
    days.set(day, off);
  }
  return Number.isNaN(off) ? exactOffsetMin(zone, epochMs) : off;
}

/**
 * Epoch ms of a wall-clock time (read as if UTC) in a zone. A time the zone repeats (clocks go back)
 * is its first occurrence; a time the zone skips (clocks go forward) is read with the offset before
 * the jump, so it lands that much later: the `Date` constructor's and Temporal's "compatible" rule.
 */
export function zonedWallToEpoch(zone: string, wallMs: number): number {
  const before = zoneOffsetMin(zone, wallMs - DAY_MS);
  const after = zoneOffsetMin(zone, wallMs + DAY_MS);
  let best = Infinity;
  for (const off of before === after ? [before] : [before, after]) {
    const t = wallMs - off * MINUTE_MS;
    if (zoneOffsetMin(zone, t) === off) best = Math.min(best, t);
  }
  return best === Infinity ? wallMs - before * MINUTE_MS : best;
}

/**
 * The zone among `candidates` that gives every probe (an instant and the offset it was stored with)
 * its offset, or undefined. Used to name the zone an earlier import assumed from what it stored. The
 * first candidate wins where it fits (the caller puts the device's zone first); otherwise, of the
 * zones that fit, the one whose offsets were the same on the same dates in the most of the ten
 * surrounding years (Asia/Tokyo, at +09:00 since 1951, over Asia/Chita, at +09:00 only since 2016).
 */
export function zoneMatching(probes: readonly { ms: number; offsetMin: number }[], candidates: readonly string[]): string | undefined {
  const fits = candidates.filter((z) => isKnownZone(z) && probes.every((p) => zoneOffsetMin(z, p.ms) === p.offsetMin));
  if (fits.length <= 1 || fits[0] === candidates[0]) return fits[0];
  const YEAR_MS = 365.2425 * DAY_MS;
  const score = (z: string): number => {
    let n = 0;
    for (let y = -5; y <= 5; y++) for (const p of probes) if (y && zoneOffsetMin(z, p.ms + y * YEAR_MS) === p.offsetMin) n++;
    return n;
  };
  let best = fits[0]!,
    bestScore = score(best);
  for (const z of fits.slice(1)) {
    const sc = score(z);
    if (sc > bestScore) [best, bestScore] = [z, sc];
  }
  return best;
}
