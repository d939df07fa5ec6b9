import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { WhatIfPage } from './pages/whatif-page.ts';

/** A FHIR R4 record with creatinine (LOINC 38483-4 and 2160-0) and no stored eGFR. */
const FHIR_CREATININE = 'test/fixtures/real/fhir-r4/inferno_synthea-v2.5_prediabetes-glucose2345_dab4861f.transaction.json';

const nav = (page: Page, name: string): Promise<void> => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

/** Settings → Units: one choice in each group. */
async function chooseUnits(page: Page, choices: [group: string, option: string][]): Promise<void> {
  await nav(page, 'Settings');
  for (const [group, option] of choices) {
    const radio = page.getByRole('group', { name: group }).getByRole('radio', { name: option, exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
  }
}

const SI: [string, string][] = [
  ['Glucose and cholesterol', 'mmol/L'],
  ['Weight', 'pounds (lb)'],
  ['HbA1c', 'mmol/mol (IFCC)'],
  ['Creatinine', 'µmol/L'],
  ['Height and waist', 'feet and inches (ft, in)'],
];

/** Nothing in mg/dL, no HbA1c (or GMI) in %, no kg and no cm left on a part of a screen. */
async function expectChosenUnits(where: Locator, what: string): Promise<void> {
  const text = (await where.innerText()).replace(/\s+/g, ' ');
  expect(text, `${what}: mg/dL`).not.toMatch(/mg\/dL/);
  // A score named after HbA1c ("QDiabetes-2018 with your HbA1c") is followed by its own percent, not an HbA1c.
  expect(text, `${what}: HbA1c in %`).not.toMatch(/(?<!your )(HbA1c|GMI):? \d+([.,]\d+)? %/);
  expect(text, `${what}: kg`).not.toMatch(/\d kg(?![/\w])/);
  expect(text, `${what}: cm`).not.toMatch(/\d cm(?![/\w])/);
}

test('every unit setting reaches the twin, the risk drivers and inputs, the what-if notes and the visit summary', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  const metabolic = page.locator('article.region[data-region="metabolic"]');
  await expect(metabolic).toContainText('mg/dL');

  await chooseUnits(page, SI);
  await expectNoSeriousA11yViolations(page, 'settings with every unit group');

  await nav(page, 'Twin');
  await expect(metabolic).toContainText(/HbA1c \d+ mmol\/mol, fasting glucose \d+\.\d mmol\/L/);
  await expectChosenUnits(metabolic, 'metabolic card');
  await expectChosenUnits(page.locator('.twin-top'), 'region cards');

  await nav(page, 'Risk');
  await expect(page.locator('table.inputs tr[data-input="hba1cPercent"] td').first()).toHaveText(/^\d+ mmol\/mol$/);
  await expect(page.locator('table.inputs tr[data-input="heightCm"] td').first()).toHaveText(/^\d ft \d+(\.\d)? in$/);
  const drivers = page.locator('ul.drivers');
  await expect(drivers.first()).toBeVisible();
  await expect(page.locator('article.score').filter({ hasText: 'Fasting glucose:' }).first()).toContainText(
    /Fasting glucose: \d+\.\d mmol\/L/,
  );
  for (const d of await drivers.all()) await expectChosenUnits(d, 'risk drivers');
  await expectChosenUnits(page.locator('table.inputs'), 'risk inputs');
  await expectNoSeriousA11yViolations(page, 'risk in SI units');

  await WhatIfPage.opened(page);
  await expect(page.getByTestId('calibration')).toContainText(/weight fit within [\d.,]+ lb/);
  await expectChosenUnits(page.locator('details.notes'), 'what-if notes');
  await page.getByRole('button', { name: 'Save plan' }).click();

  await nav(page, 'Twin');
  await page.getByRole('link', { name: 'Visit summary' }).click();
  await expect(page.locator('article.summary')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('summary-inputs')).toContainText(/Height \d ft \d+(\.\d)? in/);
  // HbA1c is in the key measurements (the inputs line leaves out what the table shows).
  await expect(page.getByTestId('summary-metrics').locator('tr[data-metric="hba1c"] td').first()).toHaveText(/^\d+ mmol\/mol$/);
  await expect(page.getByTestId('summary-plans').getByTestId('plan-settings').last()).toHaveText(
    /^[-−]11 lb weight, \+150 min\/week activity$/,
  );
  await expectChosenUnits(page.getByTestId('summary-metrics'), 'summary key measurements');
  await expectChosenUnits(page.getByTestId('summary-inputs'), 'summary risk inputs');
  await expectChosenUnits(page.getByTestId('summary-risk'), 'summary risk drivers');
  await expectChosenUnits(page.locator('article.summary'), 'visit summary');
  await expectNoSeriousA11yViolations(page, 'visit summary in SI units');
});

test('height in feet and inches: entered in the profile, stored in cm, shown back without drift', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  await chooseUnits(page, [['Height and waist', 'feet and inches (ft, in)']]);
  await page.getByRole('link', { name: 'Your profile' }).click();
  const feet = page.getByRole('spinbutton', { name: 'feet' });
  const inches = page.getByRole('spinbutton', { name: 'inches' });
  // The demo's 178 cm, in feet and inches.
  await expect(feet).toHaveValue('5');
  await expect(inches).toHaveValue('10.1');
  await inches.fill('12');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Height: enter whole feet and inches from 0 to under 12/);
  await inches.fill('10.5');
  await expectNoSeriousA11yViolations(page, 'profile in feet and inches');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved. Your twin was updated.');

  const height = page.locator('table.inputs tr[data-input="heightCm"] td').first();
  await nav(page, 'Risk');
  await expect(height).toHaveText('5 ft 10.5 in');
  // Stored in cm: (5 × 12 + 10.5) × 2.54 = 179.07 cm.
  await chooseUnits(page, [['Height and waist', 'centimetres (cm)']]);
  await nav(page, 'Risk');
  await expect(height).toHaveText('179 cm');
  await chooseUnits(page, [['Height and waist', 'feet and inches (ft, in)']]);
  await page.getByRole('link', { name: 'Your profile' }).click();
  await expect(feet).toHaveValue('5');
  await expect(inches).toHaveValue('10.5');
});

