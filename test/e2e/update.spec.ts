import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { servedBuildCopy } from './support/build-copy.ts';
import { AppPage } from './pages/app-page.ts';

/**
 * A new deploy while the app is open: this test serves its own copy of the build, changes sw.js as a
 * new release would, and checks that the waiting worker is announced and taken on "Reload".
 */
const test = base;

test('the update prompt appears when a new service worker is waiting, and Reload activates it', async ({ browser }) => {
  const { dir, context, privacy, close } = await servedBuildCopy(browser);
  try {
    const page = await context.newPage();
    const app = new AppPage(page);
    await app.goto();
    await app.waitForServiceWorker();
    await expect(app.updateToast).toHaveCount(0);
    // A second tab of the app, open during the update.
    const other = await context.newPage();
    await new AppPage(other).goto();
    await new AppPage(other).waitForServiceWorker();
    const release = (p: typeof page): Promise<string> =>
      p.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const ch = new MessageChannel();
            ch.port1.onmessage = (e) => resolve(String(e.data));
            setTimeout(() => resolve('1'), 1000); // release 1 does not answer
            navigator.serviceWorker.controller!.postMessage('release?', [ch.port2]);
          }),
      );
    expect(await release(page)).toBe('1');

    // "Deploy" release 2: a changed sw.js that also answers which release it is.
    await appendFile(
      join(dir, 'sw.js'),
      "\nself.addEventListener('message', (e) => { if (e.data === 'release?') e.ports[0].postMessage('2'); });\n",
    );
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(app.updateToast).toBeVisible();
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())!.waiting)).toBe(true);

    const reloaded = page.waitForEvent('load');
    const otherReloaded = other.waitForEvent('load');
    await app.updateToast.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await otherReloaded; // the other tab reloads too, onto release 2
    await expect(page.getByRole('link', { name: 'Doppel' })).toBeVisible();
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())!.waiting)).toBe(false);
    expect(await release(page)).toBe('2');
    expect(await release(other)).toBe('2');
    await expect(app.updateToast).toHaveCount(0);
    // Served by the service worker, every file carries the CSP header, though this host sends none.
    const headers = await page.evaluate(async () => {
      const worker = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((u) => /\/assets\/.*\.js$/.test(u))!;
      const r = await fetch(worker);
      return { csp: r.headers.get('content-security-policy'), nosniff: r.headers.get('x-content-type-options') };
    });
    expect(headers.csp).toContain("default-src 'self'");
    expect(headers.csp).toContain("frame-ancestors 'none'");
    expect(headers.nosniff).toBe('nosniff');
    expect(privacy.foreign).toEqual([]);
  } finally {
    await close();
  }
});
