import { basename } from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { ProfilePage } from './pages/profile-page.ts';
import { egfrCkdEpi2021 } from '../../models/risk/ckd-epi.ts';
import { WhatIfPage } from './pages/whatif-page.ts';
import { newestInBundleFile } from './support/fhir.ts';
import { A4_CONTENT_PX, overlaps as overlappingParts, SummaryPage } from './pages/summary-page.ts';

type Box = { left: number; bottom: number; right: number; top: number };
type Matrix = [number, number, number, number, number, number];
/** M × C for PDF matrices [a b c d e f] (a point is p × CTM). */
const times = (m: Matrix, c: Matrix): Matrix => [
  m[0] * c[0] + m[1] * c[2],
  m[0] * c[1] + m[1] * c[3],
  m[2] * c[0] + m[3] * c[2],
  m[2] * c[1] + m[3] * c[3],
  m[4] * c[0] + m[5] * c[2] + c[4],
  m[4] * c[1] + m[5] * c[3] + c[5],
];

/**
 * Per page of a PDF (pdf.js, the PDF engine Firefox uses): its text, each text run's box, and the box
 * of each image drawn (a chart's canvas prints as an image), in the page's coordinates.
 */
async function readPdf(bytes: Buffer): Promise<{ pages: number; text: string; overlaps: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  const overlaps: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const c = await page.getTextContent();
    const runs = c.items.flatMap((it) => ('str' in it && it.str.trim() ? [it] : []));
    text += runs.map((it) => it.str).join(' ') + '\n';
    // Images: the unit square under the current transformation matrix at each paint.
    const ops = await page.getOperatorList();
    const images: Box[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const stack: Matrix[] = [];
    ops.fnArray.forEach((fn, k) => {
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = times(ops.argsArray[k] as Matrix, ctm);
      else if (fn === OPS.paintImageXObject) {
        const xs = [ctm[4], ctm[0] + ctm[4], ctm[2] + ctm[4], ctm[0] + ctm[2] + ctm[4]];
        const ys = [ctm[5], ctm[1] + ctm[5], ctm[3] + ctm[5], ctm[1] + ctm[3] + ctm[5]];
        images.push({ left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) });
      }
    });
    // A text run drawn where an image is: one hides the other on paper (1 pt of slack for touching edges).
    for (const r of runs) {
      const [x, y] = [r.transform[4] as number, r.transform[5] as number];
      for (const im of images)
        if (x + r.width > im.left + 1 && x < im.right - 1 && y + r.height > im.bottom + 1 && y < im.top - 1) overlaps.push(r.str);
    }
  }
  return { pages: doc.numPages, text: text.replace(/\s+/g, ' '), overlaps };
}

/** The demo with one saved plan, then the visit summary opened from the twin. */
async function openSummaryWithPlan(page: Page): Promise<{ hba1c: string }> {
  const app = new AppPage(page);
  await new SummaryPage(page).stubPrint();
  await app.goto();
  await app.startDemo();
  const hba1c = (await page.locator('article.metric[data-metric="hba1c"] .num').textContent())!;
  await WhatIfPage.opened(page);
  await page.getByRole('button', { name: 'Save plan' }).click();
  const summary = new SummaryPage(page);
  await summary.printOnSight();
  await summary.open();
  return { hba1c };
}

/**
 * The print button was clicked the instant the summary showed (`printOnSight`), before its parts
 * were computed: the page prints only once every part has settled (window.print is stubbed to
 * record the page at that moment). The PDF is then made as a browser prints it (no chart resized
 * for print beforehand), and the print layout at A4 width is checked: it fits one page and no part
 * overlaps another.
 */
