// Issue 19: back up the whole twin, restore it in a fresh browser (a new device), and get it back
// after the browser deleted the data. Real exports: the Dexcom Clarity CSV and a Synthea record.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, guardContext } from './support/privacy.ts';
import { noShareSheet } from './support/share-sheet.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';
import { BackupPage } from './pages/backup-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { ProfilePage } from './pages/profile-page.ts';
import { SharePage } from './pages/share-page.ts';
import { SummaryPage } from './pages/summary-page.ts';
import { TimelinePage } from './pages/timeline-page.ts';
import { WhatIfPage } from './pages/whatif-page.ts';

const DEXCOM = 'test/fixtures/real/cgm/cgmquantify_test_file_dexcom-g6-clarity.csv';
const SYNTHEA = 'test/fixtures/real/fhir-r4/smart-generated-sample-data_Lupe_Little_prediabetes.json';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/** Committed imports in the person's own database (0 when there is none). */
const committedImports = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('doppel');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('imports')) return resolve(0);
          const all = db.transaction('imports', 'readonly').objectStore('imports').getAll();
          all.onsuccess = () => resolve((all.result as { status: string }[]).filter((r) => r.status === 'committed').length);
        };
        open.onerror = () => resolve(0);
      }),
  );

/** What the twin, the timeline, the what-if, the risk page and the visit summary show: the same numbers are expected after a restore. */
async function whatIsShown(page: Page): Promise<{
  headline: string;
  cards: Record<string, string>;
  plans: string;
  scores: Record<string, string>;
  summary: Record<string, string>;
}> {
  await nav(page, 'Twin').click();
  // Read once the twin has worked it out (it says "Working out your risk…" until then).
  await expect(page.getByTestId('headline')).toContainText('risk of type 2 diabetes');
  const headline = (await page.getByTestId('headline').textContent())!;
  const timeline = new TimelinePage(page);
  await timeline.open();
  await expect(timeline.cards.first()).toBeVisible();
  const cards = await timeline.cardTexts();
  await nav(page, 'What if').click();
  const plans = (await page.getByText(/^Saved plans \(\d+\)$/).textContent())!;
  // Every score on the risk page, by its key: its name and value.
  await nav(page, 'Risk').click();
  await expect(page.getByTestId('headline-value')).toHaveText(/%/);
  await expect(page.locator('[data-score]').first()).toBeVisible();
  const scores: Record<string, string> = {};
  for (const card of await page.locator('[data-score]').all())
    scores[(await card.getAttribute('data-score'))!] =
      `${await card.locator('h2').textContent()}: ${await card.locator('.value').first().textContent()}`;
  // The visit summary once every part has settled: who, the headline, the measurements and the plans.
  const visit = new SummaryPage(page);
  await visit.open();
  await expect(visit.article).toHaveAttribute('data-ready', 'true');
  const summary = {
    who: (await visit.who.textContent())!,
    headline: (await page.getByTestId('summary-headline').textContent())!,
    metrics: (await visit.metrics.textContent())!,
    plans: (await visit.plans.textContent())!,
  };
  return { headline, cards, plans, scores, summary };
}

