import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { servedBuildCopy } from './support/build-copy.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { bigExport } from './support/tabs.ts';

const test = base;

test('an update reload in one tab waits for the import running in another, which then lands', async ({ browser }) => {
  const path = bigExport(900_000);
  const { dir, context, privacy, close } = await servedBuildCopy(browser);
  try {
    const page = await context.newPage();
    const app = new AppPage(page);
    await app.goto();
    await app.waitForServiceWorker();
    const other = await context.newPage();
    await new AppPage(other).goto('/#/import');
    await new AppPage(other).waitForServiceWorker();
    const imp = new ImportPage(other);
    await imp.choose([path]);
    await expect(imp.rate).toBeVisible();

    // Release 2 is deployed and taken on "Reload" in the first tab, while the other imports.
    await appendFile(join(dir, 'sw.js'), '\n// release 2\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(app.updateToast).toBeVisible();
    const otherReloaded = other.waitForEvent('load');
    await app.updateToast.getByRole('button', { name: 'Reload' }).click();
    await expect(
      other.getByRole('status').filter({ hasText: 'Doppel was updated. This tab reloads once its import has finished.' }),
    ).toBeVisible();
    await otherReloaded;
    // After its reload, the import is there, whole.
    await expect(new ImportPage(other).history.getByText('export.xml')).toBeVisible();
    await expect(new ImportPage(other).history).toContainText('900,000');
    expect(privacy.foreign).toEqual([]);
  } finally {
    await close();
  }
});
