import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { guardContext } from './support/privacy.ts';
import { serveDir } from './support/static-server.ts';
import { AppPage } from './pages/app-page.ts';

/**
 * A new deploy while the app is open: this test serves its own copy of the build, changes sw.js as a
 * new release would, and checks that the waiting worker is announced and taken on "Reload".
 */
const test = base;

test('the update prompt appears when a new service worker is waiting, and Reload activates it', async ({ browser }) => {
  const dir = await mkdtemp(join(tmpdir(), 'doppel-update-'));
  await cp('dist', dir, { recursive: true });
  const server = await serveDir(dir);
  const context = await browser.newContext({ baseURL: server.url });
  const privacy = await guardContext(context, server.url);
  try {
    const page = await context.newPage();
    const app = new AppPage(page);
    await app.goto();
    await app.waitForServiceWorker();
    await expect(app.updateToast).toHaveCount(0);
    const firstScript = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);

    // "Deploy" a new version: any byte change in sw.js makes the browser install it as a new worker.
    await appendFile(join(dir, 'sw.js'), '\n// release 2\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(app.updateToast).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())!.waiting)).toBe(true);

    const reloaded = page.waitForEvent('load');
    await app.updateToast.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('link', { name: 'Doppel' })).toBeVisible();
    const after = await page.evaluate(async () => {
      const reg = (await navigator.serviceWorker.getRegistration())!;
      return { waiting: !!reg.waiting, controller: navigator.serviceWorker.controller?.scriptURL };
    });
    expect(after).toEqual({ waiting: false, controller: firstScript });
    await expect(app.updateToast).toHaveCount(0);
    expect(privacy.foreign).toEqual([]);
  } finally {
    await context.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