test('a twin backed up with a code comes back whole in a fresh browser; a wrong code and a share file are refused, changing nothing', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.addInitScript(noShareSheet);
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.choose([DEXCOM, SYNTHEA]);
  await expect(imp.results).toHaveCount(2);
  const profile = new ProfilePage(page);
  await profile.open();
  await profile.height.fill('163');
  await profile.save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await nav(page, 'What if').click();
  const whatIf = new WhatIfPage(page);
  await whatIf.settled();
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Plan A”' })).toBeVisible();
  await nav(page, 'Twin').click();
  await expect(page.getByTestId('headline')).toBeVisible();
  await expect(page.getByTestId('last-backup')).toHaveText('Never backed up');
  const before = await whatIsShown(page);
  expect(before.plans).toBe('Saved plans (1)');

  // Back up with a generated code: downloaded, the code shown as text and QR, the date recorded.
  const backup = new BackupPage(page);
  await backup.open();
  await expect(backup.lastBackup).toHaveText('Never backed up');
  await expectNoSeriousA11yViolations(page, 'backup');
  const [download] = await Promise.all([page.waitForEvent('download'), backup.make.click()]);
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  expect(download.suggestedFilename()).toBe(`doppel-backup-${today}.doppel`);
  await expect(backup.made).toContainText(/^Saved doppel-backup-.+\.doppel: [\d,]+ measurements\./);
  const code = (await backup.code.textContent())!;
  expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await expect(backup.qr).toBeVisible();
  const shownDay = await page.evaluate(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(Date.now()));
  await expect(backup.lastBackup).toHaveText(`Last backup: ${shownDay}`);
  const file = (await download.path())!;
  await nav(page, 'Settings').click();
  await expect(page.getByTestId('last-backup')).toHaveText(`Last backup: ${shownDay}`);
  await nav(page, 'Twin').click();
  await expect(page.getByTestId('last-backup')).toHaveText(`Last backup: ${shownDay}`);

  // A share file for a clinician, to offer it to restore.
  const share = new SharePage(page);
  await share.open();
  await share.label.fill('Lupe');
  // The exports' data is years old: everything, not the last year.
  await share.shortcut('Everything').click();
  await expect(share.preview).toContainText(/The file will hold [\d,]+ measurements/);
  const [shared] = await Promise.all([page.waitForEvent('download'), share.make.click()]);
  const shareFile = (await shared.path())!;

  // The new device: a separate context with its own storage and the same privacy guard.
  const ctx = await browser.newContext({ baseURL });
  const guard = await guardContext(ctx, new URL(baseURL!).origin);
  const fresh = await ctx.newPage();
  const freshApp = new AppPage(fresh);
  // Offered to a clinician's "Open a shared twin", the backup is refused in plain words.
  await freshApp.goto('/#/open');
  await fresh.locator('input[type="file"]').setInputFiles(file);
  await expect(fresh.getByRole('alert')).toContainText(
    "This is a Doppel backup of someone's own twin, not a shared twin: its owner restores it in Settings, under Back up and restore.",
  );
  await freshApp.goto('/');
  await fresh.getByRole('link', { name: 'Restore a backup' }).click();
  await expect(fresh.getByRole('heading', { name: 'Restore a backup', level: 2 })).toBeVisible();
  const restore = new BackupPage(fresh);
  // A share file: refused with what it is and where it opens.
  await restore.file.setInputFiles(shareFile);
  await expect(restore.refused).toHaveText(
    'Nothing was restored and nothing was changed. This is a Doppel share file, a part of a twin made for a clinician, not a backup: it restores nothing. Open it with "Open a shared twin", where it opens read-only, apart from your own data.',
  );
  await expect(restore.restore).toHaveCount(0);
  // A file that is not a backup.
  await restore.file.setInputFiles(DEXCOM);
  await expect(restore.refused).toContainText('This file is not a Doppel backup nor an export of everything from Doppel');
  // The backup with a wrong code: refused, nothing stored.
  await restore.restoreFile(file, { code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
  await expect(restore.refused).toHaveText(
    'Nothing was restored and nothing was changed. The code or passphrase is wrong, or the file was changed after it was made; check what was typed.',
  );
  expect(await committedImports(fresh)).toBe(0);
  // The right code (as typed from the screen, in small letters): everything comes back.
  await restore.restoreFile(file, { code: code.toLowerCase() });
  await expect(restore.restored).toContainText(/^Restored: 2 imports with [\d,]+ measurements\. Your twin now has 1 saved plans\./);
  await expectNoSeriousA11yViolations(fresh, 'restored');
  await restore.seeTwin.click();
  await expect(fresh.getByTestId('headline')).toBeVisible();
  const after = await whatIsShown(fresh);
  expect(after).toEqual(before);
  await nav(fresh, 'What if').click();
  await fresh.getByText('Saved plans (1)').click();
  await expect(fresh.getByText('Plan A').first()).toBeVisible();
  // The profile value came back too.
  await new ProfilePage(fresh).open();
  await expect(new ProfilePage(fresh).height).toHaveValue('163');
  // The same backup restored a second time adds nothing: its imports are here already.
  await restore.open();
  await restore.restoreFile(file, { code });
  await expect(restore.restored).toContainText(
    'Everything in this backup is already on this device: nothing was added. Your twin has 1 saved plans.',
  );
  expect(await committedImports(fresh)).toBe(2);
  expect(guard.foreign).toEqual([]);
  await ctx.close();
});

test('after the browser deleted the data, the next start offers the backup, which brings it back', async ({ page }) => {
  await page.addInitScript(noShareSheet);
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.choose([DEXCOM]);
  await expect(imp.results).toHaveCount(1);
  const timeline = new TimelinePage(page);
  await timeline.open();
  await expect(timeline.cards.first()).toBeVisible();
  const cards = await timeline.cardTexts();

  // A backup with a passphrase, typed twice.
  const backup = new BackupPage(page);
  await backup.open();
  await backup.passphraseChoice.check();
  await backup.newPassphrase.fill('correct horse battery');
  await backup.newPassphrase2.fill('correct horse battery');
  const [download] = await Promise.all([page.waitForEvent('download'), backup.make.click()]);
  await expect(backup.made).toContainText('Saved doppel-backup-');
  await expect(backup.code).toHaveCount(0);
  const file = (await download.path())!;

  // The browser deletes the database (as Chromium does after a full disk); the device's note stays.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const q = indexedDB.deleteDatabase('doppel');
        q.onsuccess = () => resolve();
        q.onerror = () => reject(q.error ?? new Error('delete failed'));
      }),
  );
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your data on this device is gone' })).toBeVisible();
  await expect(app.tryDemo).toHaveCount(0);
  await page.getByRole('link', { name: 'Restore a backup' }).click();
  const restore = new BackupPage(page);
  await restore.restoreFile(file, { passphrase: 'wrong horse battery' });
  await expect(restore.refused).toContainText('The code or passphrase is wrong');
  await restore.passphraseField.fill('correct horse battery');
  await restore.restore.click();
  await expect(restore.restored).toContainText(/^Restored: 1 import with [\d,]+ measurements\./);
  await restore.seeTwin.click();
  await expect(page.getByRole('heading', { name: 'Your data on this device is gone' })).toHaveCount(0);
  await timeline.open();
  await expect(timeline.cards.first()).toBeVisible();
  expect(await timeline.cardTexts()).toEqual(cards);
});

