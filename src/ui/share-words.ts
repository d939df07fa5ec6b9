/** The share screen's words for what a file would hold ("4,702 measurements, Nov 2010 – Dec 2021"). */
import type { SharePreview } from '../share/preview.ts';
import { t, tn } from './i18n/index.ts';

/** A local day (YYYY-MM-DD) as its month and year in the reader's locale ("Nov 2010"). */
export function monthYear(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));
}

/**
 * What the file would hold, in words; `empty` when it would hold no measurement (the screen then
 * warns, and asks before making such a file). `locale` is for tests; the screen uses the reader's.
 */
export function previewWords(p: SharePreview | undefined, locale?: string): { text: string; empty: boolean } {
  if (!p) return { text: t('share.preview.counting'), empty: false };
  if (p.count === 0 || !p.firstDay || !p.lastDay) return { text: t('share.preview.empty'), empty: true };
  const from = monthYear(p.firstDay, locale),
    to = monthYear(p.lastDay, locale);
  const range = from === to ? from : t('share.preview.range', { from, to });
  return { text: tn('share.preview', p.count, { count: new Intl.NumberFormat(locale).format(p.count), range }), empty: false };
}
