import type { Page } from '@playwright/test';
import { test, expect } from './support/privacy.ts';
import { AppPage, DevicePage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';

const CSV = 'time,metric,value,unit\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg\n';

async function importOne(page: Page, name: string): Promise<void> {
  const imp = new ImportPage(page);
  await imp.chooseBuffer(name, CSV);
  await expect(imp.results.filter({ hasText: name })).toBeVisible();
  await expect(imp.history.getByText(name)).toBeVisible();
}

/** What Chromium does on a "Corruption detected" after a full disk: the site's database is deleted. */
async function browserWipes(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const q = indexedDB.deleteDatabase('doppel');
        q.onsuccess = () => resolve();
        q.onerror = () => reject(q.error ?? new Error('delete failed'));
      }),
  );
}

test('a twin the browser wiped is reported at the next start, not shown as a new welcome', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto('/#/import');
  await importOne(page, 'weights.csv');
  await browserWipes(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your data on this device is gone' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('This device held your twin with 1 import');
  await expect(app.tryDemo).toHaveCount(0);
  // The person has read it: "Start afresh" forgets the note, for good.
  await page.getByRole('button', { name: 'Start afresh' }).click();
  await expect(app.tryDemo).toBeVisible();
  await page.reload();
  await expect(app.tryDemo).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your data on this device is gone' })).toHaveCount(0);
});

test('undoing the last import or Delete everything is not reported as a loss', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto('/#/import');
  await importOne(page, 'a.csv');
  await new ImportPage(page).history.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('No imports yet.')).toBeVisible();
  await page.goto('/');
  await expect(app.tryDemo).toBeVisible();

  await app.goto('/#/import');
  await importOne(page, 'b.csv');
  const device = new DevicePage(page);
  await device.open();
  await device.deleteEverything();
  await page.goto('/');
  await expect(app.tryDemo).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your data on this device is gone' })).toHaveCount(0);
});
