/**
 * Google Fit (Takeout `Fit/Daily activity metrics/`): the summary `Daily activity metrics.csv` (one
 * row a day: step count and average weight are read) and the per-day `YYYY-MM-DD.csv` files
 * (15-minute rows with `Start time`/`End time` as times of day with an offset; the day comes from the
 * file name). Other columns (distance, calories, heart points, location bounds) are counted and
 * skipped.
 */
import { snippet } from '../../../models/util/text.ts';
import { parseDateTime } from '../../../models/util/time.ts';
import type { ReadContext } from '../bytes.ts';
import { addDay, parseDayUs } from '../day-sample.ts';
import { ImportError } from '../errors.ts';
import { num, readTable } from '../table.ts';
import type { ImportSink } from '../sink.ts';

export function isGoogleFitHeader(line: string): boolean {
  const h = line.replace(/^\uFEFF/, '');
  return (/^Date,/.test(h) || /^Start time,End time,/.test(h)) && /Step count|Move Minutes count|Heart Points|Calories \(kcal\)/.test(h);
}

export async function parseGoogleFitCsv(
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext & { entryName?: string; fileName?: string } = {},
): Promise<void> {
  // Two sources: a Takeout holds both the daily summary and the per-day files of the same days.
  // The per-day rows (96 a day, zero-step rows included so they cover the whole day) outrank the
  // one summary row under the overlapping-sources rule, so each step is counted once.
  let src = sink.source('Google Fit');
  const name = ctx.entryName ?? ctx.fileName ?? '';
  const fileDay = /(\d{4})-(\d{2})-(\d{2})\.csv$/i.exec(name);
  let perDay = false;
  let skipped: string[] = [];
  await readTable(
    bytes,
    sink,
    ctx,
    (row) => {
      if (!perDay) {
        const day = parseDayUs(row.get('Date'));
        if (!day) {
          sink.reject(row.where, `date "${snippet(row.get('Date'), 20)}" is not YYYY-MM-DD`);
          return;
        }
        const steps = num(row.get('Step count'));
        if (Number.isFinite(steps)) addDay(sink, 'steps', ...day, steps, src, 'total', row.where);
        const kg = num(row.get('Average weight (kg)'));
        if (Number.isFinite(kg)) addDay(sink, 'body_weight', ...day, kg, src, 'instant', row.where);
        return;
      }
      const raw = row.get('Step count');
      const steps = raw === '' ? 0 : num(raw);
      if (!Number.isFinite(steps)) {
        sink.reject(row.where, `step count "${snippet(raw, 20)}" is not a number`);
        return;
      }
      const a = parseDateTime(`${fileDay![1]}-${fileDay![2]}-${fileDay![3]}T${row.get('Start time')}`);
      const b = parseDateTime(`${fileDay![1]}-${fileDay![2]}-${fileDay![3]}T${row.get('End time')}`);
      if (!a || !b || a.offsetMin !== b.offsetMin) {
        sink.reject(
          row.where,
          `times "${snippet(row.get('Start time'), 30)}"-"${snippet(row.get('End time'), 30)}" are not times of day with an offset`,
        );
        return;
      }
      const end = b.ms > a.ms ? b.ms : b.ms + 86_400_000; // the last row ends at 00:00 of the next day
      const why = sink.add('steps', a.ms, end, steps, a.offsetMin, src);
      if (why) sink.reject(row.where, why);
    },
    {
      onHeader: (h) => {
        perDay = h[0] === 'Start time';
        if (!perDay) src = sink.source('Google Fit (daily summary)');
        if (perDay && !fileDay)
          throw new ImportError('MALFORMED', 'A Google Fit per-day file needs its YYYY-MM-DD.csv file name to know its date', 'line 1');
        skipped = h.filter((x) => !['Date', 'Start time', 'End time', 'Step count', 'Average weight (kg)'].includes(x) && x);
      },
    },
  );
  for (const col of skipped) sink.ignore(`Google Fit column ${col}`);
}
