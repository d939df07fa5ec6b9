import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { newestInBundleFile } from './support/fhir.ts';
import { WhatIfPage } from './pages/whatif-page.ts';

const FHIR = 'test/fixtures/real/fhir-r4/smart-generated-sample-data_Lupe_Little_prediabetes.json';

/** The newest value of a LOINC code in the fixture, read from the file itself. */
const latestInFixture = (loinc: string): number => newestInBundleFile(FHIR, loinc).value;

test('journey: onboard with a profile → import a real export → the timeline shows its latest values → a what-if moves the fan chart → offline reload keeps everything', async ({
  page,
  context,
}) => {
  const app = new AppPage(page);
  await app.goto();
  await app.waitForServiceWorker();
  await expect(page.getByRole('list', { name: 'Privacy promise' })).toContainText('Nothing is uploaded');
  await expectNoSeriousA11yViolations(page, 'welcome');

  // Profile: each field says why it matters; a bad value is refused with the field named.
  await page.getByRole('link', { name: 'Set up your profile' }).click();
  await expect(page.getByLabel('Date of birth')).toHaveAccessibleDescription(/Age is the strongest driver/);
  await page.getByLabel('Date of birth').fill('1982-04-07');
  await page.getByRole('radio', { name: 'Male', exact: true }).check();
  await page.getByLabel('Height (cm)').fill('2000');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('alert')).toHaveText('Height must be between 40 cm and 272 cm.');
  await page.getByLabel('Height (cm)').fill('182');
  await page.getByLabel('Family members with diabetes').selectOption('first_degree');
  await page.getByRole('checkbox', { name: 'High blood pressure' }).check();
  await page
    .getByRole('radiogroup', { name: /150 minutes a week/ })
    .getByRole('radio', { name: 'No', exact: true })
    .check();
  await expectNoSeriousA11yViolations(page, 'profile');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved. Your twin was updated.');
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByText('✓ saved on this device')).toBeVisible();

  // Import a real FHIR R4 export.
  await page.getByRole('link', { name: 'Import your data' }).click();
  const imp = new ImportPage(page);
  await imp.choose([FHIR]);
  await expect(imp.results).toContainText('FHIR record:');
  await expectNoSeriousA11yViolations(page, 'import');

  // Timeline: the latest values are the file's newest.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
  const weight = latestInFixture('29463-7');
  const hba1c = latestInFixture('4548-4');
  await expect(page.locator('button.card.pick[data-metric="body_weight"] .num')).toHaveText(weight.toFixed(1));
  await expect(page.locator('button.card.pick[data-metric="hba1c"] .num')).toHaveText(hba1c.toFixed(1));

  // What if: a bigger loss moves the weight fan down.
  const whatIf = await WhatIfPage.opened(page);
  const before = await whatIf.chart('weight').getAttribute('aria-label');
  await whatIf.nudge(whatIf.weightSlider, 'ArrowLeft', 6);
  await whatIf.settled();
  await expect(whatIf.chart('weight')).not.toHaveAttribute('aria-label', before!);
  const median = (label: string | null): number => Number(/Plan A: median ([\d.,]+)/.exec(label ?? '')![1]!.replace(',', ''));
  expect(median(await whatIf.chart('weight').getAttribute('aria-label'))).toBeLessThan(median(before));

  // The profile survived the import (the export's own birth date and sex agree) and is editable.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
  await page.getByRole('link', { name: 'Edit profile' }).click();
  await expect(page.getByLabel('Date of birth')).toHaveValue('1982-04-07');
  await expect(page.getByRole('checkbox', { name: 'High blood pressure' })).toBeChecked();

  // Offline: a reload comes from the service worker's precache and the data from IndexedDB.
  await context.setOffline(true);
  await page.goto('/#/timeline');
  await expect(page.locator('button.card.pick[data-metric="body_weight"] .num')).toHaveText(weight.toFixed(1));
  await context.setOffline(false);
});
