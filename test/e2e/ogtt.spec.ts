// Issue 16 item 5: a person's OGTT result reaches the twin. A patient-portal FHIR export with
// weights, fasting glucose, HbA1c and one 2-hour OGTT glucose imports, and the twin's calibration
// lists the OGTT among the measurements it was fitted to.
import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { LOINC, observation, bundle, monthsAgo } from './support/fhir.ts';
import { ProfilePage } from './pages/profile-page.ts';

/** Two years of a record, ending last month: the twin calibrates on the last five years up to today. */
function portalExport(): string {
  const resources: unknown[] = [];
  for (let m = 24; m >= 1; m -= 3) {
    resources.push(observation(LOINC.weight, 96 - (24 - m) * 0.05, 'kg', monthsAgo(m)));
    resources.push(observation(LOINC.fastingGlucose, 104 + (24 - m) * 0.2, 'mg/dL', monthsAgo(m)));
  }
  resources.push(observation(LOINC.hba1c, 5.8, '%', monthsAgo(20)), observation(LOINC.hba1c, 5.9, '%', monthsAgo(2)));
  resources.push(observation(LOINC.ogtt2h, 176, 'mg/dL', monthsAgo(12)));
  return bundle(resources);
}

test('an OGTT result from a portal export is among the measurements the twin is fitted to', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await page.getByRole('link', { name: 'Set up your profile' }).click();
  await new ProfilePage(page).enter({ birthDate: '1970-03-02', sex: 'Female', heightCm: 166 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  const imp = new ImportPage(page);
  await imp.chooseBuffer('portal.json', portalExport());
  await expect(imp.results.filter({ hasText: 'portal.json' })).toContainText('FHIR record:');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
  const calibration = page.getByTestId('calibration-status');
  await expect(calibration).toContainText('2-hour glucose (glucose tolerance test)');
  await expect(calibration).toContainText('Fasting glucose');
});
