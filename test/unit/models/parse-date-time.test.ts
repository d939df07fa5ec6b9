import { describe, expect, it } from 'vitest';
import { NO_OFFSET } from '../../../models/samples.ts';
import { parseDateTime, readDateTime, readDateTimeField, wallTime, YEAR_MAX, YEAR_MIN } from '../../../models/util/time.ts';

/** The date-time parser every import format uses (models/util/time.ts), table-driven. */
describe('readDateTime: valid, edge cases included', () => {
  it.each([
    // text, the instant (UTC), offset minutes (undefined: none written)
    ['2024-05-01T07:30:00+02:00', '2024-05-01T05:30:00.000Z', 120],
    ['2019-07-19 10:36:11 -0700', '2019-07-19T17:36:11.000Z', -420],
    ['2024-01-31T23:59:59Z', '2024-01-31T23:59:59.000Z', 0],
    ['2024-01-31T23:59:59.999Z', '2024-01-31T23:59:59.999Z', 0],
    ['2024-01-31T23:59:59,5Z', '2024-01-31T23:59:59.500Z', 0],
    ['2024-06-30T23:59:60Z', '2024-07-01T00:00:00.000Z', 0], // a leap second
    ['2024-12-31T24:00:00Z', '2025-01-01T00:00:00.000Z', 0], // 24:00 ends the day (ISO 8601:2004, XML Schema)
    ['2024-12-31T24:00+01:00', '2024-12-31T23:00:00.000Z', 60],
    ['2024-07-01T12:00:00+14:00', '2024-06-30T22:00:00.000Z', 840],
    ['2024-07-01T12:00:00-14:00', '2024-07-02T02:00:00.000Z', -840],
    ['2024-07-01T12:00:00-12:00', '2024-07-02T00:00:00.000Z', -720],
    ['2024-07-01T12:00:00+0530', '2024-07-01T06:30:00.000Z', 330],
    ['2024-07-01T12:00:00+09', '2024-07-01T03:00:00.000Z', 540],
    ['2024-02-29T08:00:00Z', '2024-02-29T08:00:00.000Z', 0], // leap day
    ['2000-02-29T08:00:00Z', '2000-02-29T08:00:00.000Z', 0], // divisible by 400: a leap year
    ['1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z', 0], // the first year read
    ['2100-12-31T23:59:59Z', '2100-12-31T23:59:59.000Z', 0], // the last
    ['2025-05-01 0:01:47', '2025-05-01T00:01:47.000Z', undefined], // one-digit hour, no offset: wall time
    ['2024-01-02', '2024-01-02T00:00:00.000Z', undefined],
    ['  2024-01-02T03:04:05Z  ', '2024-01-02T03:04:05.000Z', 0],
  ])('%s', (text, utc, offset) => {
    const r = readDateTime(text);
    if (typeof r === 'string') throw new Error(`rejected: ${r}`);
    if (offset === undefined) {
      expect(r.offsetMin).toBe(NO_OFFSET);
      expect(new Date(r.wallMs).toISOString()).toBe(utc);
    } else {
      expect(r.offsetMin).toBe(offset);
      expect(new Date(r.ms).toISOString()).toBe(utc);
    }
    expect(parseDateTime(text)).toEqual(r);
  });
});

