/**
 * `npm run bench:import` (Chromium part): a generated Apple Health export imported through the built
 * app's Import page, i.e. the real import worker and IndexedDB, timed from choosing the file to the
 * result; and a parse-only baseline of the same parser in a module worker. Peak JS heap of the
 * workers is sampled every 100 ms over the DevTools protocol. Needs `npx vite build` first.
 */
import os from 'node:os';
import { statSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { createServer } from 'vite';
import { findChromium } from '../test/chromium.mjs';
import { serveDir } from '../../test/e2e/support/static-server.ts';
import type { ImportBenchRow } from './import-node.ts';

/** Peak JS heap (MB) over the page's workers, sampled through non-flattened CDP target sessions. */
export async function workerHeapSampler(cdp: CDPSession): Promise<{ stop(): number }> {
  const sessions = new Set<string>();
  const pending = new Map<number, (v: number) => void>();
  let id = 1;
  let peak = 0;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') sessions.add(e.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (e) => sessions.delete(e.sessionId!));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
    if (m.id && pending.has(m.id)) {
      pending.get(m.id)!(m.result?.usedSize ?? 0);
      pending.delete(m.id);
    }
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const timer = setInterval(() => {
    for (const s of sessions) {
      const mid = id++;
      pending.set(mid, (used) => (peak = Math.max(peak, used)));
      void cdp
        .send('Target.sendMessageToTarget', { sessionId: s, message: JSON.stringify({ id: mid, method: 'Runtime.getHeapUsage' }) })
        .catch(() => undefined);
    }
  }, 100);
  return { stop: () => (clearInterval(timer), peak / 2 ** 20) };
}

async function waitResult(page: Page, timeoutMs: number): Promise<void> {
  await page.getByTestId('import-result').or(page.getByRole('alert')).first().waitFor({ timeout: timeoutMs });
  if (await page.getByRole('alert').count()) throw new Error(await page.getByRole('alert').innerText());
}

export async function benchBrowser(files: string[]): Promise<{ rows: ImportBenchRow[]; version: string }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
  const app = await serveDir('dist');
  const dev = await createServer({
    configFile: false,
    root: process.cwd(),
    server: { host: '127.0.0.1', port: 0 },
    logLevel: 'error',
    worker: { format: 'es' },
    optimizeDeps: { entries: ['tools/bench/browser/import.html'] },
  });
  await dev.listen();
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const rows: ImportBenchRow[] = [];
  try {
    for (const path of files) {
      const mb = statSync(path).size / 1e6;
      // parse only
      {
        const page = await browser.newPage();
        const heap = await workerHeapSampler(await page.context().newCDPSession(page));
        await page.goto(`${dev.resolvedUrls!.local[0]}tools/bench/browser/import.html`);
        await page.locator('#file').setInputFiles(path);
        const h = await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench, undefined, { timeout: 900_000 });
        const r = (await h.jsonValue()) as { ok: boolean; seconds: number; records: number; error?: string };
        if (!r.ok) throw new Error(r.error);
        rows.push({
          file: path,
          mode: 'Chromium parse only (worker)',
          mb,
          seconds: r.seconds,
          mbPerS: mb / r.seconds,
          records: r.records,
          recordsPerS: r.records / r.seconds,
          peakHeapMb: heap.stop(),
        });
        await page.close();
      }
      // end to end through the app
      {
        const context = await browser.newContext();
        const page = await context.newPage();
        const heap = await workerHeapSampler(await context.newCDPSession(page));
        await page.goto(`${app.url}/#/import`);
        await page.getByRole('heading', { name: 'Import your data' }).waitFor();
        const t0 = performance.now();
        await page.locator('input[type="file"]:not([webkitdirectory])').setInputFiles(path);
        await waitResult(page, 1_800_000);
        const seconds = (performance.now() - t0) / 1000;
        const text = await page.getByTestId('import-result').innerText();
        const added = Number(/([\d,]+) added/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
        const dups = Number(/([\d,]+) already there/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
        rows.push({
          file: path,
          mode: 'Chromium end to end (app, import worker, IndexedDB)',
          mb,
          seconds,
          mbPerS: mb / seconds,
          records: added + dups,
          recordsPerS: (added + dups) / seconds,
          peakHeapMb: heap.stop(),
        });
        await context.close();
      }
    }
    return { rows, version: browser.version() };
  } finally {
    await browser.close();
    await dev.close();
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, version } = await benchBrowser(process.argv.slice(2));
  const { importTable } = await import('./import-node.ts');
  console.log(`Chromium ${version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString()}\n`);
  console.log(importTable(rows));
}
