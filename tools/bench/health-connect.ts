/**
 * `npm run bench:hc`: an Android Health Connect export of a year of minute heart rate (525,600
 * samples in hourly records, as a watch app writes them) plus one day of minute steps from two apps
 * (tools/gen/health-connect.ts `--year-hr`, written once to .bench-out/), imported end to end: in Node through the CLI's pipeline
 * (fake-indexeddb), and in headless Chromium through the built app's Import page (import worker,
 * sql.js, real IndexedDB). Memory: the import worker's peak JS heap, sampled every 100 ms over the
 * DevTools protocol (it does not see WebAssembly memory or array buffers), and the peak resident
 * memory of the renderer process that runs the page and its workers (Linux /proc VmHWM), before the
 * file is chosen and after the import. Needs `npx vite build` first. Prints markdown for docs/benchmarks.md.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { DoppelDb } from '../../src/data/db.ts';
import { importBlob } from '../../src/import/pipeline.ts';
import { findChromium } from '../test/chromium.mjs';
import { serveDir } from '../../test/e2e/support/static-server.ts';
import { workerHeapSampler } from './import-browser.ts';
import { rendererPeakMb } from './renderer-memory.ts';

const FILE = '.bench-out/health_connect_export-year.zip';

// Generated in a child process, so that this process's peak memory is the import's.
mkdirSync('.bench-out', { recursive: true });
if (!existsSync(FILE))
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/gen/health-connect.ts', '--year-hr', '--out', FILE], { stdio: 'inherit' });
const zip = new Uint8Array(readFileSync(FILE));
const mb = zip.length / 1e6;
const lines: string[] = [];

// Node: the CLI's pipeline into fake-indexeddb.
{
  const db = new DoppelDb(`bench-hc-${process.pid}`);
  const rssBefore = process.memoryUsage().rss / 2 ** 20;
  const t0 = performance.now();
  const r = await importBlob(db, new Blob([zip]), 'health_connect_export.zip');
  const s = (performance.now() - t0) / 1000;
  lines.push(
    `| Node ${process.version}, CLI pipeline (fake-indexeddb) | ${s.toFixed(1)} | ${r.added.toLocaleString('en')} | – | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} (process; ${rssBefore.toFixed(0)} before) |`,
  );
  await db.delete();
}

// Chromium: the built app.
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
const app = await serveDir('dist');
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const heap = await workerHeapSampler(await context.newCDPSession(page));
  await page.goto(`${app.url}/#/import`);
  await page.getByRole('heading', { name: 'Import your data' }).waitFor();
  const before = rendererPeakMb();
  const t0 = performance.now();
  await page
    .locator('input[type="file"]:not([webkitdirectory])')
    .setInputFiles({ name: 'health_connect_export.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await page.getByTestId('import-result').or(page.getByRole('alert')).first().waitFor({ timeout: 1_800_000 });
  if (await page.getByRole('alert').count()) throw new Error(await page.getByRole('alert').innerText());
  const s = (performance.now() - t0) / 1000;
  const text = await page.getByTestId('import-result').innerText();
  const added = /([\d,]+) added/.exec(text)?.[1] ?? '?';
  lines.push(
    `| Chromium ${browser.version()}, app end to end (import worker, sql.js, IndexedDB) | ${s.toFixed(1)} | ${added} | ${heap.stop().toFixed(0)} | ${rendererPeakMb().toFixed(0)} (renderer; ${before.toFixed(0)} before the file) |`,
  );
  await context.close();
} finally {
  await browser.close();
  await app.close();
}

console.log(
  `${new Date().toISOString()}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30) | 0} GiB; ${FILE}: ${mb.toFixed(1)} MB zip\n`,
);
console.log('| run | s | added | peak worker JS heap MB | peak resident MB |');
console.log('|---|---|---|---|---|');
for (const l of lines) console.log(l);
