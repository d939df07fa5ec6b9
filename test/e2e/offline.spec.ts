import { test, expect } from './support/privacy.ts';
import { AppPage, DevicePage } from './pages/app-page.ts';

test('after the first load the app works offline: the demo twin, its charts and the ml worker', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.waitForServiceWorker();
  await app.startDemo();
  await app.expectDemoTwin();

  await context.setOffline(true);
  await page.reload();
  await app.expectDemoTwin();
  // tfjs chunks and its wasm were never fetched online: they must come from the precache.
  const device = new DevicePage(page);
  await device.open();
  expect(await device.runMlCheck()).toBe('wasm');
  // The network was really gone: a request the service worker does not answer fails. (navigator.onLine
  // is not a check: Debian's Chromium 150 leaves it true under Playwright's offline emulation.)
  const probe = await page.evaluate(async () => {
    try {
      await fetch(`/offline-probe-${Date.now()}`, { cache: 'no-store' });
      return 'reached the server';
    } catch {
      return 'offline';
    }
  });
  expect(probe).toBe('offline');
});
