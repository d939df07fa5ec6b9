/**
 * Fitbit data exports: the account archive (`user-site-export/*.json`) and Google Takeout's
 * `Fitbit/Global Export Data/*.json`, which share shapes. Each file is an array of one kind:
 * heart rate `{dateTime, value: {bpm}}`, resting heart rate `{dateTime, value: {value}}`, weight
 * `{weight, bmi, fat, date, time}`, sleep `{startTime, endTime, minutesAsleep}`, and `{dateTime,
 * value}` series whose meaning only the file name gives (steps, height in mm; distance and calories
 * are counted and skipped). Times are the account's local time (no offset).
 * Weight is written in the account's unit (lb or kg) without saying which: the ratio weight / BMI
 * tells, since height² lies in 1.96-4.0 m² for kg and 4.3-8.8 for lb (heights 1.4-2.0 m).
 */
import { snippet } from '../../../models/util/text.ts';
import { NO_OFFSET } from '../../../models/samples.ts';
import { parseDateTime, wallTime } from '../../../models/util/time.ts';
import { checkAbort, locate, textChunks, type ReadContext } from '../bytes.ts';
import { ImportError } from '../errors.ts';
import { jsonElements, type JsonRoot } from '../json-stream.ts';
import type { ImportSink } from '../sink.ts';
import { decimal } from '../../../models/util/number.ts';

type Json = Record<string, unknown>;

