import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { ForecastPage } from './pages/forecast-page.ts';

const DEXCOM = 'test/fixtures/real/cgm/cgmquantify_test_file_dexcom-g6-clarity.csv';

test('@backend a real Dexcom export: the forecaster trains in the ml worker, is judged on held-out days, forecasts, and is kept', async ({
  page,
}, info) => {
  const app = new AppPage(page);
  await app.goto();
  await page.getByRole('link', { name: 'Import your data' }).click();
  const imp = new ImportPage(page);
  await imp.choose([DEXCOM]);
  await expect(imp.results).toContainText(/2,?148 added/);

  const fc = new ForecastPage(page);
  await fc.open();
  const backend = await fc.waitTrained();
  expect(backend).toBe(info.project.metadata.expectedBackend);
  await expect(fc.about).toHaveAttribute('data-trained-on', backend);

  // Each horizon: shown exactly when its held-out RMSE and MARD beat both baselines, as the table says.
  await fc.evaluation.locator('summary').click();
  let shown = 0;
  for (const minutes of [30, 60]) {
    const [model, persistence, linear] = await fc.rmse(minutes);
    const [mModel, mPersistence, mLinear] = await fc.mard(minutes);
    expect(persistence).toBeGreaterThan(0);
    const beats = model! <= 0.98 * Math.min(persistence!, linear!) && mModel! <= 0.98 * Math.min(mPersistence!, mLinear!);
    const point = fc.point(minutes);
    await expect(point).toHaveAttribute('data-shown', String(beats));
    if (beats) {
      shown++;
      // The file is from 2016: worded as after that reading, not as "in 30 minutes".
      await expect(point).toContainText(new RegExp(`${minutes} minutes after it: \\d+ mg/dL`));
      await expect(point).toContainText(/likely \d+–\d+ mg\/dL/);
      await expect(page.getByTestId(`gf-verdict-${minutes}`)).toHaveText(
        'Shown: its typical and its average error are both at least 2 % smaller than either simpler forecast’s.',
      );
    } else {
      await expect(point).toContainText('not shown');
      await expect(page.getByTestId(`gf-verdict-${minutes}`)).toContainText('Not shown: no better than the simpler forecasts');
    }
  }
  // On this file the 30-minute network beats both baselines (2.1 % lower RMSE and 6 % lower MARD than the linear one, cpu backend).
  expect(shown).toBeGreaterThanOrEqual(1);
  await expect(fc.card).toContainText('From your last reading, ');
  await expectNoSeriousA11yViolations(page, 'glucose forecast');

  // Kept with tfjs's IndexedDB handler: after a reload, no training, the saved networks forecast.
  const models = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(models).toContain('tensorflowjs');
  const before = await fc.point(30).textContent();
  const trainedAt = await fc.about.textContent();
  await page.reload();
  await fc.open();
  await fc.waitTrained();
  await expect(fc.about).toHaveText(trainedAt!);
  await expect(fc.point(30)).toHaveText(before!);
});
