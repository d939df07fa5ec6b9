/**
 * `npm run bench [-- filter]`: Node benchmarks of the engine (models and data layer on
 * fake-indexeddb). Browser figures come from `npm run bench:browser` (real IndexedDB in Chromium).
 */
import 'fake-indexeddb/auto';
import os from 'node:os';
import { generateDemoPerson } from '../../models/demo/synthetic-person.ts';
import { mergeIntoChunk } from '../../src/data/chunk-merge.ts';
import { bench, table, type BenchCase, type BenchResult } from './harness.ts';
import { minuteHeartRate, storeCases } from './cases/store.ts';
import { riskProfiles } from './cases/risk.ts';
import { riskReport } from '../../models/risk/report.ts';
import { twinCases } from './cases/twin.ts';
import { shareCases } from './cases/share.ts';

const filter = process.argv[2];
const month = minuteHeartRate(30);
const all = Array.from({ length: month.start.length }, (_, i) => i);
const once = mergeIntoChunk(undefined, month, all, 1).columns;
const profiles = riskProfiles(10_000);

const cases: BenchCase[] = [
  { name: 'demo person: generate 2 years + 14 days CGM', run: () => generateDemoPerson({ endDay: '2026-11-21', offsetMin: 60 }), runs: 9 },
  {
    name: 'merge 43,200 samples into an empty month chunk',
    run: () => mergeIntoChunk(undefined, month, all, 1),
    items: all.length,
    unit: 'samples',
    runs: 9,
  },
  {
    name: 'merge 43,200 duplicates into a full month chunk',
    run: () => mergeIntoChunk(once, month, all, 2),
    items: all.length,
    unit: 'samples',
    runs: 9,
  },
  {
    name: 'risk: score 10,000 full profiles (every equation)',
    run: () => profiles.forEach((p) => riskReport(p)),
    items: profiles.length,
    unit: 'profiles',
    runs: 9,
    warmup: 3,
  },
  ...twinCases({ runs: 9, cohort: true }),
  ...storeCases({ days: 365, runs: 3, label: 'node/fake-indexeddb' }),
  ...shareCases({ runs: 3, label: 'node/fake-indexeddb share' }),
];

const results: BenchResult[] = [];
for (const c of cases) {
  if (filter && !c.name.includes(filter)) continue;
  results.push(await bench(c));
  process.stderr.write(`done: ${c.name}\n`);
}
console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString()}\n`);
console.log(table(results));