test('creatinine in mg/dL with two decimals or in whole µmol/L, and eGFR says which creatinine it came from', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await page.getByRole('link', { name: 'Import your data' }).click();
  const imp = new ImportPage(page);
  await imp.choose([FHIR_CREATININE]);
  await expect(imp.results).toContainText('FHIR record:');

  const card = page.locator('button.card.pick[data-metric="creatinine"]');
  await nav(page, 'Timeline');
  await expect(card.locator('.unit')).toHaveText('mg/dL');
  await expect(card.locator('.num')).toHaveText(/^\d+\.\d\d$/);
  const mgDl = Number((await card.locator('.num').textContent())!);
  const egfrFrom = page.locator('table.inputs tr[data-input="egfr"] td').nth(1);
  await nav(page, 'Risk');
  await expect(egfrFrom).toContainText(/^CKD-EPI 2021 from creatinine \d+\.\d\d mg\/dL on /);

  await chooseUnits(page, [['Creatinine', 'µmol/L']]);
  await nav(page, 'Timeline');
  await expect(card.locator('.unit')).toHaveText('µmol/L');
  await expect(card.locator('.num')).toHaveText(/^\d+$/);
  // 88.42 µmol/L per mg/dL (the card shows the same reading in both units).
  expect(Math.abs(Number(await card.locator('.num').textContent()) - mgDl * 88.42)).toBeLessThanOrEqual(0.5 + 0.005 * 88.42);
  await nav(page, 'Risk');
  await expect(egfrFrom).toContainText(/^CKD-EPI 2021 from creatinine \d+ µmol\/L on /);
});