describe('readDateTime: rejected with a reason', () => {
  it.each([
    ['2024-01-01T24:30:00Z', 'hour 24 is only 24:00:00 (the end of the day), not 24:30:00'],
    ['2024-01-01T24:00:01Z', 'hour 24 is only 24:00:00 (the end of the day), not 24:00:01'],
    ['2024-01-01T25:00:00Z', 'hour 25 is not 0-24'],
    ['2024-01-01T10:60:00Z', 'minute 60 is not 0-59'],
    ['2024-01-01T10:00:61Z', 'second 61 is not 0-60'],
    ['0099-06-01T10:00:00Z', `year 0099 is outside ${YEAR_MIN}-${YEAR_MAX}`],
    ['1899-12-31T23:59:59Z', `year 1899 is outside ${YEAR_MIN}-${YEAR_MAX}`],
    ['2101-01-01T00:00:00Z', `year 2101 is outside ${YEAR_MIN}-${YEAR_MAX}`],
    ['2024-07-01T12:00:00+14:01', 'offset +14:01 is beyond ±14:00'],
    ['2024-07-01T12:00:00-14:30', 'offset -14:30 is beyond ±14:00'],
    ['2024-07-01T12:00:00+15', 'offset +15:00 is beyond ±14:00'],
    ['2024-07-01T12:00:00+01:60', 'offset +01:60 has minutes over 59'],
    ['2024-07-01T12:00:00+1', 'the offset "+1" is not ±HH:MM'],
    ['2023-02-29T08:00:00Z', '2023-02-29 is not a day of the calendar'],
    ['1900-02-29T08:00:00Z', '1900-02-29 is not a day of the calendar'], // 1900 is not a leap year
    ['2024-13-01', 'month 13 is not 1-12'],
    ['2024-00-10', 'month 00 is not 1-12'],
    ['2024-04-31', '2024-04-31 is not a day of the calendar'],
    ['2024-01-00', 'day 00 is not 1-31'],
    ['24-01-01', 'not a date (YYYY-MM-DD expected)'],
    ['-001-01-01T00:00:00Z', 'not a date (YYYY-MM-DD expected)'],
    ['2024/01/01 10:00', 'not a date (YYYY-MM-DD expected)'],
    ['', 'not a date (YYYY-MM-DD expected)'],
    ['2024-01-01T10', 'the time "10" is not HH:MM'],
    ['2024-01-01T10:5', 'the time "10:5" is not HH:MM'],
    ['2024-01-01T123:00', 'the time "123:00" is not HH:MM'],
    ['2024-01-01T10:00:00.Z', 'the fraction of a second has no digits'],
    ['2024-01-01T10:00:00Zjunk', 'unexpected "Zjunk" after the time'],
    ['2024-01-01T10:00:00+01:00 junk', 'the offset "+01:00 junk" is not ±HH:MM'],
    ['2024-01-01x', 'unexpected "x" after the time'],
  ])('%j: %s', (text, reason) => {
    expect(readDateTime(text)).toBe(reason);
    expect(parseDateTime(text)).toBeUndefined();
  });

  it('quotes a long or binary input only short and printable', () => {
    const r = readDateTime(`2024-01-01T10:00:00Z${'\u0000<script>'.repeat(1000)}`);
    expect(r).toMatch(/^unexpected "Z<script><script>.{0,40}…" after the time$/);
    expect(String(r).length).toBeLessThan(120);
  });
});

type Fields = [y: number, mo: number, d: number, h: number, mi: number, sec: number];
describe('wallTime: the fields every date parser of the import checks', () => {
  it.each<[Fields, number | string]>([
    [[2024, 2, 29, 23, 59, 59], Date.UTC(2024, 1, 29, 23, 59, 59)],
    [[2024, 12, 31, 24, 0, 0], Date.UTC(2025, 0, 1)],
    [[1900, 1, 1, 0, 0, 0], Date.UTC(1900, 0, 1)],
    [[2100, 12, 31, 23, 59, 59], Date.UTC(2100, 11, 31, 23, 59, 59)],
    [[2024, 1, 1, 24, 30, 0], 'hour 24 is only 24:00:00 (the end of the day), not 24:30:00'],
    [[99, 6, 1, 10, 0, 0], 'year 0099 is outside 1900-2100'],
    [[2101, 1, 1, 0, 0, 0], 'year 2101 is outside 1900-2100'],
    [[2023, 2, 29, 0, 0, 0], '2023-02-29 is not a day of the calendar'],
    [[2024, 1, 1, 99, 0, 0], 'hour 99 is not 0-24'],
  ])('%j → %s', (fields, expected) => {
    expect(wallTime(...fields)).toBe(expected);
  });
});

describe('readDateTimeField', () => {
  it('names the field, quotes it short, and says why', () => {
    expect(readDateTimeField('startDate', undefined)).toBe('startDate missing');
    expect(readDateTimeField('startDate', ' ')).toBe('startDate missing');
    expect(readDateTimeField('endDate', '2024-01-01 24:30:00 +0100')).toBe(
      'endDate "2024-01-01 24:30:00 +0100": hour 24 is only 24:00:00 (the end of the day), not 24:30:00',
    );
    expect(readDateTimeField('time', `${'9'.repeat(10_000)}`)).toBe(`time "${'9'.repeat(32)}…": not a date (YYYY-MM-DD expected)`);
    expect(readDateTimeField('time', '2024-01-01T10:00:00Z')).toMatchObject({ offsetMin: 0 });
  });
});
