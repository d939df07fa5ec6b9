import { readFile } from 'node:fs/promises';
import { test, expect } from './support/privacy.ts';
import { guardContext } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';
import { ProfilePage } from './pages/profile-page.ts';
import { SummaryPage } from './pages/summary-page.ts';

test('a patient shares a scoped, encrypted twin; a clinician opens it in a fresh browser, read-only, then closes and wipes it', async ({
  page,
  browser,
  baseURL,
}) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  const hba1c = await page.locator('article.metric[data-metric="hba1c"] .num').textContent();
  // A name in the profile stays on this device; a medication goes with the shared profile.
  const profile = new ProfilePage(page);
  await profile.open();
  await profile.name.fill('Alexandra Private');
  await page.getByRole('checkbox', { name: 'A statin' }).check();
  await profile.save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
  await page.getByRole('link', { name: 'Share with a clinician' }).click();
  await page.getByLabel('Your name as the clinician should see it').fill('Alex B.');
  await page.getByRole('checkbox', { name: 'Steps' }).uncheck();
  await expectNoSeriousA11yViolations(page, 'share');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Make the share file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^doppel-share-\d{4}-\d\d-\d\d\.doppel$/);
  await expect(page.getByRole('status')).toContainText(/measurements, encrypted; made in \d+ ms/);
  const code = (await page.getByTestId('share-code').textContent())!;
  expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await expect(page.getByRole('img', { name: /QR code of the share code/ })).toBeVisible();
  const file = (await download.path())!;

  // The patient's own summary, to compare with the clinician's.
  await page.goto('/#/summary');
  const qd = page.locator('[data-testid="summary-risk"] tr[data-score="qdiabetes2018 C"] td').first();
  await expect(qd).toHaveText(/%$/);
  const patientQ = (await qd.textContent())!;

  // The clinician's browser: a separate context, its own origin storage, the same privacy guard.
  const ctx = await browser.newContext({ baseURL });
  const guard = await guardContext(ctx, new URL(baseURL!).origin);
  const doc = await ctx.newPage();
  const clinician = new AppPage(doc);
  await clinician.goto('/#/open');
  // Another kind of file, and the share file with one byte changed: each refused, nothing opens.
  await doc.locator('input[type="file"]').setInputFiles('test/fixtures/real/apple-health/ahcd-go_export_v11_bp-correlation.xml');
  await expect(doc.getByRole('alert')).toHaveText('Nothing was opened: This is not a Doppel share file.');
  const bytes = await readFile(file);
  bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 1;
  await doc.locator('input[type="file"]').setInputFiles({ name: 'tampered.doppel', mimeType: 'application/octet-stream', buffer: bytes });
  await doc.getByLabel('Share code').fill(code);
  await doc.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(doc.getByRole('alert')).toContainText('The share code or passphrase is wrong, or the file was changed');
  expect(await clinician.databaseNames()).not.toContain('doppel-review');
  await doc.locator('input[type="file"]').setInputFiles(file);
  await expect(doc.getByText('This file is protected by a share code.')).toBeVisible();
  await doc.getByLabel('Share code').fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  await doc.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(doc.getByRole('alert')).toContainText('Nothing was opened: The share code or passphrase is wrong, or the file was changed');
  expect(await clinician.databaseNames()).not.toContain('doppel-review');
  await doc.getByLabel('Share code').fill(code.toLowerCase());
  await doc.getByRole('button', { name: 'Open', exact: true }).click();

  const banner = doc.getByTestId('review-banner');
  await expect(banner).toContainText('Reviewing the twin of Alex B., shared on');
  await expect(doc.getByRole('heading', { level: 1 })).toContainText('Alex B.');
  await expect(doc.locator('article.metric[data-metric="hba1c"] .num')).toHaveText(hba1c!);
  await doc.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(doc.locator('button.card.pick[data-metric="body_weight"]')).toBeVisible();
  await expect(doc.locator('button.card.pick[data-metric="steps"]')).toHaveCount(0);
  await doc.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'What if' }).click();
  await expect(doc.locator('figure[data-chart] canvas')).toHaveCount(4);
  await expect(doc.getByRole('button', { name: 'Save plan' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(doc, 'review');
  // The same numbers on the clinician's visit summary.
  await doc.goto('/#/summary');
  await expect(doc.locator('[data-testid="summary-risk"] tr[data-score="qdiabetes2018 C"] td').first()).toHaveText(patientQ);
  await expect(doc.getByText(/Shared by Alex B\. on/)).toBeVisible();
  // Who, as the patient wrote it on the share; the medication from the shared profile, worded for the clinician.
  const summary = new SummaryPage(doc);
  await expect(summary.whoField('name')).toHaveText('Alex B.');
  await expect(summary.whoField('birthDate')).toHaveText(/\(age \d+\)$/);
  await expect(summary.item(summary.medications, 'statin')).toHaveText('A statin (in the shared profile)');
  await expect(summary.article).not.toContainText('Alexandra Private');
  await expect(summary.article).not.toContainText(/\byou\b/i);
  // Doppel's own databases (the forecaster may also have created tfjs's, depending on how far its training got).
  expect((await clinician.databaseNames()).filter((n) => n.startsWith('doppel'))).toEqual(['doppel', 'doppel-review']);

  // A reload in the same tab keeps the review; a new start (the tab closed) would wipe it.
  await doc.reload();
  await expect(doc.getByTestId('review-banner')).toContainText('Alex B.');
  await banner.getByRole('button', { name: 'Close review' }).click();
  await expect(banner).toHaveCount(0);
  await expect.poll(() => clinician.databaseNames()).not.toContain('doppel-review');
  // A review left open when its tab closes is gone at the next start. (This time the file is chosen
  // on the Import screen, as a person might: it is recognised and goes to the open screen.)
  const doc2 = await ctx.newPage();
  await doc2.goto('/#/import');
  await doc2.locator('input[type="file"]:not([webkitdirectory])').setInputFiles(file);
  await expect(doc2.getByText('This file is protected by a share code.')).toBeVisible();
  await doc2.getByLabel('Share code').fill(code);
  await doc2.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(doc2.getByTestId('review-banner')).toBeVisible();
  await doc2.close();
  const doc3 = await ctx.newPage();
  const fresh = new AppPage(doc3);
  await fresh.goto('/');
  await expect.poll(() => fresh.databaseNames()).not.toContain('doppel-review');
  await expect(doc3.getByTestId('review-banner')).toHaveCount(0);
  expect(guard.foreign).toEqual([]);
  await ctx.close();
});

test('a clinician reviewing a shared twin reads advice worded for them, never "you" meant for the patient', async ({
  page,
  browser,
  baseURL,
}) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  await page.getByRole('link', { name: 'Share with a clinician' }).click();
  await page.getByLabel('Your name as the clinician should see it').fill('Alex B.');
  // Shared up to 60 days ago: the newest weight in the share is two months old.
  const to = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole('textbox', { name: 'To', exact: true }).fill(to);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Make the share file' }).click()]);
  const code = (await page.getByTestId('share-code').textContent())!;
  const file = (await download.path())!;

  const ctx = await browser.newContext({ baseURL });
  const doc = await ctx.newPage();
  const clinician = new AppPage(doc);
  await clinician.goto('/#/open');
  await doc.locator('input[type="file"]').setInputFiles(file);
  await doc.getByLabel('Share code').fill(code);
  await doc.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(doc.getByTestId('review-banner')).toContainText('Reviewing the twin of Alex B.');

  const sharpen = doc.getByTestId('sharpen');
  await expect(sharpen.getByRole('heading')).toHaveText('What would sharpen this forecast');
  await expect(sharpen).toContainText("A recent weight (the patient's last is over a month old)");
  const addressed = /\b(you|your|yours|yourself)\b/i;
  const main = doc.locator('main');
  await expect(main).not.toContainText(addressed);
  const nav = (name: string): Promise<void> => doc.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await nav('What if');
  await expect(doc.locator('section.outcomes')).toHaveAttribute('aria-busy', 'false');
  await expect(doc.getByTestId('sentences')).toContainText("the patient's 10-year probability");
  await expect(main).not.toContainText(addressed);
  await nav('Risk');
  await expect(doc.getByRole('heading', { name: "The patient's inputs and where they came from" })).toBeVisible();
  await expect(main).not.toContainText(addressed);
  await nav('Timeline');
  await expect(doc.locator('button.card.pick[data-metric="body_weight"]')).toBeVisible();
  await expect(main).not.toContainText(addressed);
  await nav('Settings');
  await expect(doc.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(main).not.toContainText(/\b(yourself)\b/i);
  await expectNoSeriousA11yViolations(doc, 'review, clinician wording');
  await ctx.close();
});
