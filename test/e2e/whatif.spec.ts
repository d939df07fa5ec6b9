import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';
import { WhatIfPage } from './pages/whatif-page.ts';

test('a what-if moves the fan chart, compares plans and keeps saved plans', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  const whatIf = await WhatIfPage.opened(page);

  // The first plan is the example: lose 5 kg and walk 150 minutes a week.
  await expect(whatIf.weightOutput).toHaveText('−5 kg');
  await expect(whatIf.sentences).toContainText(
    /Losing 5 kg and adding 150 minutes of moderate activity a week (lowers|leaves) your risk of type 2 diabetes in the next 10 years/,
  );
  await expect(page.getByTestId('calibration')).toContainText(/Fitted to \d+ of your measurements/);
  await expect(page.getByTestId('rests-on')).toHaveText('This forecast rests on your own weight and lab results.');
  const weightBefore = await whatIf.chart('weight').getAttribute('aria-label');
  const sentenceBefore = await whatIf.sentences.textContent();

  // Ten steps of 0.5 kg further: the forecast re-runs and the chart shows it.
  await whatIf.nudge(whatIf.weightSlider, 'ArrowLeft', 10);
  await expect(whatIf.weightOutput).toHaveText('−10 kg');
  await whatIf.settled();
  await expect(whatIf.sentences).toContainText('Losing 10 kg');
  await expect(whatIf.chart('weight')).not.toHaveAttribute('aria-label', weightBefore!);
  expect(await whatIf.sentences.textContent()).not.toBe(sentenceBefore);
  // A bigger loss: a lower median weight at 10 years in the chart's description.
  const median = (label: string | null): number => Number(/Plan A: median ([\d.,]+)/.exec(label ?? '')![1]!.replace(',', '.'));
  expect(median(await whatIf.chart('weight').getAttribute('aria-label'))).toBeLessThan(median(weightBefore));
  // The repaint was measured (input → worker → chart drawn); its budget lives in the benchmark.
  const repaints = await page.evaluate(() => performance.getEntriesByName('doppel:whatif-repaint').length);
  expect(repaints).toBeGreaterThan(0);

  // Compare: a second plan, side by side.
  await page.getByRole('button', { name: '+ Compare a plan' }).click();
  await expect(page.getByRole('tab', { name: 'Plan B' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Metformin').check();
  await whatIf.settled();
  await expect(whatIf.sentences.locator('p')).toHaveCount(2);
  await expect(whatIf.sentences).toContainText('taking metformin');
  await expect(page.locator('table.cross tbody tr')).toHaveCount(3);

  // Save Plan B, reload: it is still there.
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Plan B”' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'what-if explorer');
  await page.reload();
  await whatIf.settled();
  await page.getByText('Saved plans (1)').click();
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('tab', { name: 'Plan B' })).toBeVisible();
  await expect(page.getByLabel('Metformin')).toBeChecked();
});

test('the explorer shows weight in pounds when the person chose pounds', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'pounds (lb)' }).check();
  const whatIf = new WhatIfPage(page);
  await whatIf.open();
  await expect(whatIf.weightOutput).toHaveText('−11 lb');
  await whatIf.settled();
  await expect(whatIf.chart('weight')).toHaveAttribute('aria-label', /median [\d.,]+ lb/);
});

test('on a phone the result stays in view above the sliders while one moves, and the sliders show their ranges', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  const whatIf = await WhatIfPage.opened(page);
  const result = page.getByTestId('whatif-result');
  // The short sentence and the lead chart sit above the controls.
  await expect(result.getByTestId('sentences')).toContainText(/Plan A: risk of type 2 diabetes in 10 years \d+\s?% → \d+\s?% · weight/);
  await expect(result.locator('figure[data-chart="t2d"] canvas')).toBeVisible();
  expect((await result.boundingBox())!.y).toBeLessThan((await page.locator('section.plans').boundingBox())!.y);
  // Each slider shows its range in the person's units.
  await expect(page.locator('.range-ends').first()).toContainText('−30 kg');
  await expect(page.locator('.range-ends').first()).toContainText('+15 kg');

  // Scroll the page as a thumb would, move a slider: the result is still on screen, and it changes.
  await whatIf.activitySlider.scrollIntoViewIfNeeded();
  const before = await result.getByTestId('sentences').textContent();
  await whatIf.nudge(whatIf.weightSlider, 'ArrowLeft', 10);
  await whatIf.settled();
  const box = (await result.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  await expect(whatIf.weightSlider).toBeInViewport();
  await expect(result.getByTestId('sentences')).not.toHaveText(before!);
  // The full sentence, from the whole ensemble, follows below.
  await expect(page.locator('section.outcomes .sentences')).toContainText('Losing 10 kg');
});