async function printFromButton(page: Page, summary: SummaryPage): Promise<{ pages: number; text: string; overlaps: string[] }> {
  const moment = await summary.waitForPrint();
  expect(moment.readyAtClick, 'the button was clicked before the summary was ready').toBe('false');
  expect(moment.ready, 'printed before the summary was ready').toBe('true');
  expect(moment.busy, 'parts still computing when printed').toEqual([]);
  expect(moment.text).not.toMatch(/still (computing|loading)/i);
  expect(await summary.prints()).toHaveLength(1);
  const pdf = await readPdf(await page.pdf({ format: 'A4', printBackground: true }));
  const layout = await summary.printLayout();
  expect(layout.height, 'the printed page is taller than A4').toBeLessThanOrEqual(A4_CONTENT_PX.height);
  expect(overlappingParts(layout.parts), 'parts of the summary overlap in print').toEqual([]);
  return pdf;
}

for (const [device, viewport] of [
  ['a desktop', { width: 1280, height: 800 }],
  ['a phone', { width: 390, height: 844 }],
] as const) {
  test(`the visit summary prints from ${device} to one A4 page, complete, with nothing overlapping`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const { hba1c } = await openSummaryWithPlan(page);
    const { pages, text, overlaps } = await printFromButton(page, new SummaryPage(page));
    expect(pages).toBe(1);
    expect(overlaps, 'text printed under the AGP chart').toEqual([]);
    // Printed at once, every section is there: no placeholder, no "still computing".
    expect(text).not.toContain('…');
    expect(text).not.toMatch(/still computing/i);
    const q = page.locator('[data-testid="summary-risk"] tr[data-score="qdiabetes2018 C"] td').first();
    await expect(q).toHaveText(/^\d+([.,]\d)?%$/);
    const qValue = (await q.textContent())!;
    await expect(page.getByTestId('summary-plans').locator('tbody tr')).toHaveCount(2);
    await expect(page.getByTestId('summary-plans')).not.toContainText('…');
    await expect(page.getByTestId('agp').locator('canvas')).toBeVisible();
    for (const s of [
      'Visit summary',
      'Alex',
      `${hba1c} %`,
      'QDiabetes-2018 with your HbA1c',
      qValue,
      'Plan A',
      'Glucose report (AGP)',
      'Demo person (synthetic)',
      'not a medical device',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).toMatch(/Doppel \d+\.\d+\.\d+, twin engine status-v\d/);
    expect(text).not.toContain('Print or save as PDF');
    await expectNoSeriousA11yViolations(page, `visit summary on ${device}`);
  });
}

/** A real Synthea FHIR export: female, born 1972-06-12; prediabetes and high blood pressure, on amlodipine/HCTZ/olmesartan. */
const FHIR = 'test/fixtures/real/fhir-r4/inferno_synthea-v2.5_prediabetes-glucose2345_dab4861f.transaction.json';
const FILE = basename(FHIR);

/** The newest value of a LOINC code in the fixture and its day, read from the file itself. */
const newestInFixture = (loinc: string): { value: number; day: string } => newestInBundleFile(FHIR, loinc);

/** Whole years from a day to today on this machine (the browser runs in the same time zone). */
function yearsSince(day: string): number {
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.floor(Math.round((today - Date.parse(`${day}T00:00:00Z`)) / 86_400_000) / 365.25);
}

function ageToday(birth: string): number {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const now = new Date();
  const before = now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
  return now.getUTCFullYear() - y - (before ? 1 : 0);
}

