// A backup shared into the installed app (Web Share Target, as a phone's share sheet or a file
// manager does) opens "Restore a backup" with that file chosen, as one opened with the app does.
import { readFile } from 'node:fs/promises';
import { test, expect, guardContext } from './support/privacy.ts';
import { noShareSheet } from './support/share-sheet.ts';
import { AppPage } from './pages/app-page.ts';
import { BackupPage } from './pages/backup-page.ts';
import { ImportPage } from './pages/import-page.ts';

test('a backup shared into the app opens the restore screen with it chosen, leaves the inbox, and restores with its code', async ({
  page,
  browser,
  baseURL,
}) => {
  // The old device makes the file for the new one.
  await page.addInitScript(noShareSheet);
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.importOneWeight();
  const moved = await new BackupPage(page).moveOut();
  const bytes = [...(await readFile(moved.file))];

  // The new device, with the app installed: the file is shared to it, with an export beside it.
  const ctx = await browser.newContext({ baseURL });
  const guard = await guardContext(ctx, new URL(baseURL!).origin);
  const fresh = await ctx.newPage();
  const freshApp = new AppPage(fresh);
  await freshApp.goto();
  await freshApp.waitForServiceWorker();
  const csv = [...Buffer.from('time,metric,value,unit\n2024-05-02T07:30:00+02:00,body_weight,82.0,kg\n')];
  await freshApp.shareIntoApp([
    { name: 'doppel-backup-2026-12-03.doppel', type: 'application/octet-stream', bytes },
    { name: 'more weights.csv', type: 'text/csv', bytes: csv },
  ]);
  const restore = new BackupPage(fresh);
  await expect(fresh.getByRole('heading', { name: 'Restore a backup', level: 2 })).toBeVisible();
  await expect(fresh.getByText('doppel-backup-2026-12-03.doppel')).toBeVisible();
  await expect(fresh.getByText('protected with a code')).toBeVisible();
  await restore.codeField.fill(moved.code);
  await restore.restore.click();
  await expect(restore.restored).toContainText(/^Restored: 1 import with 1 measurements\./);

  // The backup left the inbox (it was opened, not imported); the export shared beside it waits there.
  await fresh.goto('/#/inbox');
  const items = fresh.locator('ul.inbox li');
  await expect(items).toHaveCount(1);
  await expect(items.locator('.name')).toHaveText('more weights.csv');
  await expect(items.getByRole('button', { name: 'Import' })).toBeVisible();
  expect(guard.foreign).toEqual([]);
  await ctx.close();
});

test('a backup waiting in the inbox is opened, not imported: Open takes it to the restore screen', async ({ page }) => {
  await page.addInitScript(noShareSheet);
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.importOneWeight();
  const moved = await new BackupPage(page).moveOut();
  await app.waitForServiceWorker();
  // Put in the inbox the way a file opened with the app was before (no share just now): the inbox lists it.
  await page.evaluate(
    async (b) => {
      const cache = await caches.open('doppel-inbox-v1');
      await cache.put(
        '/__inbox__/1-0',
        new Response(new Uint8Array(b), {
          headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'old.doppel', 'Content-Length': String(b.length) },
        }),
      );
    },
    [...(await readFile(moved.file))],
  );
  await page.goto('/#/inbox');
  const item = page.locator('ul.inbox li');
  await expect(item.locator('.name')).toHaveText('old.doppel');
  await expect(item.getByRole('button', { name: 'Import' })).toHaveCount(0);
  await item.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { name: 'Restore a backup', level: 2 })).toBeVisible();
  await expect(page.getByText('old.doppel')).toBeVisible();
  await expect(page.getByText('protected with a code')).toBeVisible();
});
