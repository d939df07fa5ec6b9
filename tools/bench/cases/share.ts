/** Share-file benchmark cases (issue 7): two years including minute-level heart rate; Node and Chromium. */
import { argon2id } from 'hash-wasm';
import { DoppelDb } from '../../../src/data/db.ts';
import { commitImport } from '../../../src/data/imports.ts';
import { ARGON2 } from '../../../src/share/format.ts';
import { createShare, openShareInto } from '../../../src/share/share.ts';
import type { BenchCase } from '../harness.ts';
import { minuteHeartRate } from './store.ts';

const SECRET = { passphrase: 'correct horse battery staple' };

export function shareCases(opts: { runs: number; label: string; days?: number }): BenchCase[] {
  const days = opts.days ?? 730;
  const hr = minuteHeartRate(days);
  let k = 0;
  const newDb = (): DoppelDb => new DoppelDb(`bench-share-${opts.label.replace(/\W/g, '')}-${Date.now()}-${k++}`);
  let source: DoppelDb | undefined;
  let file: Uint8Array | undefined;
  const scope = { metrics: ['heart_rate' as const], scenarioIds: [] };
  const filled = async (): Promise<DoppelDb> => {
    if (!source) {
      source = newDb();
      await commitImport(source, {
        fileName: 'bench',
        format: 'bench',
        bytes: 0,
        sources: [{ name: 'Bench Watch', model: 'Watch' }],
        batches: [hr],
        rejected: [],
        ignored: {},
      });
    }
    return source;
  };
  const count = hr.start.length.toLocaleString('en');
  return [
    {
      name: `${opts.label}: Argon2id key (${ARGON2.memoryKiB / 1024} MiB, ${ARGON2.iterations} passes)`,
      runs: opts.runs,
      run: () =>
        argon2id({
          password: SECRET.passphrase,
          salt: new Uint8Array(16),
          parallelism: ARGON2.parallelism,
          iterations: ARGON2.iterations,
          memorySize: ARGON2.memoryKiB,
          hashLength: 32,
          outputType: 'binary',
        }),
    },
    {
      name: `${opts.label}: make a share of ${days} days with ${count} minute HR samples (read, JSON, deflate, Argon2id, AES-GCM)`,
      runs: opts.runs,
      warmup: 0,
      setup: filled,
      run: async (db) => {
        file = (await createShare(db as DoppelDb, scope, 'Bench', SECRET)).bytes;
      },
      items: hr.start.length,
      unit: 'samples',
    },
    {
      name: `${opts.label}: open it into a review workspace (Argon2id, AES-GCM, inflate, check, store, snapshot)`,
      runs: opts.runs,
      warmup: 0,
      setup: async () => {
        if (!file) file = (await createShare(await filled(), scope, 'Bench', SECRET)).bytes;
        return newDb();
      },
      run: async (db) => {
        await openShareInto(db as DoppelDb, file!, SECRET);
        await (db as DoppelDb).delete();
      },
      items: hr.start.length,
      unit: 'samples',
      note: file ? `${(file.length / 2 ** 20).toFixed(1)} MiB file` : undefined,
    },
  ];
}
