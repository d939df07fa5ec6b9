// Issue 15, item 1 "Travel doubles the data": a file whose times carry no UTC offset (LibreView,
// Dexcom Clarity, a CSV without offsets), imported in Tokyo and imported again after the device moved
// to London, must store each reading once, at the wall-clock time the export wrote.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countSamples, readSamples } from '../../../src/data/samples.ts';
import { readDoses } from '../../../src/data/doses.ts';
import { FLAG_OFFSET_ASSUMED } from '../../../models/samples.ts';
import { MINUTE_MS } from '../../../models/util/time.ts';
import type { DoppelDb } from '../../../src/data/db.ts';
import type { MetricId } from '../../../models/metrics.ts';
import { FIXTURES, importFile, importText } from './helpers.ts';
import { useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();
const cgm = (name: string): string => join(FIXTURES, 'real/cgm', name);
const runtimeZone = process.env.TZ;
afterEach(() => {
  if (runtimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = runtimeZone;
});

/**
 * The device's zone for one import: given explicitly (the pipeline's `timeZone` input) and also set
 * as this process's zone, so that nothing of the import can read another zone from the runtime.
 */
function inZone(zone: string): { timeZone: string } {
  process.env.TZ = zone;
  return { timeZone: zone };
}

/** Wall-clock times (start + its own offset) of a metric's samples, as `YYYY-MM-DD HH:MM` strings. */
async function wallClock(d: DoppelDb, metric: MetricId): Promise<string[]> {
  const s = await readSamples(d, metric);
  return [...s.start].map((t, i) => new Date(t + s.offsetMin[i]! * MINUTE_MS).toISOString().slice(0, 16).replace('T', ' '));
}

describe.each([
  ['LibreView', 'glyco_sample_glucose_libreview_mmol.csv', '2019-12-05 16:25'],
  ['Dexcom Clarity', 'cgmquantify_test_file_dexcom-g6-clarity.csv', '2016-10-24 11:24'],
])('%s: import in Tokyo, the device moves to London, the same file again', (_name, file, firstWall) => {
  it('stores every reading once, at the wall-clock time the export wrote', async () => {
    const d = db();
    const first = await importFile(d, cgm(file), inZone('Asia/Tokyo'));
    expect(first.added).toBeGreaterThan(2000);
    const counts = await countSamples(d);
    const walls = await wallClock(d, 'cgm_glucose');
    expect(walls[0]).toBe(firstWall);
    const doses = (await readDoses(d, 'carbs')).length;

    const again = await importFile(d, cgm(file), inZone('Europe/London'));
    expect(again.added).toBe(0);
    expect(again.duplicates).toBe(first.added + first.duplicates);
    expect(again.doses ?? 0).toBe(0);
    expect(await countSamples(d)).toEqual(counts);
    expect(await wallClock(d, 'cgm_glucose')).toEqual(walls);
    expect((await readDoses(d, 'carbs')).length).toBe(doses);
    const s = await readSamples(d, 'cgm_glucose');
    expect(s.flags.every((f) => (f & FLAG_OFFSET_ASSUMED) !== 0)).toBe(true);
  });

  it('a third import in New York, and undoing the first import, still leave one copy of each reading', async () => {
    const d = db();
    const first = await importFile(d, cgm(file), inZone('Asia/Tokyo'));
    const counts = await countSamples(d);
    await importFile(d, cgm(file), inZone('Europe/London'));
    const third = await importFile(d, cgm(file), inZone('America/New_York'));
    expect(third.added).toBe(0);
    expect(await countSamples(d)).toEqual(counts);
    // The later imports hold the same readings: undoing the first passes them on, nothing is lost.
    const { undoImport } = await import('../../../src/data/imports.ts');
    await undoImport(d, first.importId);
    expect(await countSamples(d)).toEqual(counts);
  });
});

describe('a CSV without offsets', () => {
  const csv = ['time,metric,value,unit', '2024-03-10T02:30:00,body_weight,80,kg', '2024-07-01T08:00:00,body_weight,79.5,kg'].join('\n');

  it('keeps its wall-clock times across a zone change, a DST gap of the new zone included', async () => {
    const d = db();
    await importText(d, csv, 'w.csv', inZone('Asia/Tokyo'));
    const walls = await wallClock(d, 'body_weight');
    expect(walls).toEqual(['2024-03-10 02:30', '2024-07-01 08:00']);
    // 2024-03-10 02:30 does not exist in New York (the clocks jump from 02:00 to 03:00).
    const r = await importText(d, csv, 'w.csv', inZone('America/New_York'));
    expect(r).toMatchObject({ added: 0, duplicates: 2 });
    expect(await wallClock(d, 'body_weight')).toEqual(walls);
  });

  it('a new source imported after the move is placed in the zone of its own first import', async () => {
    const d = db();
    await importText(d, csv, 'w.csv', inZone('Asia/Tokyo'));
    const other = csv.replace('unit', 'unit,source').replaceAll(',kg', ',kg,Scale B');
    await importText(d, other, 'b.csv', inZone('Europe/London'));
    const s = await readSamples(d, 'body_weight');
    const offsets = new Map<number, number[]>();
    for (let i = 0; i < s.start.length; i++) offsets.set(s.source[i]!, [...(offsets.get(s.source[i]!) ?? []), s.offsetMin[i]!]);
    expect([...offsets.values()].sort()).toEqual([
      [0, 60],
      [540, 540],
    ]);
  });
});
