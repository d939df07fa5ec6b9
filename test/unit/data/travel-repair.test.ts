// Schema v5 repairs stores that the "travel doubles the data" bug (issue 15, item 1) already doubled:
// a v4 database holding the real LibreView and Dexcom files imported in Tokyo and again in London
// (as the code before the fix did: each import placed the wall-clock times in the zone of the moment).
import Dexie from 'dexie';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DoppelDb } from '../../../src/data/db.ts';
import { countSamples, readDaily, readSamples } from '../../../src/data/samples.ts';
import { readDoses } from '../../../src/data/doses.ts';
import { undoImport } from '../../../src/data/imports.ts';
import { zoneOffsetMin } from '../../../models/util/zone.ts';
import { MINUTE_MS } from '../../../models/util/time.ts';
import { FIXTURES, importFile, importText } from '../import/helpers.ts';
import { allocColumns, type ChunkColumns } from '../../../src/data/chunk-merge.ts';
import { applyRepair, emptyRepair, findTravelCopies, ZoneProbes, type ChunkRepair } from '../../../src/data/travel-repair.ts';
import { FLAG_OFFSET_ASSUMED } from '../../../models/samples.ts';

const runtimeZone = process.env.TZ;
const names: string[] = [];
afterEach(async () => {
  if (runtimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = runtimeZone;
  for (const n of names.splice(0)) await Dexie.delete(n);
});
let seq = 0;
const dbName = (): string => {
  const n = `travel-repair-${process.pid}-${seq++}`;
  names.push(n);
  return n;
};
const cgm = (name: string): string => join(FIXTURES, 'real/cgm', name);
const inZone = (zone: string): { timeZone: string } => {
  process.env.TZ = zone;
  return { timeZone: zone };
};

/** Imports as v4's code did: no zone remembered with the source, so each import uses the device's. */
async function importAsBeforeTheFix(db: DoppelDb, path: string, zone: string) {
  const r = await importFile(db, path, inZone(zone));
  await db.sources.toCollection().modify((s) => void delete s.wallZone);
  return r;
}

async function wallClocks(db: DoppelDb): Promise<number[]> {
  const s = await readSamples(db, 'cgm_glucose');
  return [...s.start].map((t, i) => t + s.offsetMin[i]! * MINUTE_MS).sort((a, b) => a - b);
}

describe.each([
  ['LibreView', 'glyco_sample_glucose_libreview_mmol.csv'],
  ['Dexcom Clarity', 'cgmquantify_test_file_dexcom-g6-clarity.csv'],
])('v5 upgrade of a store the bug doubled: %s', (_name, file) => {
  it('keeps each reading once, at its wall-clock time, and later imports stay single', async () => {
    // The reference: the file imported once.
    const once = new DoppelDb(dbName(), 4);
    const single = await importAsBeforeTheFix(once, cgm(file), 'Asia/Tokyo');
    const counts = await countSamples(once);
    const walls = await wallClocks(once);
    const carbs = (await readDoses(once, 'carbs')).length;
    const days = await readDaily(once, 'cgm_glucose');
    once.close();

    const name = dbName();
    const v4 = new DoppelDb(name, 4);
    const first = await importAsBeforeTheFix(v4, cgm(file), 'Asia/Tokyo');
    const second = await importAsBeforeTheFix(v4, cgm(file), 'Europe/London');
    // The bug: (almost) every reading a second time. A few shifted copies land on the instant of
    // another reading with the same value and merge with it, so not quite all.
    expect(second.added).toBeGreaterThan(0.99 * single.added);
    expect((await countSamples(v4)).cgm_glucose).toBe(counts.cgm_glucose! + second.added);
    v4.close();

    const db = new DoppelDb(name); // opening runs the v5 upgrade (the device still in London)
    await db.open();
    // Left: only what the London import placed in the hour London skipped (2020-03-29 01:00-02:00):
    // it stored those readings an hour later on the wall, on the instant a real reading of 02:xx
    // would have, so nothing tells them from one (docs/import-formats.md "Time").
    const left = new Map<number, number>(); // wall-clock time → readings the file has there
    for (const w of walls) left.set(w, (left.get(w) ?? 0) + 1);
    const extra = (await wallClocks(db)).filter((w) => {
      const n = left.get(w) ?? 0;
      left.set(w, n - 1);
      return n === 0;
    });
    expect([...left.values()].filter((n) => n > 0)).toEqual([]);
    for (const w of extra) expect(new Date(w).toISOString()).toMatch(/^2020-03-29T02:/);
    expect(extra.length).toBeLessThanOrEqual(4);
    expect((await countSamples(db)).cgm_glucose).toBe(counts.cgm_glucose! + extra.length);
    expect((await readDoses(db, 'carbs')).length).toBe(carbs);
    if (!extra.length) expect(await readDaily(db, 'cgm_glucose')).toEqual(days);
    const rows = await db.imports.toArray();
    expect(rows.find((r) => r.id === second.importId)).toMatchObject({
      added: extra.length,
      duplicates: second.added + second.duplicates - extra.length,
    });
    expect(rows.find((r) => r.id === first.importId)).toMatchObject({ added: first.added });

    // The source remembers a zone with Tokyo's offsets at these readings.
    const [source] = await db.sources.toArray();
    const s = await readSamples(db, 'cgm_glucose');
    expect(source!.wallZone).toBeDefined();
    for (let i = 0; i < s.start.length; i += 97) expect(zoneOffsetMin(source!.wallZone!, s.start[i]!)).toBe(540);

    // From now on the same file adds nothing, wherever the device is.
    const repaired = await countSamples(db);
    const again = await importFile(db, cgm(file), inZone('America/New_York'));
    expect(again.added).toBe(0);
    expect(await countSamples(db)).toEqual(repaired);
    // The London import still holds the readings: undoing the Tokyo one leaves them.
    await undoImport(db, first.importId);
    expect(await countSamples(db)).toEqual(repaired);
    // Undoing the London import too takes its leftovers with it: the file imported once remains.
    await undoImport(db, second.importId);
    expect(await wallClocks(db)).toEqual(walls);
    db.close();
  });
});

describe('v5 upgrade never removes two real readings', () => {
  it('leaves readings with one wall-clock time alone unless they are one file placed in two zones', async () => {
    const name = dbName();
    const v4 = new DoppelDb(name, 4);
    // Nightscout gives instants: 10:00Z read in London and 09:00Z read in Paris are both 10:00 on the
    // wall, with the same value, from two imports, yet they are two readings an hour apart.
    const ns = (ms: number): string => JSON.stringify([{ type: 'sgv', sgv: 120, date: ms }]);
    await importText(v4, ns(Date.UTC(2024, 0, 10, 10)), 'a.json', inZone('Europe/London'));
    await importText(v4, ns(Date.UTC(2024, 0, 10, 9)), 'b.json', inZone('Europe/Paris'));
    // Offsets given by the file: never touched.
    const csv = (iso: string): string => `time,metric,value,unit\n${iso},body_weight,80,kg\n`;
    await importText(v4, csv('2024-01-10T10:00:00+00:00'), 'c.csv');
    await importText(v4, csv('2024-01-10T10:00:00+01:00'), 'd.csv');
    const before = await countSamples(v4);
    expect(before).toMatchObject({ cgm_glucose: 2, body_weight: 2 });
    v4.close();

    const db = new DoppelDb(name);
    await db.open();
    expect(await countSamples(db)).toEqual(before);
    db.close();
  });
});

describe('findTravelCopies on chunks', () => {
  const H = 3_600_000;
  const t = Date.UTC(2024, 0, 10, 1); // 10:00 in Tokyo, 01:00 in London
  const chunk = (rows: [start: number, offsetMin: number, value: number, importId: number][]): ChunkColumns => {
    const c = allocColumns(rows.length);
    rows.forEach(([start, off, value, imp], i) => {
      c.start[i] = c.end[i] = start;
      c.offsetMin[i] = off;
      c.value[i] = value;
      c.importId[i] = imp;
      c.source[i] = 1;
      c.flags[i] = FLAG_OFFSET_ASSUMED;
    });
    return c;
  };
  const find = (c: ChunkColumns): ChunkRepair => {
    const r = emptyRepair();
    findTravelCopies([c], () => true, r);
    return r;
  };

  it("drops the later import's copy and makes that import a shadow of the kept reading", () => {
    const c = chunk([
      [t, 540, 100, 1],
      [t + 9 * H, 0, 100, 2],
    ]);
    const r = find(c);
    const out = applyRepair(c, r);
    expect(out.n).toBe(1);
    expect([out.start[0], out.importId[0]]).toEqual([t, 1]);
    expect([...out.shadowOf!, ...out.shadowImport!]).toEqual([0, 2]);
    expect([...r.removedByImport]).toEqual([[2, 1]]);
  });

  it('keeps readings that differ in value, that one import holds twice, or that have no assumed offset', () => {
    expect(
      find(
        chunk([
          [t, 540, 100, 1],
          [t + 9 * H, 0, 101, 2],
        ]),
      ).drop.size,
    ).toBe(0);
    expect(
      find(
        chunk([
          [t, 540, 100, 1],
          [t + 9 * H, 0, 100, 1],
        ]),
      ).drop.size,
    ).toBe(0);
    const given = chunk([
      [t, 540, 100, 1],
      [t + 9 * H, 0, 100, 2],
    ]);
    given.flags[1] = 0;
    expect(find(given).drop.size).toBe(0);
    const r = emptyRepair();
    findTravelCopies(
      [
        chunk([
          [t, 540, 100, 1],
          [t + 9 * H, 0, 100, 2],
        ]),
      ],
      (id) => id !== 2,
      r,
    );
    expect(r.drop.size).toBe(0);
  });
});

describe('ZoneProbes', () => {
  it('names a zone whose transitions fit the stored offsets, not one with the same offsets on other dates', () => {
    // Placed in America/New_York around its 2019 spring change (2019-03-10 07:00 UTC, -05:00 → -04:00),
    // every 15 minutes. America/Havana has the same offsets but changed at 05:00 UTC that day.
    const p = new ZoneProbes();
    for (let t = Date.UTC(2019, 2, 9); t < Date.UTC(2019, 2, 11); t += 15 * 60_000) {
      p.add(1, 7, t, t < Date.UTC(2019, 2, 10, 7) ? -300 : -240);
    }
    expect(p.zoneOf(1, ['America/Havana', 'America/New_York'])).toBe('America/New_York');
    expect(p.zoneOf(2, ['America/New_York'])).toBeUndefined();
  });
});
