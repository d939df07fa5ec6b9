// Issue 19: moving the twin to a new device (no server, no account), and cancelling a restore.
// Real exports: the Dexcom Clarity CSV and a Synthea record; a generated four-year CSV for the cancel.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, guardContext } from './support/privacy.ts';
import { noShareSheet } from './support/share-sheet.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { fakeQrCamera, showToCamera } from './support/camera.ts';
import { countRows } from './support/tabs.ts';
import { AppPage } from './pages/app-page.ts';
import { BackupPage } from './pages/backup-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { TimelinePage } from './pages/timeline-page.ts';

const DEXCOM = 'test/fixtures/real/cgm/cgmquantify_test_file_dexcom-g6-clarity.csv';
const SYNTHEA = 'test/fixtures/real/fhir-r4/smart-generated-sample-data_Lupe_Little_prediabetes.json';

/** Four years of hourly heart rate and daily weight and blood pressure (about 40,000 rows, 190 months of measurements). */
function fourYearsCsv(): string {
  const rows = ['time,metric,value,unit,source'];
  const t0 = Date.UTC(2021, 0, 1);
  for (let h = 0; h < 4 * 365 * 24; h++) {
    const t = new Date(t0 + h * 3_600_000).toISOString();
    rows.push(`${t},heart_rate,${60 + (h % 30)},count/min,Watch`);
    if (h % 24 === 7)
      rows.push(
        `${t},body_weight,${(80 + (h % 11) / 10).toFixed(1)},kg,Scale`,
        `${t},systolic_bp,${120 + (h % 9)},mmHg,Cuff`,
        `${t},diastolic_bp,${78 + (h % 5)},mmHg,Cuff`,
      );
  }
  const path = join(mkdtempSync(join(tmpdir(), 'doppel-move-')), 'four-years.csv');
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

/** Rows of the imports store that are not committed (a restore in progress stages under a pending one). */
const unfinishedImports = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('doppel');
        open.onsuccess = () => {
          const all = open.result.transaction('imports', 'readonly').objectStore('imports').getAll();
          all.onsuccess = () => resolve((all.result as { status: string }[]).filter((r) => r.status !== 'committed').length);
        };
      }),
  );

test('moving to a new device: the old one makes the file and shows the code and the steps; the new one restores it with the code and shows the same twin', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.addInitScript(noShareSheet);
  const app = new AppPage(page);
  // With nothing here yet, the move screen says so.
  await app.goto('/#/backup?move');
  await expect(page.getByTestId('move-empty')).toHaveText(/^There is nothing on this device to move yet/);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.choose([DEXCOM, SYNTHEA]);
  await expect(imp.results).toHaveCount(2);
  const headline = await app.headlineText();

  // The old device: Settings → Move to a new device. One button, a code Doppel makes, the steps for the new device.
  const old = new BackupPage(page);
  await old.openMove();
  await expect(old.moveThere.getByRole('listitem')).toHaveCount(5);
  await expect(page.getByTestId('move-empty')).toHaveCount(0);
  await expect(old.moveThere).toContainText(`Open Doppel there, in its browser at ${baseURL}/`);
  await expect(old.moveThere).toContainText('Choose “Restore a backup” on its first screen');
  await expect(old.moveThere).toContainText('Scan the QR code on this screen');
  const moved = await old.moveOut();
  expect(moved.code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await expect(old.moveQr).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'move to a new device, file made');
  // It is a backup like any other: the date of the last one is recorded.
  await page.getByRole('link', { name: 'Back to Back up and restore' }).click();
  await expect(old.lastBackup).toContainText('Last backup:');

  // The new device: its own storage, and a camera that reads QR codes. Its first screen's "Restore a
  // backup" shows the steps from this side.
  const ctx = await browser.newContext({ baseURL });
  const guard = await guardContext(ctx, new URL(baseURL!).origin);
  await fakeQrCamera(ctx);
  const fresh = await ctx.newPage();
  await new AppPage(fresh).goto('/');
  await fresh.getByRole('link', { name: 'Restore a backup' }).click();
  const restore = new BackupPage(fresh);
  await expect(restore.moveIn.getByRole('listitem')).toHaveCount(4);
  await expect(restore.moveIn.getByRole('listitem').first()).toBeVisible();
  await expect(restore.moveIn).toContainText('then Move to a new device');
  await restore.choose(moved.file);
  // The old device's QR code, held up to the new one's camera: another QR code is not taken for it.
  await restore.scan.click();
  await showToCamera(fresh, ['https://example.org/menu']);
  await expect(fresh.getByText('This QR code is not a backup code.')).toBeVisible();
  await showToCamera(fresh, [moved.code]);
  await expect(restore.codeField).toHaveValue(moved.code);
  await expect(restore.codeField).toBeFocused();
  await expect(fresh.getByText('The code was read from the QR code.')).toBeVisible();
  await restore.restore.click();
  await expect(restore.restored).toContainText(/^Restored: 2 imports with [\d,]+ measurements\./);
  await restore.seeTwin.click();
  expect(await new AppPage(fresh).headlineText()).toBe(headline);
  expect(guard.foreign).toEqual([]);
  await ctx.close();
});

test('a restore cancelled while it reads changes nothing: the twin and the timeline are as before', async ({ page, browser, baseURL }) => {
  // The old device holds four years of measurements: its backup has about 200 months to read.
  const oldCtx = await browser.newContext({ baseURL });
  const oldGuard = await guardContext(oldCtx, new URL(baseURL!).origin);
  const oldPage = await oldCtx.newPage();
  await oldPage.addInitScript(noShareSheet);
  await new AppPage(oldPage).goto('/#/import');
  const oldImp = new ImportPage(oldPage);
  await oldImp.choose([fourYearsCsv()]);
  await expect(oldImp.results).toHaveCount(1);
  const moved = await new BackupPage(oldPage).moveOut();
  await oldCtx.close();
  expect(oldGuard.foreign).toEqual([]);

  // This device has a twin of its own.
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.choose([DEXCOM, SYNTHEA]);
  await expect(imp.results).toHaveCount(2);
  const headline = await app.headlineText();
  const timeline = new TimelinePage(page);
  await timeline.open();
  await expect(timeline.cards.first()).toBeVisible();
  const cards = await timeline.cardTexts();

  const backup = new BackupPage(page);
  await backup.open();
  await backup.choose(moved.file, { code: moved.code });
  // Not a race with the clock: this page holds the store the restore stages into, so the restore cannot
  // get past its first rows until the test lets go, after Cancel.
  const staging = await backup.holdStaging();
  await backup.restore.click();
  await expect(backup.progress).toContainText(/[1-9]/);
  await backup.cancel.click();
  await staging.letGo();
  await expect(backup.cancelled).toHaveText('Restore cancelled. Nothing was changed: your data are exactly as they were before.');
  await expect(backup.restored).toHaveCount(0);
  await expect(backup.refused).toHaveCount(0);
  await expect(backup.cancel).toHaveCount(0);
  // Nothing staged is left, no unfinished import, and the twin and the timeline show what they showed.
  await expect.poll(() => countRows(page, 'doppel', 'staging')).toBe(0);
  expect(await unfinishedImports(page)).toBe(0);
  expect(await app.headlineText()).toBe(headline);
  await timeline.open();
  await expect(timeline.cards.first()).toBeVisible();
  expect(await timeline.cardTexts()).toEqual(cards);
  // The same file restored to its end adds its four years.
  await backup.open();
  await backup.choose(moved.file, { code: moved.code });
  await backup.restore.click();
  await expect(backup.restored).toContainText('What the backup holds was added to the data already on this device.');
});
