// Issue 17, section 7 "Honest charts": where the value axis starts, how a window's dates are
// written, and how a forecast's years read (src/ui/charts/axes.ts).
import { describe, expect, it } from 'vitest';
import { METRIC_IDS, METRICS } from '../../../models/metrics.ts';
import { DEFAULT_SETTINGS } from '../../../src/data/settings.ts';
import type { DailyRow } from '../../../src/data/rows.ts';
import { dateTicks, dateTooltipFormat, spansYears, valueAxisFromZero, yearTick, yearTitle } from '../../../src/ui/charts/axes.ts';
import { dailySeries } from '../../../src/ui/timeline/series.ts';

const DAY = 86_400_000;
/** A tick at every step of the window's smallest unit (day or month), written as the chart writes it. */
function ticks(from: Date, to: Date, locale: string): string[] {
  const { format, unit } = dateTicks(from.getTime(), to.getTime());
  const fmt = new Intl.DateTimeFormat(locale, format);
  const out: string[] = [];
  for (const d = new Date(from); d <= to; unit === 'month' ? d.setMonth(d.getMonth() + 1) : d.setDate(d.getDate() + 1))
    out.push(fmt.format(d));
  return out;
}
const row = (day: string, v: number): DailyRow => ({
  key: `x|${day}`,
  metric: 'steps',
  day,
  n: 1,
  sum: v,
  min: v,
  max: v,
  last: v,
  lastT: Date.parse(`${day}T12:00:00`),
});

describe('the value axis', () => {
  it('starts at zero for bars, and fits the data for lines, points and bands', () => {
    expect(valueAxisFromZero(['line', 'bar'])).toBe(true);
    expect(valueAxisFromZero(['bar'])).toBe(true);
    expect(valueAxisFromZero(['line', 'points'])).toBe(false);
    expect(valueAxisFromZero(['band', 'line'])).toBe(false);
  });

  it('starts at zero for every day-total metric on the timeline (steps, sleep, energy), for no measurement', () => {
    const rows = Array.from({ length: 90 }, (_, i) => row(new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10), 7000 + i));
    for (const m of METRIC_IDS) {
      const kinds = dailySeries(m, rows, DEFAULT_SETTINGS, '#000').map((s) => s.kind);
      expect(valueAxisFromZero(kinds), m).toBe(METRICS[m].kind !== 'instant');
    }
  });
});

describe('dates of a window', () => {
  it('carry the four-digit year on every tick when the window spans years (the report: "Jan 1, 11")', () => {
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'fr-FR']) {
      // 120 days over a new year (the twin's steps), and several years (the timeline's "All").
      for (const [from, to] of [
        [new Date(2020, 9, 20), new Date(2021, 1, 17)],
        [new Date(2010, 11, 1), new Date(2011, 1, 1)],
        [new Date(2018, 2, 19), new Date(2021, 1, 17)],
      ] as const) {
        const all = ticks(from, to, locale);
        for (const label of all) {
          expect(label, `${locale}: ${label}`).toMatch(/\b(20[12]\d)\b/);
          expect(label, `${locale}: ${label}`).not.toMatch(/\D\d{2}$/);
        }
        expect(all.some((l) => l.includes(String(to.getFullYear())))).toBe(true);
      }
    }
  });

  it('write no year where the window stays inside one year, and the time of day over a few days', () => {
    const inYear = ticks(new Date(2016, 9, 18), new Date(2016, 10, 1), 'en-US');
    expect(inYear[0]).toBe('Oct 18');
    expect(inYear.join(' ')).not.toMatch(/2016|, 16/);
    const few = dateTicks(new Date(2016, 9, 30).getTime(), new Date(2016, 10, 1).getTime());
    expect(few.format.hour).toBe('2-digit');
    expect(few.unit).toBe('hour');
    // A few days over a new year: the date with its year, not a weekday alone.
    const newYear = ticks(new Date(2016, 11, 31, 12), new Date(2017, 0, 2), 'en-GB');
    for (const l of newYear) expect(l).toMatch(/201[67]/);
  });

  it('never read the same on two ticks: one tick per day at most, per month beyond 120 days', () => {
    for (const [from, to] of [
      [new Date(2015, 9, 1), new Date(2016, 1, 28)],
      [new Date(2016, 9, 18), new Date(2016, 10, 1)],
      [new Date(2013, 6, 17), new Date(2019, 4, 1)],
    ] as const) {
      const all = ticks(from, to, 'en-GB');
      expect(new Set(all).size, all.join(' | ')).toBe(all.length);
    }
  });

  it('say when a window spans years in the local calendar', () => {
    expect(spansYears(new Date(2016, 11, 31, 23).getTime(), new Date(2017, 0, 1, 1).getTime())).toBe(true);
    expect(spansYears(new Date(2016, 0, 1).getTime(), new Date(2016, 11, 31, 23).getTime())).toBe(false);
  });

  it('name the time of day in a tooltip over a month or less, the date alone beyond', () => {
    const t0 = new Date(2016, 9, 18).getTime();
    expect(dateTooltipFormat(t0, t0 + 14 * DAY).timeStyle).toBe('short');
    expect(dateTooltipFormat(t0, t0 + 365 * DAY).timeStyle).toBeUndefined();
    expect(new Intl.DateTimeFormat('en-US', dateTooltipFormat(t0, t0 + 365 * DAY)).format(t0)).toBe('Oct 18, 2016');
  });
});

describe("a forecast's years", () => {
  it('read as years from now, in words', () => {
    expect([0, 1, 2, 10].map(yearTick)).toEqual(['Now', '1 year', '2 years', '10 years']);
    expect([0, 1, 5].map(yearTitle)).toEqual(['Now', 'In 1 year', 'In 5 years']);
  });
});
