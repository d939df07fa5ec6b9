import { NO_OFFSET } from '../samples.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** YYYY-MM-DD of an instant seen at a fixed UTC offset (minutes east of UTC). */
export function dayAtOffset(epochMs: number, offsetMin: number): string {
  const d = new Date(epochMs + offsetMin * MINUTE_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** YYYY-MM-DD in the runtime's own time zone (the importing device's zone). */
export function dayInDeviceZone(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The calendar day of a sample (contracts §1 "Time"): the local day of its start in the offset it
 * was recorded with; where the source gave none, the importing device's time zone.
 */
export function localDay(startMs: number, offsetMin: number): string {
  return offsetMin === NO_OFFSET ? dayInDeviceZone(startMs) : dayAtOffset(startMs, offsetMin);
}

/** Storage partition of an instant: its UTC month, YYYY-MM. Storage only; never shown. */
export function utcMonth(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** Epoch ms of the first instant of a UTC month key (YYYY-MM). */
export function utcMonthStart(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Date.UTC(y, m - 1, 1);
}

/** ISO 8601 with the sample's own offset, e.g. 2019-01-02T07:00:00+01:00 (Z-less even at +00:00). */
export function isoWithOffset(epochMs: number, offsetMin: number): string {
  const off = offsetMin === NO_OFFSET ? -new Date(epochMs).getTimezoneOffset() : offsetMin;
  const d = new Date(epochMs + off * MINUTE_MS);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
  );
}
