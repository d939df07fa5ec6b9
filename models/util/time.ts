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

export interface ZonedInstant {
  /** Epoch ms. */
  ms: number;
  /** Minutes east of UTC as written, or NO_OFFSET when the text had none. */
  offsetMin: number;
}

const d2 = (s: string, i: number): number => {
  const a = s.charCodeAt(i) - 48,
    b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
};

/**
 * Parses the date-times health exports write, without the Date parser's locale guesses:
 * `2019-07-19 10:36:11 -0700` (Apple Health), `2014-08-25T08:18:46-04:00`, `…T…Z`, `…T….123+01:00`,
 * `2025-05-01 0:01:47` (one-digit hour, re-saved CSVs), and date-only `2024-01-02`.
 * Without an offset the result has `offsetMin: NO_OFFSET` and `localMs` is read as UTC wall time:
 * the caller places it in the device zone with `wallTimeToEpoch`. Returns undefined when invalid.
 */
export function parseDateTime(s: string): (ZonedInstant & { wallMs: number }) | undefined {
  s = s.trim();
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y = Number(s.slice(0, 4)),
    mo = d2(s, 5),
    d = d2(s, 8);
  let h = 0,
    mi = 0,
    sec = 0,
    ms = 0;
  let i = 10;
  if (i < s.length && (s[i] === 'T' || s[i] === ' ')) {
    i++;
    // hour: one or two digits
    let hEnd = i;
    while (hEnd < s.length && s.charCodeAt(hEnd) >= 48 && s.charCodeAt(hEnd) <= 57) hEnd++;
    if (hEnd - i < 1 || hEnd - i > 2 || s[hEnd] !== ':') return undefined;
    h = Number(s.slice(i, hEnd));
    mi = d2(s, hEnd + 1);
    i = hEnd + 3;
    if (s[i] === ':') {
      sec = d2(s, i + 1);
      i += 3;
      if (s[i] === '.' || s[i] === ',') {
        let j = i + 1;
        while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
        ms = Math.round(Number(`0.${s.slice(i + 1, j)}`) * 1000);
        i = j;
      }
    }
  }
  if (![y, mo, d, h, mi, sec].every(Number.isFinite) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 60)
    return undefined;
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined; // 2024-02-30
  while (s[i] === ' ') i++;
  if (i >= s.length) return { ms: wallMs, offsetMin: NO_OFFSET, wallMs };
  if (s[i] === 'Z' && i === s.length - 1) return { ms: wallMs, offsetMin: 0, wallMs };
  const sign = s[i] === '+' ? 1 : s[i] === '-' ? -1 : 0;
  if (!sign) return undefined;
  const rest = s.slice(i + 1).replace(':', '');
  if (!/^\d{4}$/.test(rest) && !/^\d{2}$/.test(rest)) return undefined;
  const oh = Number(rest.slice(0, 2)),
    om = rest.length === 4 ? Number(rest.slice(2)) : 0;
  if (oh > 14 || om > 59) return undefined;
  const offsetMin = sign * (oh * 60 + om);
  return { ms: wallMs - offsetMin * MINUTE_MS, offsetMin, wallMs };
}

/** Epoch ms of a wall-clock time (read as if UTC) in the runtime's time zone (the device's). */
export function wallTimeToEpoch(wallMs: number): number {
  const d = new Date(wallMs);
  // The Date constructor with local fields resolves the zone, DST gaps and overlaps included.
  const guess = new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
  return guess.getTime();
}
