import { test, expect } from './support/privacy.ts';
import { AppPage, DevicePage } from './pages/app-page.ts';

test('"Try the demo" builds a living twin in its own workspace, and one click removes it', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  await app.expectDemoTwin();
  expect(await app.databaseNames()).toEqual(['doppel', 'doppel-demo']);

  // The twin survives a reload: it lives in IndexedDB.
  await page.reload();
  await app.expectDemoTwin();

  await app.removeDemo.click();
  await expect(app.tryDemo).toBeVisible();
  expect(await app.databaseNames()).toEqual(['doppel']);
  const ownImports = await page.evaluate(() => new Promise<number>((resolve, reject) => {
    const req = indexedDB.open('doppel');
    req.onsuccess = () => {
      const tx = req.result.transaction('imports', 'readonly');
      const c = tx.objectStore('imports').count();
      c.onsuccess = () => { resolve(c.result); req.result.close(); };
      c.onerror = () => reject(c.error);
    };
    req.onerror = () => reject(req.error);
  }));
  expect(ownImports).toBe(0);
});

test('the three workers answer in Chromium', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  const device = new DevicePage(page);
  await device.open();
  await expect(device.workers).toHaveText('import, twin, ml');
});

test('"Delete everything" removes every Doppel database from the device', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  const device = new DevicePage(page);
  await device.open();
  await page.getByRole('button', { name: 'Delete everything…' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Everything was deleted from this device.' })).toBeVisible();
  // "Deleted" shows only once every delete finished: no database is left at that moment.
  expect(await app.databaseNames()).toEqual([]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
  await expect(app.tryDemo).toBeVisible();
});
