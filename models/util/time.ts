import { NO_OFFSET } from '../samples.ts';
import { snippet } from './text.ts';

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
 * The calendar day of a sample (docs/metrics.md "Time"): the local day of its start in the offset it
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
  /** Epoch ms; with NO_OFFSET the wall-clock time read as if UTC (what ImportSink.add then takes). */
  ms: number;
  /** Minutes east of UTC as written, or NO_OFFSET when the text had none. */
  offsetMin: number;
}

const d2 = (s: string, i: number): number => {
  const a = s.charCodeAt(i) - 48,
    b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
};
const isDigit = (s: string, i: number): boolean => s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;
const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Years a health record's date may have. Imports reject samples before 1900 (models/plausibility.ts);
 * 2100 is far enough ahead for any clock. Outside, a date is a typo or a corrupt field, and `Date.UTC`
 * would even read years 0-99 as 1900-1999 (0099 as 1999).
 */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;
/** The widest UTC offsets in use: UTC-12:00 to UTC+14:00 (Kiribati); ±14:00 is accepted both ways. */
export const MAX_OFFSET_MIN = 14 * 60;

export type ParsedDateTime = ZonedInstant & { wallMs: number };

/**
 * Epoch ms of a wall-clock date-time read as if UTC, or why these fields are no date-time: a year
 * outside YEAR_MIN-YEAR_MAX, a day not in the calendar, an hour past 24:00:00 (24:00:00 is the end
 * of the day, ISO 8601:2004 and XML Schema), a minute over 59, a second over 60 (a leap second runs
 * into the next minute). Every date parser of the import uses it, so they all accept the same.
 */
export function wallTime(y: number, mo: number, d: number, h = 0, mi = 0, sec = 0, ms = 0): number | string {
  if (!(y >= YEAR_MIN && y <= YEAR_MAX)) return `year ${String(y).padStart(4, '0')} is outside ${YEAR_MIN}-${YEAR_MAX}`;
  if (!(mo >= 1 && mo <= 12)) return `month ${pad2(mo)} is not 1-12`;
  if (!(d >= 1 && d <= 31)) return `day ${pad2(d)} is not 1-31`;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return `${y}-${pad2(mo)}-${pad2(d)} is not a day of the calendar`;
  if (!(mi >= 0 && mi <= 59)) return `minute ${pad2(mi)} is not 0-59`;
  if (!(sec >= 0 && sec <= 60)) return `second ${pad2(sec)} is not 0-60`;
  if (!(h >= 0 && h <= 24)) return `hour ${h} is not 0-24`;
  if (h === 24 && (mi || sec || ms)) return `hour 24 is only 24:00:00 (the end of the day), not 24:${pad2(mi)}:${pad2(sec)}`;
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms);
}

/**
 * Parses the date-times health exports write, without the Date parser's locale guesses:
 * `2019-07-19 10:36:11 -0700` (Apple Health), `2014-08-25T08:18:46-04:00`, `…T…Z`, `…T….123+01:00`,
 * `2025-05-01 0:01:47` (one-digit hour, re-saved CSVs), and date-only `2024-01-02`; the fields must
 * pass `wallTime`, an offset must be within ±14:00. Without an offset the result has
 * `offsetMin: NO_OFFSET` and `wallMs` is the wall time read as UTC: the caller places it in the
 * source's zone (ImportSink.add with NO_OFFSET). Returns the reason when the text is not such a date-time.
 */
