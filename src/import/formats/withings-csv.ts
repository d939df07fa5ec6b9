/**
 * Withings Health Mate data export, English or German headers: `weight.csv` (weight and fat mass,
 * kg), `bp.csv` (heart rate, systolic, diastolic), `sleep.csv` (from/to with light, deep and REM
 * seconds) and `aggregates_steps.csv` (`date,value`, one row a day; known by its file name).
 * Times without an offset are the device's local time.
 */
import { snippet } from '../../../models/util/text.ts';
import { readDateTimeField } from '../../../models/util/time.ts';
import type { ReadContext } from '../bytes.ts';
import { addDay, parseDayUs } from '../day-sample.ts';
import { ImportError } from '../errors.ts';
import { num, readTable, type TableRow } from '../table.ts';
import type { ImportSink } from '../sink.ts';

const WEIGHT = ['Weight (kg)', 'Gewicht (kg)', 'Poids (kg)'];
const FAT = ['Fat mass (kg)', 'Fettmasse (kg)', 'Masse grasse (kg)'];
const HR = ['Heart rate', 'Herzfrequenz', 'Fréquence cardiaque'];
const SYS = ['Systolic', 'Systole', 'Systolique'];
const DIA = ['Diastolic', 'Diastole', 'Diastolique'];
const FROM = ['from', 'von', 'de'];
const TO = ['to', 'bis', 'à'];
const SLEEP_S = [['light (s)', 'leicht (s)', 'léger (s)'], ['deep (s)', 'tief (s)', 'profond (s)'], ['rem (s)']];

export type WithingsKind = 'weight' | 'bp' | 'sleep' | 'steps';

export function withingsKind(header: string, name: string): WithingsKind | undefined {
  const h = header.replace(/^\uFEFF/, '').toLowerCase();
  const has = (list: string[]): boolean => list.some((x) => h.includes(x.toLowerCase()));
  if (h.startsWith('date,') && has(WEIGHT)) return 'weight';
  if (h.startsWith('date,') && has(SYS) && has(DIA)) return 'bp';
  if ((h.startsWith('von,bis') || h.startsWith('from,to')) && /\(s\)/.test(h)) return 'sleep';
  if (h.trim() === 'date,value' && /steps/i.test(name)) return 'steps';
  return undefined;
}

export async function parseWithingsCsv(
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext & { entryName?: string; fileName?: string; header?: string } = {},
): Promise<void> {
  const src = sink.source('Withings');
  let kind: WithingsKind | undefined;
  const when = (row: TableRow, col: string): { ms: number; offsetMin: number } | undefined => {
    const t = readDateTimeField(col, row.get(col));
    if (typeof t === 'string') {
      sink.reject(row.where, t);
      return undefined;
    }
    return { ms: t.ms, offsetMin: t.offsetMin }; // without an offset a wall-clock time, which the sink places
  };
  const add = (
    row: TableRow,
    metric: Parameters<ImportSink['add']>[0],
    t: { ms: number; offsetMin: number },
    value: number,
    endMs = t.ms,
  ): void => {
    const why = sink.add(metric, t.ms, endMs, value, t.offsetMin, src);
    if (why) sink.reject(row.where, why);
  };
  await readTable(
    bytes,
    sink,
    ctx,
    (row) => {
      if (kind === 'weight') {
        const t = when(row, 'Date');
        const kg = num(row.get('weight'));
        if (!t) return;
        if (!Number.isFinite(kg)) {
          sink.reject(row.where, `weight "${snippet(row.get('weight'), 20)}" is not a number`);
          return;
        }
        add(row, 'body_weight', t, kg);
        const fat = num(row.get('fat'));
        if (Number.isFinite(fat) && kg > 0) add(row, 'body_fat_percentage', t, (100 * fat) / kg);
      } else if (kind === 'bp') {
        const t = when(row, 'Date');
        if (!t) return;
        for (const [col, metric] of [
          ['sys', 'systolic_bp'],
          ['dia', 'diastolic_bp'],
          ['hr', 'heart_rate'],
        ] as const) {
          const v = num(row.get(col));
          if (Number.isFinite(v)) add(row, metric, t, v);
        }
      } else if (kind === 'sleep') {
        const a = when(row, 'from'),
          b = when(row, 'to');
        if (!a || !b) return;
        const seconds = SLEEP_S.reduce((s, _, i) => s + (num(row.get(`s${i}`)) || 0), 0);
        add(row, 'sleep', a, seconds / 60, b.ms);
      } else if (kind === 'steps') {
        const day = parseDayUs(row.get('date'));
        const v = num(row.get('value'));
        if (!day || !Number.isFinite(v))
          sink.reject(row.where, `row "${snippet(`${row.get('date')},${row.get('value')}`, 40)}" is not a date and a number`);
        else addDay(sink, 'steps', ...day, v, src, 'total', row.where);
      }
    },
    {
      aliases: {
        weight: WEIGHT,
        fat: FAT,
        hr: HR,
        sys: SYS,
        dia: DIA,
        from: FROM,
        to: TO,
        ...Object.fromEntries(SLEEP_S.map((alts, i) => [`s${i}`, alts])),
      },
      onHeader: (h: string[]) => {
        kind = withingsKind(h.join(','), ctx.entryName ?? ctx.fileName ?? '');
        if (!kind)
          throw new ImportError('MALFORMED', `Not a Withings export this version reads (header "${snippet(h.join(','), 80)}")`, 'line 1');
      },
    },
  );
}
