import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { test, expect } from './support/privacy.ts';
import { guardContext } from './support/privacy.ts';
import { findChromium } from '../../tools/test/chromium.mjs';
import { AppPage, DevicePage } from './pages/app-page.ts';

/** A persistent profile: what one run of the browser leaves on disk, the next run finds. */
async function launch(profile: string, baseURL: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    baseURL,
    serviceWorkers: 'allow',
  });
  await guardContext(ctx, new URL(baseURL).origin);
  return { ctx, page: ctx.pages()[0] ?? (await ctx.newPage()) };
}

/** Kills the browser of a profile as a crash or power cut would: no page gets to finish anything. */
function killBrowser(profile: string): void {
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const main = ps
    .split('\n')
    .filter((l) => l.includes(`--user-data-dir=${profile}`) && !l.includes('--type='))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
  expect(main.length).toBeGreaterThan(0);
  for (const pid of main) process.kill(pid, 'SIGKILL');
}

/** Stores a network under the demo's key in tfjs's database, and keeps a connection open that blocks its deletion. */
function holdNetwork(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('tensorflowjs', 1);
        req.onupgradeneeded = () => {
          req.result.createObjectStore('models_store', { keyPath: 'modelPath' });
          req.result.createObjectStore('model_info_store', { keyPath: 'modelPath' });
        };
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('models_store', 'readwrite');
          tx.objectStore('models_store').put({ modelPath: 'doppel-glucose-demo-60-x', modelArtifacts: {} });
          // Never closed on a version change: the deletion waits for it, as for a slow disk.
          (window as unknown as { held: IDBDatabase }).held = db;
          tx.oncomplete = () => resolve();
        };
      }),
  );
}

test('"Delete everything" interrupted by a killed browser is finished at the next start, the learnt networks included', async ({
  baseURL,
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'doppel-profile-'));
  try {
    const first = await launch(profile, baseURL!);
    const app = new AppPage(first.page);
    await app.goto();
    await app.startDemo();
    await holdNetwork(first.page);
    await new DevicePage(first.page).open();
    await first.page.getByRole('button', { name: 'Delete everything…' }).click();
    await first.page.getByRole('button', { name: 'Yes, delete everything' }).click();
    // The workspaces are gone; the networks' deletion waits: the browser dies now.
    await expect.poll(() => app.databaseNames()).not.toContain('doppel-demo');
    expect(await app.databaseNames()).toContain('tensorflowjs');
    killBrowser(profile);
    await first.ctx.close().catch(() => undefined);

    const second = await launch(profile, baseURL!);
    const again = new AppPage(second.page);
    await again.goto();
    await expect(second.page.getByTestId('erased-elsewhere')).toContainText(
      'A deletion of everything that had been interrupted is now finished',
    );
    expect((await again.databaseNames()).filter((n) => n !== 'doppel')).toEqual([]);
    await second.ctx.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
