/**
 * `npm run bench:import` (Node part): parse-only and end-to-end import of generated Apple Health
 * exports, through the pipeline the app and CLI use. End to end here stores into fake-indexeddb
 * (in-memory JS), so it measures the pipeline's own CPU cost; Chromium figures (real IndexedDB,
 * real worker) come from tools/bench/import-browser.ts.
 */
import 'fake-indexeddb/auto';
import { openAsBlob, statSync } from 'node:fs';
import os from 'node:os';
import { DoppelDb } from '../../src/data/db.ts';
import { blobChunks } from '../../src/import/bytes.ts';
import { parseAppleHealthXml } from '../../src/import/formats/apple-health-xml.ts';
import { importBlob } from '../../src/import/pipeline.ts';
import { ImportSink } from '../../src/import/sink.ts';

export interface ImportBenchRow {
  file: string;
  mode: string;
  mb: number;
  seconds: number;
  mbPerS: number;
  recordsPerS: number;
  records: number;
  peakHeapMb: number;
}

function heapSampler(): { stop(): number } {
  let peak = process.memoryUsage().heapUsed;
  const id = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  return { stop: () => (clearInterval(id), Math.max(peak, process.memoryUsage().heapUsed) / 2 ** 20) };
}

export async function benchFile(path: string, endToEnd: boolean): Promise<ImportBenchRow[]> {
  const size = statSync(path).size;
  const rows: ImportBenchRow[] = [];
  // parse-only: the same parser and sink, batches discarded
  {
    global.gc?.();
    const heap = heapSampler();
    const sink = new ImportSink(Date.now(), async () => undefined);
    const t0 = performance.now();
    await parseAppleHealthXml(blobChunks(await openAsBlob(path)), sink);
    const s = (performance.now() - t0) / 1000;
    rows.push({
      file: path,
      mode: 'parse only',
      mb: size / 1e6,
      seconds: s,
      mbPerS: size / 1e6 / s,
      records: sink.accepted,
      recordsPerS: sink.accepted / s,
      peakHeapMb: heap.stop(),
    });
  }
  if (endToEnd) {
    global.gc?.();
    const heap = heapSampler();
    const db = new DoppelDb(`bench-import-${Date.now()}`);
    const t0 = performance.now();
    const r = await importBlob(db, await openAsBlob(path), 'export.xml');
    const s = (performance.now() - t0) / 1000;
    rows.push({
      file: path,
      mode: 'end to end (fake-indexeddb)',
      mb: size / 1e6,
      seconds: s,
      mbPerS: size / 1e6 / s,
      records: r.added + r.duplicates,
      recordsPerS: (r.added + r.duplicates) / s,
      peakHeapMb: heap.stop(),
    });
    await db.delete();
  }
  return rows;
}

export function importTable(rows: ImportBenchRow[]): string {
  return [
    '| file | mode | MB | s | MB/s | records | records/s | peak JS heap MB |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.file.split('/').pop()} | ${r.mode} | ${r.mb.toFixed(0)} | ${r.seconds.toFixed(2)} | ${r.mbPerS.toFixed(1)} | ${r.records.toLocaleString('en')} | ${Math.round(r.recordsPerS).toLocaleString('en')} | ${r.peakHeapMb.toFixed(0)} |`,
    ),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  const rows: ImportBenchRow[] = [];
  for (const f of files) rows.push(...(await benchFile(f, statSync(f).size < 300e6)));
  console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString()}\n`);
  console.log(importTable(rows));
}
