import { readFile } from 'node:fs/promises';
import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';

test('settings: units change what every screen shows, exports save the data on the device, model cards are there', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  const hba1c = page.locator('article.metric[data-metric="hba1c"]');
  await expect(hba1c.locator('.unit')).toHaveText('%');
  const weightKg = Number((await page.locator('article.metric[data-metric="body_weight"] .num').textContent())!.replace(',', '.'));

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: 'mmol/mol (IFCC)' }).check();
  await page.getByRole('radio', { name: 'pounds (lb)' }).check();
  await expect(page.getByText('Doppel is not a medical device.', { exact: true })).toBeVisible();
  await expect(page.locator('article.model-card')).toHaveCount(9);
  await expectNoSeriousA11yViolations(page, 'settings');

  // Export: the browser saves a file; it holds the demo's data, and no request left the origin.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as Doppel JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^doppel-export-\d{4}-\d\d-\d\d\.json$/);
  const doc = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(doc.format).toBe('doppel-export');
  expect(doc.samples.length).toBeGreaterThan(0);
  await expect(page.getByRole('status').filter({ hasText: /^Saved doppel-export/ })).toBeVisible();
  const [fhir] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as FHIR R4' }).click()]);
  const bundle = JSON.parse(await readFile((await fhir.path())!, 'utf8'));
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.entry.length).toBeGreaterThan(1);
  const [ips] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export a patient summary (FHIR R4, IPS style)' }).click(),
  ]);
  const doc2 = JSON.parse(await readFile((await ips.path())!, 'utf8'));
  expect(doc2).toMatchObject({ resourceType: 'Bundle', type: 'document' });
  expect(doc2.entry[0].resource.resourceType).toBe('Composition');
  expect(
    doc2.entry.filter((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'RiskAssessment').length,
  ).toBeGreaterThan(1);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
  await expect(hba1c.locator('.unit')).toHaveText('mmol/mol');
  await expect(hba1c.locator('.num')).toHaveText(/^\d\d$/);
  const lb = Number((await page.locator('article.metric[data-metric="body_weight"] .num').textContent())!.replace(',', '.'));
  expect(lb).toBeCloseTo(weightKg * 2.2046, 0);
  // The timeline and the what-if explorer follow the same settings.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page.locator('button.card.pick[data-metric="hba1c"] .unit')).toHaveText('mmol/mol');
  await expect(page.locator('button.card.pick[data-metric="body_weight"] .unit')).toHaveText('lb');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'What if' }).click();
  await expect(page.locator('figure[data-chart="hba1c"] canvas')).toHaveAttribute('aria-label', /median \d+ mmol\/mol/);
  await expect(page.locator('figure[data-chart="weight"] canvas')).toHaveAttribute('aria-label', /median [\d.,]+ lb/);
});
