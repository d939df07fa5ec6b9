/**
 * `npm run bench:backup [-- 100]`: imports a generated Apple Health export of the given size in MB
 * (made under .bench-out/ if missing) into an in-memory store (fake-indexeddb), then makes the
 * encrypted backup of that history to a file (passphrase: Argon2id, AES-GCM segments) and restores
 * it into an empty store. Prints the times, the backup's size and the JS heap the backup itself
 * needed (peak heap while it ran above the heap before: the store lives in the same heap here, and
 * the restored store grows in it, so the restore's figure includes the restored data itself).
 * Prints a markdown table for docs/benchmarks.md.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { existsSync, openAsBlob, statSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import os from 'node:os';
import { backupRecords } from '../../src/backup/reader.ts';
import { restoreRecords } from '../../src/backup/restore.ts';
import { writeBackup } from '../../src/backup/writer.ts';
import { DoppelDb } from '../../src/data/db.ts';
import { countSamples } from '../../src/data/samples.ts';
import { importBlob } from '../../src/import/pipeline.ts';

const mb = Number(process.argv[2] ?? 100);
const src = `.bench-out/export-${mb}mb.xml`;
if (!existsSync(src) || Math.abs(statSync(src).size - mb * 1e6) > mb * 1e4)
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/gen/apple-health.ts', '--mb', String(mb), '--out', src], { stdio: 'inherit' });

function heapPeak(): { stop(): number } {
  let peak = process.memoryUsage().heapUsed;
  const id = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  return { stop: () => (clearInterval(id), Math.max(peak, process.memoryUsage().heapUsed)) };
}
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const MiB = 2 ** 20;

const db = new DoppelDb(`bench-backup-${process.pid}`);
let t = performance.now();
await importBlob(db, await openAsBlob(src), src);
const importS = (performance.now() - t) / 1000;
const samples = Object.values(await countSamples(db)).reduce((a, b) => a + b, 0);

const out = `${os.tmpdir()}/doppel-bench-${process.pid}.doppel`;
const fh = await open(out, 'w');
gc();
const base = process.memoryUsage().heapUsed;
const heap = heapPeak();
t = performance.now();
const summary = await writeBackup(db, { passphrase: 'correct horse battery staple' }, async (b) => void (await fh.write(b)));
const backupS = (performance.now() - t) / 1000;
const backupHeap = (heap.stop() - base) / MiB;
await fh.close();

const fresh = new DoppelDb(`bench-restore-${process.pid}`);
const file = await openAsBlob(out);
gc();
const restoreBase = process.memoryUsage().heapUsed;
const restoreHeap = heapPeak();
t = performance.now();
const restored = await restoreRecords(fresh, backupRecords(file, { passphrase: 'correct horse battery staple' }), {
  fileName: 'bench.doppel',
  bytes: file.size,
  dailyIncluded: true,
});
const restoreS = (performance.now() - t) / 1000;
const restoreHeapMiB = (restoreHeap.stop() - restoreBase) / MiB;
await rm(out);

console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString()}\n`);
console.log(
  '| history of | samples | import (s) | backup (s) | backup file (MB) | heap for the backup (MiB) | restore, empty store (s) | heap for the restore (MiB) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
console.log(
  `| ${src} (${mb} MB) | ${samples.toLocaleString('en')} | ${importS.toFixed(1)} | ${backupS.toFixed(1)} | ${(summary.bytes / 1e6).toFixed(1)} | ${backupHeap.toFixed(0)} | ${restoreS.toFixed(1)} (${restored.mode}, ${restored.samples.toLocaleString('en')} samples) | ${restoreHeapMiB.toFixed(0)} |`,
);