/** `MM/DD/YY HH:MM:SS` (Fitbit's dateTime) → wall-clock ms, or undefined. */
function fitbitWall(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^(\d{2})\/(\d{2})\/(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(s.trim());
  if (m) {
    const ms = wallTime(2000 + Number(m[3]), Number(m[1]), Number(m[2]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    return typeof ms === 'number' ? ms : undefined;
  }
  const iso = parseDateTime(s); // sleep uses ISO without offset
  return iso?.offsetMin === NO_OFFSET ? iso.wallMs : iso?.ms;
}

function seriesOf(name: string): 'steps' | 'height' | 'skip' | undefined {
  const base = (name.split('/').pop() ?? name).toLowerCase();
  if (/^steps[-_]/.test(base)) return 'steps';
  if (/^height[-_]/.test(base)) return 'height';
  if (
    /^(distance|calories|altitude|very_active_minutes|moderately_active_minutes|lightly_active_minutes|sedentary_minutes|swim_lengths_data|time_in_heart_rate_zones|demographic_vo2_max)/.test(
      base,
    )
  )
    return 'skip';
  return undefined;
}

export async function parseFitbitJson(
  bytes: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  ctx: ReadContext & { entryName?: string; fileName?: string } = {},
): Promise<void> {
  const name = ctx.entryName ?? ctx.fileName ?? '';
  const root: JsonRoot = { kind: 'array', fields: {}, count: 0 };
  const weights: Json[] = [];
  let src: number | undefined;
  const source = (e: Json): number =>
    typeof e.source === 'string' ? sink.source(`Fitbit ${e.source}`.slice(0, 80)) : (src ??= sink.source('Fitbit'));
  const add = (metric: Parameters<ImportSink['add']>[0], wallStart: number, wallEnd: number, value: number, e: Json): void => {
    const why = sink.add(metric, wallStart, wallEnd, value, NO_OFFSET, source(e)); // the sink places wall-clock times
    if (why) sink.reject(locate(ctx, `entry ${root.count}`), why);
  };
  for await (const el of jsonElements(textChunks(bytes), root, [])) {
    if (root.count % 4096 === 0) {
      checkAbort(ctx.signal);
      await sink.drain();
    }
    const e = el as Json;
    const where = locate(ctx, `entry ${root.count}`);
    if (typeof e.weight === 'number') {
      weights.push(e);
      continue;
    }
    if (typeof e.minutesAsleep === 'number') {
      const s = fitbitWall(e.startTime),
        t = fitbitWall(e.endTime);
      if (s === undefined || t === undefined) sink.reject(where, 'sleep: startTime/endTime not a date');
      else add('sleep', s, t, e.minutesAsleep, e);
      continue;
    }
    const at = fitbitWall(e.dateTime);
    const v = e.value;
    if (at === undefined) {
      sink.reject(where, `dateTime "${snippet(String(e.dateTime), 30)}" is not a date`);
      continue;
    }
    if (v && typeof v === 'object') {
      const o = v as Json;
      if (typeof o.bpm === 'number') add('heart_rate', at, at, o.bpm, e);
      else if (typeof o.value === 'number') {
        if (o.value > 0) add('resting_heart_rate', at, at, o.value, e);
        else sink.ignore('Fitbit resting heart rate 0 (no estimate that day)');
      } else sink.ignore(`Fitbit ${seriesOf(name) ?? 'unknown series'}`);
      continue;
    }
    const series = seriesOf(name);
    const n = typeof v === 'number' ? v : typeof v === 'string' ? decimal(v) : NaN;
    if (series === 'steps') {
      if (!Number.isFinite(n)) sink.reject(where, `steps "${snippet(String(v), 20)}" is not a number`);
      else if (n > 0) add('steps', at, at + 60_000, n, e);
    } else if (series === 'height') {
      if (!Number.isFinite(n)) sink.reject(where, `height "${snippet(String(v), 20)}" is not a number`);
      else add('height', at, at, n / 10, e); // millimetres
    } else
      sink.ignore(
        series === 'skip'
          ? `Fitbit ${(name.split('/').pop() ?? name).replace(/[-_]\d{4}-\d{2}-\d{2}\.json$/i, '')}`
          : 'Fitbit series without a known file name',
      );
  }
  if (root.kind !== 'array') throw new ImportError('MALFORMED', 'Not a Fitbit export: expected a JSON array');
  if (weights.length) readWeights(weights, sink, ctx, source);
}

/**
 * Pounds or kilograms? With the person's height (an earlier height file in the same import), the unit
 * whose implied BMI matches Fitbit's own BMI wins. Without it, weight / BMI = height² (m²) in kg, or
 * height² / 0.4536 in lb: 4.2 separates kg for heights up to 2.05 m from lb down to 1.38 m.
 */
function weightsInPounds(list: Json[], heightCm: number | undefined): boolean | undefined {
  const withBmi = list.filter((w) => typeof w.bmi === 'number' && (w.bmi as number) > 0);
  if (!withBmi.length) return undefined;
  let lbVotes = 0;
  for (const w of withBmi) {
    const weight = w.weight as number,
      bmi = w.bmi as number;
    if (heightCm) {
      const h2 = (heightCm / 100) ** 2;
      if (Math.abs((weight * 0.45359237) / h2 - bmi) < Math.abs(weight / h2 - bmi)) lbVotes++;
    } else if (weight / bmi > 4.2) lbVotes++;
  }
  return lbVotes > withBmi.length / 2;
}

function readWeights(list: Json[], sink: ImportSink, ctx: { entryName?: string }, source: (e: Json) => number): void {
  const inLb = weightsInPounds(list, sink.profile.heightCm);
  const lb = inLb ?? false;
  if (inLb === undefined) sink.ignore('Fitbit weight unit not stated and no BMI to tell: read as kg');
  list.forEach((w, i) => {
    const where = locate(ctx, `entry ${i + 1}`);
    const day = /^(\d{2})\/(\d{2})\/(\d{2})$/.exec(String(w.date ?? ''));
    const time = /^(\d{2}):(\d{2}):(\d{2})$/.exec(String(w.time ?? '00:00:00'));
    if (!day || !time) {
      sink.reject(where, 'weight: date/time not readable');
      return;
    }
    const wall = wallTime(2000 + Number(day[3]), Number(day[1]), Number(day[2]), Number(time[1]), Number(time[2]), Number(time[3]));
    if (typeof wall === 'string') {
      sink.reject(where, `weight: ${wall}`);
      return;
    }
    const at = wall; // a wall-clock time, which the sink places
    const kg = lb ? (w.weight as number) * 0.45359237 : (w.weight as number);
    const src = source(w);
    for (const [metric, value] of [
      ['body_weight', kg],
      ['bmi', w.bmi],
      ['body_fat_percentage', w.fat],
    ] as const) {
      if (typeof value !== 'number') continue;
      const why = sink.add(metric, at, at, value, NO_OFFSET, src);
      if (why) sink.reject(where, why);
    }
  });
}