test('a gentle reminder after 30 days with new data, which can be turned off and on again', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.choose([DEXCOM]);
  await expect(imp.results).toHaveCount(1);
  await nav(page, 'Twin').click();
  await expect(page.getByTestId('headline')).toBeVisible();
  // Just imported, never backed up: too soon for a reminder.
  const reminder = page.getByTestId('backup-reminder');
  await expect(page.getByTestId('last-backup')).toHaveText('Never backed up');
  await expect(reminder).toHaveCount(0);
  // A backup made 40 days ago on this device, with this import after it.
  await page.evaluate(() => localStorage.setItem('doppel.lastBackup', JSON.stringify({ atMs: Date.now() - 40 * 86_400_000 })));
  await page.reload();
  await expect(reminder).toContainText('Your last backup was 40 days ago, and you have added data since.');
  await expect(reminder.getByRole('link', { name: 'Back up now' })).toHaveAttribute('href', '#/backup');
  await reminder.getByRole('button', { name: 'Don’t remind me' }).click();
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('headline')).toBeVisible();
  await expect(reminder).toHaveCount(0);
  await nav(page, 'Settings').click();
  const setting = page.getByRole('checkbox', { name: /Remind me to back up/ });
  await expect(setting).not.toBeChecked();
  await setting.check();
  await nav(page, 'Twin').click();
  await expect(reminder).toBeVisible();
});

test("Doppel's own JSON export restores too, in a fresh browser", async ({ page, browser, baseURL }) => {
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.choose([DEXCOM]);
  await expect(imp.results).toHaveCount(1);
  const timeline = new TimelinePage(page);
  await timeline.open();
  await expect(timeline.cards.first()).toBeVisible();
  const cards = await timeline.cardTexts();
  await nav(page, 'Settings').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as Doppel JSON' }).click(),
  ]);
  const file = (await download.path())!;

  const ctx = await browser.newContext({ baseURL });
  const guard = await guardContext(ctx, new URL(baseURL!).origin);
  const fresh = await ctx.newPage();
  await new AppPage(fresh).goto('/#/backup?restore');
  const restore = new BackupPage(fresh);
  await restore.file.setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: await readFile(file) });
  await expect(fresh.getByText('an export of everything (not encrypted)')).toBeVisible();
  await expect(restore.codeField).toHaveCount(0);
  await restore.restore.click();
  await expect(restore.restored).toContainText(/^Restored: 1 import with [\d,]+ measurements\./);
  await restore.seeTwin.click();
  const freshTimeline = new TimelinePage(fresh);
  await freshTimeline.open();
  await expect(freshTimeline.cards.first()).toBeVisible();
  expect(await freshTimeline.cardTexts()).toEqual(cards);
  expect(guard.foreign).toEqual([]);
  await ctx.close();
});

test('a backup chosen on the Import screen (as the installed app hands over a file) goes to the restore screen, already chosen', async ({
  page,
}) => {
  await page.addInitScript(noShareSheet);
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.importOneWeight();
  const backup = new BackupPage(page);
  await backup.open();
  const [download] = await Promise.all([page.waitForEvent('download'), backup.make.click()]);
  const code = (await backup.code.textContent())!;
  const file = (await download.path())!;
  await nav(page, 'Import').click();
  await expect(page.getByRole('heading', { name: 'Import your data', level: 1 })).toBeVisible();
  await imp.choose([file]);
  await expect(page.getByRole('heading', { name: 'Restore a backup', level: 2 })).toBeVisible();
  await expect(page.getByText('protected with a code')).toBeVisible();
  await backup.codeField.fill(code);
  await backup.restore.click();
  // Onto the device it was made on, its one import is here already: nothing is added.
  await expect(backup.restored).toContainText('Everything in this backup is already on this device: nothing was added.');
  expect(await committedImports(page)).toBe(1);
});
