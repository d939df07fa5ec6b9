import { test, expect } from './support/privacy.ts';
import { AppPage, DevicePage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { bigExport, chooseShare, countRows, demoShare, expectSettled } from './support/tabs.ts';

/** Two tabs of one browser: their rules are docs/architecture.md "Tabs". */

test('a second tab neither wipes nor hides the review open in the first; a review deleted in another tab says so', async ({
  page,
  browser,
  baseURL,
}) => {
  const share = await demoShare(browser, baseURL!);
  const tab1 = page;
  await chooseShare(tab1, share);
  await tab1.getByRole('button', { name: 'Open', exact: true }).click();
  const banner1 = tab1.getByTestId('review-banner');
  await expect(banner1).toContainText('Alex B.');

  // A second tab starts (a new start for it): the review open in tab 1 stays, and each tab shows its own workspace.
  const tab2 = await page.context().newPage();
  await new AppPage(tab2).goto('/');
  await expectSettled(tab2);
  await expect(tab2.getByTestId('review-banner')).toHaveCount(0);
  await tab1.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(tab1.locator('button.card.pick[data-metric="body_weight"]')).toBeVisible();
  await expect(banner1).toContainText('Alex B.');
  await expectSettled(tab1);
  expect(await new AppPage(tab1).databaseNames()).toContain('doppel-review');

  // Kept, then deleted from tab 2's settings: tab 1 says so and shows no data of anyone.
  await banner1.getByRole('button', { name: 'Keep on this device' }).click();
  await tab2.reload();
  await new DevicePage(tab2).open();
  await tab2.getByRole('button', { name: 'Delete it' }).click();
  const gone = tab1.getByTestId('workspace-gone');
  await expect(gone).toContainText('This review was closed in another Doppel tab');
  await expect(banner1).toHaveCount(0);
  await expect(tab1.locator('button.card.pick')).toHaveCount(0);
  await expectSettled(tab1);
  await expectSettled(tab2);
  expect(await new AppPage(tab2).databaseNames()).not.toContain('doppel-review');
  await gone.getByRole('button', { name: 'Leave the review' }).click();
  await expect(gone).toHaveCount(0);
  await expect(banner1).toHaveCount(0);
});

test('opening a new share file asks before it replaces a review the clinician kept', async ({ page, browser, baseURL }) => {
  const share = await demoShare(browser, baseURL!);
  await chooseShare(page, share);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const banner = page.getByTestId('review-banner');
  await banner.getByRole('button', { name: 'Keep on this device' }).click();
  await banner.getByRole('button', { name: 'Close review' }).click();
  await expect(banner).toHaveCount(0);

  await chooseShare(page, share);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const ask = page.getByTestId('replace-review');
  await expect(ask).toContainText('You kept the review of Alex B. on this device. Opening this file replaces it.');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(banner).toHaveCount(0);
  await new DevicePage(page).open();
  await expect(page.getByRole('heading', { name: 'A kept review' })).toBeVisible();

  await chooseShare(page, share);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByTestId('replace-review').getByRole('button', { name: 'Replace it' }).click();
  await expect(banner).toContainText('Alex B.');
});

test('"Delete everything" stops an import running in another tab first; nothing lands or is re-created afterwards', async ({ page }) => {
  const path = bigExport(900_000);
  const tab1 = page;
  await new AppPage(tab1).goto('/#/import');
  const imp = new ImportPage(tab1);
  await imp.choose([path]);
  await expect(imp.rate).toBeVisible();

  const tab2 = await page.context().newPage();
  await new AppPage(tab2).goto('/#/settings');
  await new DevicePage(tab2).deleteEverything();
  // Once both tabs have nothing under way, nothing of the import (or any database) is there.
  await expectSettled(tab1);
  await expectSettled(tab2);
  expect(await new AppPage(tab2).databaseNames()).toEqual([]);
  await expect(tab1.getByTestId('erased-elsewhere')).toContainText('Everything was deleted from this device in another Doppel tab.');
  // Starting again in tab 1 shows an empty app.
  await tab1.getByTestId('erased-elsewhere').getByRole('button', { name: 'Start again' }).click();
  await expect(new AppPage(tab1).tryDemo).toBeVisible();
  expect(await countRows(tab1, 'doppel', 'sampleChunks')).toBe(0);
});

test('an import whose tab closed is rolled back at once by a tab still open, not at a later start', async ({ page }) => {
  const path = bigExport(900_000);
  const watcher = page;
  await new AppPage(watcher).goto('/');
  const tab = await page.context().newPage();
  await new AppPage(tab).goto('/#/import');
  await new ImportPage(tab).choose([path]);
  // Samples staged: the import is well under way.
  await expect.poll(() => countRows(watcher, 'doppel', 'staging')).toBeGreaterThan(0);
  await tab.close();
  await expect.poll(() => countRows(watcher, 'doppel', 'staging')).toBe(0);
  await expect.poll(() => countRows(watcher, 'doppel', 'imports')).toBe(0);
  await expectSettled(watcher);
});
