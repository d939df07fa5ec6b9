// Issue 17, section 7 "Honest charts", in the browser on exports whose newest data is years old:
// the real Dexcom Clarity export (Oct-Nov 2016), a synthetic Apple Health export of steps and
// weights (2014-2016, tools/gen/old-export.ts) and a real Synthea record with three HbA1c results
// (2013-2019). What the charts draw is read from their Chart.js instances (pages/charts.ts).
import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { readChart } from './pages/charts.ts';

const DEXCOM = 'test/fixtures/real/cgm/cgmquantify_test_file_dexcom-g6-clarity.csv';
const OLD_APPLE = 'test/fixtures/synthetic/apple-health-old-steps-weight.xml';
const SYNTHEA = 'test/fixtures/real/fhir-r4/smart-generated-sample-data_Lupe_Little_prediabetes.json';

const DAY = 86_400_000;
// Dates in the user's locale: a British browser writes "1 Nov 2016".
test.use({ locale: 'en-GB', timezoneId: 'Europe/London' });
const day = (ms: number): string => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' }).format(ms);
/** A tick that names a year names it in full: "Nov 2015", "1 Nov 2015", never "1 Nov 15". */
const fullYears = (ticks: string[]): void => {
  expect(ticks.length).toBeGreaterThan(1);
  for (const t of ticks) {
    expect(t).toMatch(/\b(19|20)\d\d\b/);
    expect(t).not.toMatch(/\D\d{2}$/);
  }
};

test('honest charts: bars from zero, full years, titles that name the end of old data, straight lab lines, wheel scrolls', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.choose([DEXCOM, OLD_APPLE, SYNTHEA]);
  await expect(imp.results).toHaveCount(3);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // The twin's trends: each title says to which day its window of old data runs.
  await nav.getByRole('link', { name: 'Twin' }).click();
  const cgm = page.locator('figure', { hasText: 'Glucose, last 14 days' });
  const steps = page.locator('figure', { hasText: 'Daily steps' });
  const weight = page.locator('figure', { hasText: /^Weight/ });
  await expect(cgm.locator('canvas')).toBeVisible();
  await expect(steps.locator('canvas')).toBeVisible();
  const cgmChart = await readChart(cgm.locator('canvas'));
  // The newest reading is 1 Nov 2016: the caption says so, and the axis ends there.
  await expect(cgm.locator('figcaption')).toContainText(`Glucose, last 14 days of data, to ${day(cgmChart.xMax)} (CGM)`);
  expect(day(cgmChart.xMax)).toBe('1 Nov 2016');
  expect(cgmChart.xMax - cgmChart.xMin).toBe(14 * DAY);
  await expect(cgm.locator('canvas')).toHaveAttribute('aria-label', /over the last 14 days of data, to 1 Nov 2016$/);

  // Steps: 120 days to 28 Feb 2016 (over a new year), every day 5,000 steps or more, bars from 0.
  await expect(steps.locator('figcaption')).toHaveText('Daily steps, last 120 days of data, to 28 Feb 2016');
  const stepChart = await readChart(steps.locator('canvas'));
  const bars = stepChart.datasets.find((d) => d.type === 'bar')!;
  expect(bars.inView).toBe(120);
  expect(bars.minInView).toBeGreaterThanOrEqual(5000);
  expect(stepChart.yMin).toBe(0);
  fullYears(stepChart.xTicks);
  // Weight over two years and more: months with their years.
  fullYears((await readChart(weight.locator('canvas'))).xTicks);

  // The timeline: steps as daily totals from zero; the window ends at the newest data.
  await nav.getByRole('link', { name: 'Timeline' }).click();
  await page.locator('button.card.pick[data-metric="steps"]').click();
  const windowText = page.getByTestId('timeline-window');
  await expect(windowText).toHaveText(/ – 28 Feb 2016 · daily totals$/);
  const canvas = page.locator('.metric-timeline canvas');
  await expect(canvas).toBeVisible();
  await expect.poll(async () => (await readChart(canvas)).datasets[0]?.inView).toBeGreaterThan(20);
  const month = await readChart(canvas);
  expect(month.datasets[0]!.minInView).toBeGreaterThanOrEqual(5000);
  expect(month.yMin).toBe(0);

  // The wheel alone scrolls the page and leaves the chart; Ctrl + wheel zooms it, the page still.
  await canvas.hover();
  const before = await windowText.textContent();
  const y0 = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(y0);
  await expect(windowText).toHaveText(before!);
  await canvas.hover();
  const y1 = await page.evaluate(() => scrollY);
  const span0 = month.xMax - month.xMin;
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect(windowText).not.toHaveText(before!);
  await expect(page.getByRole('radio', { name: 'Month' })).toHaveAttribute('aria-checked', 'false');
  const zoomed = await readChart(canvas);
  expect(zoomed.xMax - zoomed.xMin).toBeLessThan(0.75 * span0);
  expect(zoomed.datasets[0]!.inView).toBeGreaterThan(0);
  expect(await page.evaluate(() => scrollY)).toBe(y1);

  // Weight over all its years: every tick names its year in full.
  await page.locator('button.card.pick[data-metric="body_weight"]').click();
  await page.getByRole('radio', { name: 'All' }).click();
  await expect(windowText).toHaveText(/^17 Jul 2013 – 1 May 2019 · /);
  await expect.poll(async () => (await readChart(canvas)).xMax - (await readChart(canvas)).xMin).toBeGreaterThan(5 * 365 * DAY);
  fullYears((await readChart(canvas)).xTicks);

  // HbA1c, three lab results six years apart: the points joined by straight segments.
  await page.locator('button.card.pick[data-metric="hba1c"]').click();
  await page.getByRole('radio', { name: 'All' }).click();
  await expect(windowText).toHaveText('17 Jul 2013 – 1 May 2019 · each result');
  const lab = await readChart(canvas);
  const line = lab.datasets.find((d) => d.showLine)!;
  const points = lab.datasets.find((d) => !d.showLine)!;
  expect(line).toMatchObject({ type: 'line', tension: 0, n: 3 });
  expect(points.n).toBe(3);
  expect(points.pointRadius).toBeGreaterThan(0);
  fullYears(lab.xTicks);
  // Zooming in centres on the results: one is still in view.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => (await readChart(canvas)).xMax - (await readChart(canvas)).xMin).toBeLessThan((lab.xMax - lab.xMin) * 0.6);
  expect((await readChart(canvas)).datasets.find((d) => !d.showLine)!.inView).toBeGreaterThan(0);
});
