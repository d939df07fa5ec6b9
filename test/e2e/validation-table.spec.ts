import { readFileSync } from 'node:fs';
import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { WhatIfPage } from './pages/whatif-page.ts';
import { openAbout, ValidationTable } from './pages/validation-table.ts';

interface Row {
  id: string;
  kind: string;
  expected: number;
  got: number;
  pass: boolean;
  horizonYears: number;
}
/** What the app was built from: the generated trial results (tools/gen/validation-results.ts). */
const results = JSON.parse(readFileSync(new URL('../../models/validation/trial-results.generated.json', import.meta.url), 'utf8')) as {
  rows: Row[];
};
const DPP_PLACEBO = 'dpp-placebo-3y-cumulative-incidence-percent';
const DPPOS_LIFESTYLE = 'dppos-lifestyle-10y-incidence-reduction-percent';
const decimals = (x: number): number => (String(x).split('.')[1] ?? '').length;

test('the app says what the twin was checked against, and where a figure lies beyond it', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  const whatIf = await WhatIfPage.opened(page);

  // In the page's own locale, as the table formats them.
  const shown = async (r: Row): Promise<{ published: string; twin: string }> =>
    page.evaluate(
      ({ expected, got, d }) => {
        const f = (x: number, n: number): string =>
          new Intl.NumberFormat(undefined, { minimumFractionDigits: n, maximumFractionDigits: n }).format(x);
        return { published: `${f(expected, d)} %`, twin: `${f(got, Math.max(1, d))} %` };
      },
      { expected: r.expected, got: r.got, d: decimals(r.expected) },
    );
  const placebo = results.rows.find((r) => r.id === DPP_PLACEBO)!;
  const want = await shown(placebo);

  // Collapsed under the result; opened, it lists every trial row.
  const table = new ValidationTable(page, page.locator('section.outcomes'));
  await expect(table.table).toBeHidden();
  await table.expand();
  await expect(table.table.locator('tbody tr')).toHaveCount(results.rows.length);
  await expect(table.row(DPP_PLACEBO).locator('th')).toHaveText('Diabetes Prevention Program, placebo, 3 years: new diabetes');
  await expect(table.published(DPP_PLACEBO)).toHaveText(want.published);
  await expect(table.twin(DPP_PLACEBO)).toHaveText(want.twin);
  await expect(table.row(DPP_PLACEBO)).toContainText('Fitted to this');
  const dppos = results.rows.find((r) => r.id === DPPOS_LIFESTYLE)!;
  await expect(table.row(DPPOS_LIFESTYLE)).toContainText(dppos.pass ? 'Reproduced' : 'Missed');
  await expect(table.row(DPPOS_LIFESTYLE)).toContainText('10 years');
  // No developer words on screen.
  await expect(table.root).not.toContainText(/z-score|held.out|calibration/i);

  // The longest horizon the trials confirmed: every count of new diabetes the twin was not fitted to, reproduced there.
  const incidence = results.rows.filter((r) => /incidence/.test(r.id) || /hazard-ratio/.test(r.id)).filter((r) => r.kind !== 'calibration');
  const horizons = [...new Set(incidence.map((r) => r.horizonYears))];
  const validated = Math.max(0, ...horizons.filter((h) => incidence.every((r) => r.horizonYears !== h || r.pass)));
  expect(validated).toBeLessThan(10);
  // The page shows 10 years first: the sentence says 10 years is beyond what was checked.
  await expect(page.getByTestId('beyond-checked')).toHaveText(
    `The twin has been checked against trials over up to ${validated} years; 10 years is beyond that, so read the 10-year figure as an estimate with more doubt.`,
  );
  // Said once on the page, not again in the notes under the charts.
  const tenYears = page.getByText('10 years is beyond that', { exact: false });
  await expect(tenYears).toHaveCount(1);
  // Within what was checked, no such sentence beside the charts; the notes' table, whose figures are
  // 10-year ones whatever the charts show, still says it.
  await page.getByLabel('Show').selectOption(String(validated));
  await whatIf.settled();
  await expect(page.getByTestId('beyond-checked')).toHaveCount(0);
  await expect(tenYears).toHaveCount(1);

  // The same numbers beside the model cards in Settings → About.
  const about = new ValidationTable(page, await openAbout(page));
  await expect(about.root.getByRole('heading', { name: 'What the twin was checked against' })).toBeVisible();
  await expect(about.published(DPP_PLACEBO)).toHaveText(want.published);
  await expect(about.twin(DPP_PLACEBO)).toHaveText(want.twin);
  await expect(about.table.locator('tbody tr')).toHaveCount(results.rows.length);
});
