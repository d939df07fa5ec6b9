// Issue 17 §2, "Certainty in plain words": a person whose newest data are eight years old gets a twin
// fitted to them that says what it rests on (not one fitted to none of them that never says so), and
// no developer word reaches the page.
import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { LOINC, observation, bundle } from './support/fhir.ts';
import { ProfilePage } from './pages/profile-page.ts';

/** A record that stops eight and a half years ago: weights, fasting glucose and HbA1c over the year before. */
function oldExport(): string {
  const yearsAgo = (y: number): Date => new Date(Date.now() - y * 365.25 * 86_400_000);
  const resources: unknown[] = [];
  for (const y of [9.5, 9, 8.5]) {
    resources.push(observation(LOINC.weight, 84, 'kg', yearsAgo(y)));
    resources.push(observation(LOINC.fastingGlucose, 104, 'mg/dL', yearsAgo(y)));
    resources.push(observation(LOINC.hba1c, 5.8, '%', yearsAgo(y)));
  }
  return bundle(resources);
}

test('a twin built on eight-year-old data is fitted to them and says it rests on typical values', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await page.getByRole('link', { name: 'Set up your profile' }).click();
  await new ProfilePage(page).enter({ birthDate: '1968-03-02', sex: 'Female', heightCm: 166 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  const imp = new ImportPage(page);
  await imp.chooseBuffer('old-portal.json', oldExport());
  await expect(imp.results.filter({ hasText: 'old-portal.json' })).toContainText('FHIR record:');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
  const calibration = page.getByTestId('calibration-status');
  // The newest of each kind is used (three of them), and the card says how old they are.
  await expect(calibration).toContainText(/Fitted to 3 of your measurements/);
  await expect(page.getByTestId('rests-on')).toHaveText(
    'Your newest measurements are over 8 years old, so this forecast uses typical values for someone like you.',
  );
  await expect(page.locator('main')).not.toContainText(/calibrat|ensemble|posterior|WHIG|RMSE|undefined|NaN/i);
});
