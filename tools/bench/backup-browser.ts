/**
 * `npm run bench:backup-browser [-- 100]`: the backup and restore of `bench:backup`, in headless
 * Chromium through the built app: a generated Apple Health export of the given size in MB (made
 * under .bench-out/ if missing) imported through the Import page (import worker, real IndexedDB),
 * backed up with a generated code on the "Back up and restore" screen (downloaded), then restored
 * with that code in a fresh browser (an empty device). Times run from the button to the screen's
 * result line. Memory: the workers' peak JS heap (DevTools protocol, every 100 ms) and the peak
 * resident memory of the renderer processes (Linux VmHWM; a fresh browser per step, so each figure
 * is that step's). Checks that the restored device holds as many measurements as the backup.
 * Needs `npx vite build` first. Prints markdown for docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import { findChromium } from '../test/chromium.mjs';
import { serveDir } from '../../test/e2e/support/static-server.ts';
import { workerHeapSampler } from './import-browser.ts';
import { rendererPeakMb } from './renderer-memory.ts';

const mb = Number(process.argv[2] ?? 100);
const src = `.bench-out/export-${mb}mb.xml`;
mkdirSync('.bench-out', { recursive: true });
if (!existsSync(src) || Math.abs(statSync(src).size - mb * 1e6) > mb * 1e4)
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/gen/apple-health.ts', '--mb', String(mb), '--out', src], { stdio: 'inherit' });
const backupPath = `.bench-out/backup-${mb}mb.doppel`;
const LONG = 3_600_000;

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
const app = await serveDir('dist');
// The share sheet is removed so that the made file is downloaded (desktop Chromium on Linux has none).
const NO_SHARE_SHEET = "Reflect.deleteProperty(Navigator.prototype, 'share'); Reflect.deleteProperty(Navigator.prototype, 'canShare');";

const launch = (): Promise<Browser> => chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const count = (text: string, re: RegExp): number => Number(re.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);

async function step<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T & { heapMb: number; rendererMb: number }> {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(NO_SHARE_SHEET);
  const page = await context.newPage();
  const heap = await workerHeapSampler(await context.newCDPSession(page));
  const r = await run(page);
  return { ...r, heapMb: heap.stop(), rendererMb: rendererPeakMb() };
}

const rows: string[] = [];
let version: string;
let made: { seconds: number; bytes: number; samples: number; code: string; heapMb: number; rendererMb: number };
// The device that has the data: import, then back up.
{
  const browser = await launch();
  version = browser.version();
  try {
    made = await step(browser, async (page) => {
      await page.goto(`${app.url}/#/import`);
      await page.getByRole('heading', { name: 'Import your data' }).waitFor();
      let t0 = performance.now();
      await page.locator('input[type="file"]:not([webkitdirectory])').setInputFiles(src);
      await page.getByTestId('import-result').or(page.getByRole('alert')).first().waitFor({ timeout: LONG });
      const importS = (performance.now() - t0) / 1000;
      console.error(`imported in ${importS.toFixed(1)} s: ${await page.getByTestId('import-result').innerText()}`);
      await page.goto(`${app.url}/#/backup`);
      await page.getByRole('heading', { name: 'Back up and restore', level: 1 }).waitFor();
      t0 = performance.now();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: LONG }),
        page.getByRole('button', { name: 'Make the backup' }).click(),
      ]);
      await page.getByTestId('backup-result').waitFor({ timeout: LONG });
      const seconds = (performance.now() - t0) / 1000;
      await download.saveAs(backupPath);
      const text = await page.getByTestId('backup-result').innerText();
      return {
        seconds,
        bytes: statSync(backupPath).size,
        samples: count(text, /([\d,]+) measurements/),
        code: (await page.getByTestId('backup-code').innerText()).trim(),
      };
    });
  } finally {
    await browser.close();
  }
}
rows.push(
  `| back up (code) | ${made.seconds.toFixed(1)} s | ${made.samples.toLocaleString('en')} | ${(made.bytes / 1e6).toFixed(1)} MB | ${made.heapMb.toFixed(0)} | ${made.rendererMb.toFixed(0)} |`,
);

// A new device: an empty browser restores the file with the code.
{
  const browser = await launch();
  try {
    const restored = await step(browser, async (page) => {
      await page.goto(`${app.url}/#/backup`);
      await page.getByRole('heading', { name: 'Back up and restore', level: 1 }).waitFor();
      await page.getByTestId('restore-file').setInputFiles(backupPath);
      await page.getByLabel('Code', { exact: true }).fill(made.code);
      const t0 = performance.now();
      await page.getByRole('button', { name: 'Restore', exact: true }).click();
      await page.getByTestId('restore-result').or(page.getByTestId('restore-error')).waitFor({ timeout: LONG });
      const seconds = (performance.now() - t0) / 1000;
      if (await page.getByTestId('restore-error').count()) throw new Error(await page.getByTestId('restore-error').innerText());
      return { seconds, samples: count(await page.getByTestId('restore-result').innerText(), /([\d,]+) measurements/) };
    });
    if (restored.samples !== made.samples) throw new Error(`restored ${restored.samples} measurements, the backup held ${made.samples}`);
    rows.push(
      `| restore onto an empty device (code), twin refreshed | ${restored.seconds.toFixed(1)} s | ${restored.samples.toLocaleString('en')} | – | ${restored.heapMb.toFixed(0)} | ${restored.rendererMb.toFixed(0)} |`,
    );
  } finally {
    await browser.close();
  }
}
await app.close();

console.log(
  `Chromium ${version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, load ${os.loadavg()[0]!.toFixed(1)}, ${new Date().toISOString()}, history of a ${mb} MB Apple Health import\n`,
);
console.log('| step | time | measurements | file | workers\u2019 peak JS heap (MB) | renderer peak resident (MB) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