export function readDateTime(text: string): ParsedDateTime | string {
  const s = text.trim();
  if (
    s.length < 10 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    !(isDigit(s, 0) && isDigit(s, 1) && isDigit(s, 2) && isDigit(s, 3))
  )
    return NOT_A_DATE;
  const y = Number(s.slice(0, 4)),
    mo = d2(s, 5),
    d = d2(s, 8);
  if (!Number.isFinite(mo) || !Number.isFinite(d)) return NOT_A_DATE;
  let h = 0,
    mi = 0,
    sec = 0,
    ms = 0;
  let i = 10;
  if (s[i] === 'T' || s[i] === ' ') {
    i++;
    const t0 = i;
    let hEnd = i; // hour: one or two digits
    while (isDigit(s, hEnd)) hEnd++;
    mi = d2(s, hEnd + 1);
    if (hEnd - i < 1 || hEnd - i > 2 || s[hEnd] !== ':' || !Number.isFinite(mi) || isDigit(s, hEnd + 3))
      return `the time "${snippet(s.slice(t0), 12)}" is not HH:MM`;
    h = Number(s.slice(i, hEnd));
    i = hEnd + 3;
    if (s[i] === ':') {
      sec = d2(s, i + 1);
      if (!Number.isFinite(sec) || isDigit(s, i + 3)) return `the time "${snippet(s.slice(t0), 12)}" is not HH:MM:SS`;
      i += 3;
      if (s[i] === '.' || s[i] === ',') {
        let j = i + 1;
        while (isDigit(s, j)) j++;
        if (j === i + 1) return 'the fraction of a second has no digits';
        ms = Math.round(Number(`0.${s.slice(i + 1, j)}`) * 1000);
        i = j;
      }
    }
  }
  const wallMs = wallTime(y, mo, d, h, mi, sec, ms);
  if (typeof wallMs === 'string') return wallMs;
  while (s[i] === ' ') i++;
  if (i >= s.length) return { ms: wallMs, offsetMin: NO_OFFSET, wallMs };
  if (s[i] === 'Z' && i === s.length - 1) return { ms: wallMs, offsetMin: 0, wallMs };
  const sign = s[i] === '+' ? 1 : s[i] === '-' ? -1 : 0;
  if (!sign) return `unexpected "${snippet(s.slice(i))}" after the time`;
  const m = /^(\d{2})(?::?(\d{2}))?$/.exec(s.slice(i + 1));
  if (!m) return `the offset "${snippet(s.slice(i))}" is not ±HH:MM`;
  const oh = Number(m[1]),
    om = Number(m[2] ?? 0);
  const shown = `${s[i]}${m[1]}:${m[2] ?? '00'}`;
  if (om > 59) return `offset ${shown} has minutes over 59`;
  const offsetMin = sign * (oh * 60 + om);
  if (Math.abs(offsetMin) > MAX_OFFSET_MIN) return `offset ${shown} is beyond ±14:00`;
  return { ms: wallMs - offsetMin * MINUTE_MS, offsetMin, wallMs };
}

const NOT_A_DATE = 'not a date (YYYY-MM-DD expected)';

/** `readDateTime`, or undefined when the text is not a date-time it reads. */
export function parseDateTime(s: string): ParsedDateTime | undefined {
  const r = readDateTime(s);
  return typeof r === 'string' ? undefined : r;
}

/**
 * The end of a record as ImportSink.add takes it beside its start: without a start offset, the end's
 * wall-clock time as written (the sink places both in one zone); with one, the end's instant, an end
 * without an offset read in the start's.
 */
export function endBeside(start: ParsedDateTime, end: ParsedDateTime): number {
  if (start.offsetMin === NO_OFFSET) return end.wallMs;
  return end.offsetMin === NO_OFFSET ? end.wallMs - start.offsetMin * MINUTE_MS : end.ms;
}

/**
 * Epoch ms of a wall-clock time (read as if UTC) in the runtime's time zone. Importers do not use it:
 * they hand wall-clock times to the sink, which places them in the source's zone (ImportSink.add).
 */
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

/**
 * `readDateTime` of a named field; the reason names the field and quotes it, short and printable:
 * `startDate "2024-01-01 24:30:00 +0100": hour 24 is only 24:00:00 (the end of the day), not 24:30:00`.
 */
export function readDateTimeField(name: string, text: string | undefined): ParsedDateTime | string {
  if (text === undefined || text.trim() === '') return `${name} missing`;
  const r = readDateTime(text);
  return typeof r === 'string' ? `${name} "${snippet(text.trim(), 32)}": ${r}` : r;
}