test('journey: a name and date of birth, a real record and a saved plan → the summary a GP reads in a 10-minute visit: who, problems and medications with where each came from, eGFR, cholesterol and BMI with their age, the plan’s settings; printing waits for every part and fits one A4 page', async ({
  page,
}) => {
  const summary = new SummaryPage(page);
  await summary.stubPrint();
  const app = new AppPage(page);
  await app.goto();

  // The person's own profile: a name (on this device only), date of birth and sex as the record says.
  await page.getByRole('link', { name: 'Set up your profile' }).click();
  const profile = new ProfilePage(page);
  await expect(profile.name).toHaveAccessibleDescription(/stays on this device and is never in a share/);
  await profile.name.fill('  Sam Example ');
  await profile.birthDate.fill('1972-06-12');
  await profile.sex('Female').check();
  await profile.save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // A real record: conditions, a blood-pressure medicine, labs and measurements years old.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  const imp = new ImportPage(page);
  await imp.choose([FHIR]);
  await expect(imp.results).toContainText('FHIR record:');

  // The person adds a statin themselves: the record's medicine stays theirs too, confirmed.
  await profile.open();
  await expect(profile.name).toHaveValue('Sam Example');
  await page.getByRole('checkbox', { name: 'A statin' }).check();
  await profile.save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // A plan: −5 kg and +150 minutes a week (the explorer's first plan), saved.
  await WhatIfPage.opened(page);
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Plan A”.' })).toBeVisible();

  // The summary, its print button clicked the instant it shows: the print waits for every part.
  await summary.printOnSight();
  await summary.open();
  const { pages, text } = await printFromButton(page, summary);
  expect(pages).toBe(1);

  // Who: name and date of birth in the browser's locale, with the age.
  const born = await page.evaluate(() =>
    new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(1972, 5, 12)),
  );
  await expect(summary.whoField('name')).toHaveText('Sam Example');
  await expect(summary.whoField('birthDate')).toHaveText(`${born} (age ${ageToday('1972-06-12')})`);
  await expect(summary.whoField('sex')).toHaveText('Female');

  // Problems and medications, each with where it came from.
  await expect(summary.item(summary.problems, 'prediabetes')).toHaveText(`Prediabetes (impaired glucose) (from ${FILE})`);
  await expect(summary.item(summary.problems, 'hypertension')).toHaveText(`High blood pressure (from ${FILE})`);
  await expect(summary.item(summary.medications, 'antihypertensive')).toHaveText(
    `Blood-pressure medication (from ${FILE}, confirmed by you)`,
  );
  await expect(summary.item(summary.medications, 'statin')).toHaveText('A statin (entered by you)');

  // Key measurements: eGFR (calculated from the record's creatinine), total cholesterol, BMI, each dated and flagged by age.
  const creatinine = newestInFixture('38483-4');
  const cholesterol = newestInFixture('2093-3');
  const weight = newestInFixture('29463-7');
  const height = newestInFixture('8302-2');
  const egfr = Math.round(egfrCkdEpi2021(creatinine.value, ageToday('1972-06-12'), 'female'));
  const egfrRow = summary.metric('egfr');
  await expect(egfrRow.locator('th')).toHaveText(`eGFR (calculated from creatinine ${creatinine.value.toFixed(2)} mg/dL (CKD-EPI 2021))`);
  await expect(egfrRow.locator('td').first()).toHaveText(`${egfr} mL/min/1.73 m²`);
  await expect(egfrRow.locator('[data-stale]')).toHaveText(`${yearsSince(creatinine.day)} years old`);
  const cholRow = summary.metric('total_cholesterol');
  await expect(cholRow.locator('td').first()).toHaveText(`${Math.round(cholesterol.value)} mg/dL`);
  await expect(cholRow.locator('[data-stale]')).toHaveText(`${yearsSince(cholesterol.day)} years old`);
  const bmi = (Math.round(weight.value * 10) / 10 / (height.value / 100) ** 2).toFixed(1);
  const bmiRow = summary.metric('bmi');
  await expect(bmiRow.locator('th')).toHaveText('BMI (calculated from weight and height)');
  await expect(bmiRow.locator('td').first()).toHaveText(`${bmi} kg/m²`);
  await expect(bmiRow.locator('[data-stale]')).toHaveText(`${yearsSince(weight.day)} years old`);

  // The plan with its settings, not only its name.
  await expect(summary.plan('Plan A').getByTestId('plan-settings')).toHaveText(/^[-−]5 kg weight, \+150 min\/week activity$/);
  await expect(summary.plan('No change').getByTestId('plan-settings')).toHaveText('no change');

  // On paper: all of it.
  for (const s of ['Sam Example', born, 'High blood pressure', 'A statin', 'eGFR', 'Total cholesterol', 'BMI', 'Plan A', '150 min/week']) {
    expect(text, s).toContain(s);
  }
  await expectNoSeriousA11yViolations(page, 'visit summary with a record');
});
