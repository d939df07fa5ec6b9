// Issue 17 items 1 and 3: one answer per question, the same on every screen; and a person who
// already has diabetes is told so, with no diabetes probability and no glucose forecast anywhere.
import type { Page } from '@playwright/test';
import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { ProfilePage } from './pages/profile-page.ts';
import { WhatIfPage } from './pages/whatif-page.ts';
import { LOINC, observation, bundle, monthsAgo } from './support/fhir.ts';
import { SummaryPage } from './pages/summary-page.ts';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

test('the headline risk of type 2 diabetes reads the same on the twin, what-if, risk and visit summary screens (its risk table and its plans)', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();

  const headline = page.getByTestId('headline');
  await expect(headline).toContainText('risk of type 2 diabetes in the next 10 years');
  await expect(headline).toContainText('QDiabetes-2018');
  const value = (await page.getByTestId('headline-value').textContent())!.trim();
  expect(value).toMatch(/^\d+\s?%$/);
  // The published score the twin starts from, as the headline names it.
  const anchor = /gives (\d+(?:\.\d)?%)/.exec((await headline.textContent())!)?.[1];
  expect(anchor, 'the headline says what QDiabetes-2018 gives').toBeDefined();

  // The what-if's "No change" starts from the very same number, named the same way.
  const whatIf = await WhatIfPage.opened(page);
  await expect(whatIf.sentences).toContainText(`your risk of type 2 diabetes in the next 10 years from ${value} to`);
  await expect(page.getByTestId('notes-twin').first()).toHaveText(value);
  // Beside it, QDiabetes-2018 for "No change" is that very score.
  await expect(page.getByTestId('notes-qdiabetes').first()).toHaveText(anchor!);

  // The risk page leads with it too; the published scores below are labelled as what they are.
  await nav(page, 'Risk').click();
  await expect(page.getByTestId('headline-value')).toHaveText(value);
  // The score the twin starts from comes first, with the same value, and says it is the one.
  const first = page.locator('[data-score^="qdiabetes2018"]').first();
  await expect(first.locator('.value')).toHaveText(anchor!);
  await expect(first).toContainText('Your twin starts from it');
  await expect(page.locator('[data-score^="qdiabetes2018"] h2').first()).toHaveText(
    /^QDiabetes-2018 (without blood tests|with your (fasting glucose|HbA1c))$/,
  );

  // The visit summary's plans start from the same number, for "No change", under the same name.
  await whatIf.open();
  await whatIf.settled();
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  const summary = new SummaryPage(page);
  await summary.open();
  // The GP's summary leads its risk table with the same answer.
  await expect(page.getByTestId('summary-headline')).toHaveText(value);
  await expect(summary.plans.locator('thead')).toContainText('type 2 diabetes in the next 10 years');
  await expect(summary.plan('No change').getByTestId('plan-t2d')).toHaveText(value);
});

/** A year of weights and two HbA1c results in the diabetes range (7.4 % last month). */
function recordWithDiabetesRangeHba1c(): string {
  const resources: unknown[] = [];
  for (let m = 12; m >= 1; m--) resources.push(observation(LOINC.weight, 101 - m * 0.1, 'kg', monthsAgo(m)));
  resources.push(observation(LOINC.hba1c, 7.1, '%', monthsAgo(7)), observation(LOINC.hba1c, 7.4, '%', monthsAgo(1)));
  resources.push(observation(LOINC.fastingGlucose, 168, 'mg/dL', monthsAgo(1)));
  return bundle(resources);
}

test('a person whose HbA1c is in the diabetes range is told so, and sees no diabetes probability or glucose forecast', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await page.getByRole('link', { name: 'Set up your profile' }).click();
  await new ProfilePage(page).enter({ birthDate: '1968-05-14', sex: 'Male', heightCm: 178 });
  await nav(page, 'Import').click();
  await new ImportPage(page).chooseBuffer('portal.json', recordWithDiabetesRangeHba1c());

  await nav(page, 'Twin').click();
  const headline = page.getByTestId('headline');
  await expect(headline).toHaveAttribute('data-has-diabetes', 'true');
  await expect(headline).toContainText('You already have diabetes');
  await expect(headline).toContainText('Your latest HbA1c, 7.4 %, is in the diabetes range.');
  await expect(page.getByTestId('headline-value')).toHaveCount(0);

  // The what-if keeps what applies: weight (and the heart scores in its notes); no diabetes risk, no glucose fans.
  const whatIf = await WhatIfPage.opened(page, 1);
  await expect(whatIf.chart('weight')).toHaveCount(1);
  for (const q of ['t2d', 'hba1c', 'glucose'] as const) await expect(whatIf.chart(q)).toHaveCount(0);
  await expect(whatIf.sentences).toContainText('your weight in 10 years is likely');
  await expect(whatIf.sentences).not.toContainText('diabetes');
  await expect(page.getByTestId('notes-twin')).toHaveCount(0);

  // The risk page: no diabetes scores, the same notice.
  await nav(page, 'Risk').click();
  await expect(page.getByTestId('headline')).toContainText('You already have diabetes');
  await expect(page.locator('[data-score^="qdiabetes2018"], [data-score="findrisc"], [data-score="ada"]')).toHaveCount(0);
});
