/** Data-layer benchmark cases, shared by the Node run (fake-indexeddb) and the Chromium run (real IndexedDB). */
import { BatchBuilder, type SampleBatch } from '../../../models/samples.ts';
import { DoppelDb } from '../../../src/data/db.ts';
import { commitImport } from '../../../src/data/imports.ts';
import { readDaily, readSamples } from '../../../src/data/samples.ts';
import { createRng } from '../../../models/util/random.ts';
import type { BenchCase } from '../harness.ts';

/** Minute-level heart rate, `days` days from 2023-01-01, one source, recorded at UTC+01:00. */
export function minuteHeartRate(days: number): SampleBatch {
  const rng = createRng(1);
  const b = new BatchBuilder('heart_rate', days * 1440);
  const t0 = Date.UTC(2023, 0, 1);
  for (let i = 0; i < days * 1440; i++) {
    const t = t0 + i * 60_000;
    b.push(t, t, Math.round(70 + 10 * Math.sin(i / 300) + rng.normal() * 4), 60, 0);
  }
  return b.build();
}

export function storeCases(opts: { days: number; runs: number; label: string }): BenchCase[] {
  const hr = minuteHeartRate(opts.days);
  const n = hr.start.length;
  let k = 0;
  const newDb = (): DoppelDb => new DoppelDb(`bench-${opts.label.replace(/\W/g, '')}-${Date.now()}-${k++}`);
  let filled: DoppelDb | undefined;
  const getFilled = async (): Promise<DoppelDb> => {
    if (!filled) {
      filled = newDb();
      await commitImport(filled, input);
    }
    return filled;
  };
  const input = {
    fileName: 'bench',
    format: 'bench',
    bytes: 0,
    sources: [{ name: 'Bench Watch', model: 'Watch' }],
    batches: [hr],
    rejected: [],
    ignored: {},
  };
  const count = n.toLocaleString('en');
  return [
    {
      name: `${opts.label}: commit ${count} minute HR samples (one import, fresh store)`,
      runs: opts.runs,
      warmup: 0,
      setup: () => newDb(),
      run: async (db) => {
        await commitImport(db as DoppelDb, input);
        await (db as DoppelDb).delete();
      },
      items: n,
      unit: 'samples',
      note: 'one transaction; includes daily rows; includes deleting the store',
    },
    {
      name: `${opts.label}: re-import the same ${count} samples (all duplicates)`,
      runs: opts.runs,
      setup: getFilled,
      run: (db) => commitImport(db as DoppelDb, input),
      items: n,
      unit: 'samples',
    },
    {
      name: `${opts.label}: read all ${count} samples (readSamples)`,
      runs: opts.runs,
      setup: getFilled,
      run: async (db) => {
        const c = await readSamples(db as DoppelDb, 'heart_rate');
        if (c.n !== n) throw new Error(`read ${c.n} of ${n}`);
      },
      items: n,
      unit: 'samples',
    },
    {
      name: `${opts.label}: read ${opts.days} daily rows (readDaily)`,
      runs: opts.runs,
      setup: getFilled,
      run: async (db) => {
        const rows = await readDaily(db as DoppelDb, 'heart_rate');
        if (rows.length < opts.days) throw new Error(`read ${rows.length} daily rows`);
      },
    },
  ];
}
