import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';

test('risk: each score with what drives it, its limits, and where every input came from', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk' }).click();
  await expect(page.getByRole('heading', { name: 'Risk scores', level: 1 })).toBeVisible();
  const qd = page.locator('article.score[data-score="qdiabetes2018 C"]');
  await expect(qd).toContainText('chance of type 2 diabetes within 10 years');
  await expect(qd.locator('.value')).toHaveText(/^\d+([.,]\d)?%$/);
  await expect(qd.locator('.drivers li').first()).toContainText(/raises|lowers/);
  await expect(qd).toContainText('Limits: BMI clamped to 20–40');
  await expect(page.getByTestId('risk-suggestion')).toHaveText(
    /^To get more scores: adding [A-Z][^,]* would give \d+ more risk scores?\.$/,
  );
  await expect(page.locator('article.score')).not.toHaveCount(0);
  // Inputs in words and the user's units, each with where it came from; BMI computed from height and weight.
  const hba1c = page.locator('tr[data-input="hba1cPercent"]');
  await expect(hba1c.locator('th')).toHaveText('HbA1c');
  await expect(hba1c.locator('td').first()).toHaveText(/^\d\.\d %$/);
  await expect(hba1c.locator('td').nth(1)).toContainText(/^measured on \w{3} \d+, \d{4}$/);
  await expect(page.locator('tr[data-input="bmi"] td').first()).toHaveText(/^\d+\.\d kg\/m²$/);
  await expect(page.locator('table.inputs')).not.toContainText('undefined');
  await expectNoSeriousA11yViolations(page, 'risk');
});
