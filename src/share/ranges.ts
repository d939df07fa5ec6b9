/**
 * The share screen's quick ranges ("Last 3 months", "Last year", "Everything") as the first and last
 * local day they cover, both inclusive. Pure: "today" and the span of the data are given.
 */

export type RangeShortcut = 'months3' | 'year' | 'all';
export const RANGE_SHORTCUTS: readonly RangeShortcut[] = ['months3', 'year', 'all'];

export interface DayRange {
  fromDay: string;
  toDay: string;
}

const DAY = /^(\d{4})-(\d\d)-(\d\d)$/;
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The same day `months` calendar months earlier or later, held to the last day of a shorter month
 * (31 May − 3 months = 28 or 29 February; 29 February − 12 months = 28 February).
 */
export function addMonths(day: string, months: number): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`${day} is not a YYYY-MM-DD day`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
  const y = Math.floor(index / 12),
    mo = index - y * 12;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${pad(mo + 1)}-${pad(Math.min(Number(m[3]), last))}`;
}

/**
 * The days a shortcut covers, ending today. "Everything" runs from the first day with data to today
 * (or to the last day with data, should that be later); with no data at all, today alone.
 */
export function rangeFor(shortcut: RangeShortcut, today: string, span?: { firstDay?: string; lastDay?: string }): DayRange {
  switch (shortcut) {
    case 'months3':
      return { fromDay: addMonths(today, -3), toDay: today };
    case 'year':
      return { fromDay: addMonths(today, -12), toDay: today };
    case 'all': {
      const first = span?.firstDay && span.firstDay < today ? span.firstDay : today;
      const last = span?.lastDay && span.lastDay > today ? span.lastDay : today;
      return { fromDay: first, toDay: last };
    }
  }
}

/** The shortcut whose days are exactly these (for showing it as chosen), if any. */
export function shortcutOf(range: DayRange, today: string, span?: { firstDay?: string; lastDay?: string }): RangeShortcut | undefined {
  return RANGE_SHORTCUTS.find((s) => {
    if (s === 'all' && !span?.firstDay) return false;
    const r = rangeFor(s, today, span);
    return r.fromDay === range.fromDay && r.toDay === range.toDay;
  });
}
