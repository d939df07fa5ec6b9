/**
 * Garmin Connect report CSVs (Reports → export): a BOM, an empty first header cell and one row per
 * day (`MM/DD/YYYY`). `Steps.csv` (`,Actual,Goal`) gives daily steps; `Calories.csv`
 * (`,Active Calories,Resting Calories,Total`) gives daily active energy. Each value is one sample
 * spanning that local day.
 */
import { snippet } from '../../../models/util/text.ts';
import { addDay, parseDayUs } from '../day-sample.ts';
import type { ReadContext } from '../bytes.ts';
import { num, readTable } from '../table.ts';
import type { ImportSink } from '../sink.ts';

export function isGarminHeader(line: string): boolean {
  const h = line.replace(/^\uFEFF/, '').trim();
  return /^,Actual,Goal$/i.test(h) || /^,Active Calories,Resting Calories,Total$/i.test(h);
}

export async function parseGarminCsv(
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext & { entryName?: string } = {},
): Promise<void> {
  const src = sink.source('Garmin Connect');
  let kind: 'steps' | 'calories' | undefined;
  await readTable(bytes, sink, ctx, (row) => {
    kind ??= row.get('Actual') !== '' || row.get('Goal') !== '' ? 'steps' : 'calories';
    const day = parseDayUs(row.get(''));
    if (!day) {
      sink.reject(row.where, `date "${snippet(row.get(''), 20)}" is not MM/DD/YYYY`);
      return;
    }
    const value = num(kind === 'steps' ? row.get('Actual') : row.get('Active Calories'));
    if (!Number.isFinite(value)) {
      sink.reject(
        row.where,
        `${kind === 'steps' ? 'steps' : 'active calories'} "${snippet(kind === 'steps' ? row.get('Actual') : row.get('Active Calories'), 20)}" is not a number`,
      );
      return;
    }
    addDay(sink, kind === 'steps' ? 'steps' : 'active_energy', ...day, value, src, 'total', row.where);
  });
}
