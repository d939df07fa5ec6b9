/**
 * `npm run bench:browser [-- days]`: the data-layer benchmark in headless Chromium on real IndexedDB,
 * inside a module worker as in the app. Serves the sources with Vite on 127.0.0.1 only.
 */
import os from 'node:os';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { findChromium } from '../test/chromium.mjs';
import { table, type BenchResult } from './harness.ts';

const days = Number(process.argv[2] ?? 1096);
/** `npm run bench:browser -- 0 share` runs the share-file cases only; `-- 0 twin` the twin cases only. */
const only = process.argv[3];
const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
  process.exit(2);
}
const server = await createServer({
  configFile: false,
  root: process.cwd(),
  server: { host: '127.0.0.1', port: 0 },
  logLevel: 'error',
  worker: { format: 'es' },
  optimizeDeps: { entries: ['tools/bench/browser/index.html'] },
});
await server.listen();
const url = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${url}tools/bench/browser/index.html?days=${days}${only ? `&only=${only}` : ''}`);
  const handle = await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench, undefined, { timeout: 600_000 });
  const out = (await handle.jsonValue()) as { ok: boolean; results?: BenchResult[]; error?: string };
  if (!out.ok) throw new Error(out.error);
  console.log(`Chromium ${browser.version()}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString()}\n`);
  console.log(table(out.results!));
} finally {
  await browser.close();
  await server.close();
}
