import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';

/** The text of every page of a PDF (pdf.js, the PDF engine Firefox uses). */
async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const c = await page.getTextContent();
    text += c.items.map((it) => ('str' in it ? it.str : '')).join(' ') + '\n';
  }
  return { pages: doc.numPages, text: text.replace(/\s+/g, ' ') };
}

test('the visit summary prints to one PDF page with the key values, risk, plans, sources and model versions', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  const hba1c = (await page.locator('article.metric[data-metric="hba1c"] .num').textContent())!;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'What if' }).click();
  await expect(page.locator('section.outcomes')).toHaveAttribute('aria-busy', 'false');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
  await page.getByRole('link', { name: 'Visit summary' }).click();
  await expect(page.getByRole('heading', { name: 'Visit summary' })).toBeVisible();
  const q = page.locator('[data-testid="summary-risk"] tr[data-score="qdiabetes2018 C"] td').first();
  await expect(q).toHaveText(/^\d+([.,]\d)? %$/);
  const qValue = (await q.textContent())!;
  await expect(page.getByTestId('summary-plans').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('summary-plans')).not.toContainText('…');
  await expect(page.getByTestId('agp').locator('canvas')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'visit summary');

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const { pages, text } = await pdfText(pdf);
  expect(pages).toBe(1);
  for (const s of [
    'Visit summary',
    'Alex',
    `${hba1c} %`,
    'QDiabetes-2018 C',
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
});
