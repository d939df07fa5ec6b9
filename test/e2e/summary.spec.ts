import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';
import { WhatIfPage } from './pages/whatif-page.ts';

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
  await app.goto();
  await app.startDemo();
  const hba1c = (await page.locator('article.metric[data-metric="hba1c"] .num').textContent())!;
  const whatIf = new WhatIfPage(page);
  await whatIf.open();
  await whatIf.settled();
  await page.getByRole('button', { name: 'Save plan' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
  await page.getByRole('link', { name: 'Visit summary' }).click();
  await expect(page.getByRole('heading', { name: 'Visit summary' })).toBeVisible();
  return { hba1c };
}

/**
 * The boxes of the AGP (its section and its chart's canvas) and of the risk table, laid out for print.
 * A canvas keeps the size it had on screen unless the print style sizes it too, and then overflows.
 */
async function printBoxes(page: Page): Promise<{ agp: DOMRect[]; risk: DOMRect }> {
  await page.emulateMedia({ media: 'print' });
  const boxes = await page.evaluate(() => {
    const box = (el: Element | null): DOMRect => el!.getBoundingClientRect().toJSON() as DOMRect;
    return {
      agp: [box(document.querySelector('[data-testid="agp"]')), box(document.querySelector('[data-testid="agp"] canvas'))],
      risk: box(document.querySelector('[data-testid="summary-risk"]')),
    };
  });
  await page.emulateMedia({ media: 'screen' });
  return boxes;
}

const intersect = (a: DOMRect, b: DOMRect): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom && a.width > 0 && b.width > 0;

/**
 * Prints as soon as the page offers printing: the print button is enabled only once every section
 * has settled. The PDF is made first, as a browser prints (no chart resized for print beforehand).
 */
async function printWhenOffered(page: Page): Promise<{ pages: number; text: string; overlaps: string[] }> {
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeEnabled();
  const pdf = await readPdf(await page.pdf({ format: 'A4', printBackground: true }));
  const boxes = await printBoxes(page);
  for (const a of boxes.agp) expect(intersect(a, boxes.risk), 'the AGP overlaps the risk table in print').toBe(false);
  return pdf;
}

for (const [device, viewport] of [
  ['a desktop', { width: 1280, height: 800 }],
  ['a phone', { width: 390, height: 844 }],
] as const) {
  test(`the visit summary prints from ${device} to one A4 page, complete, with nothing overlapping`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const { hba1c } = await openSummaryWithPlan(page);
    const { pages, text, overlaps } = await printWhenOffered(page);
    expect(pages).toBe(1);
    expect(overlaps, 'text printed under the AGP chart').toEqual([]);
    // Printed at once, every section is there: no placeholder, no "still computing".
    expect(text).not.toContain('…');
    expect(text).not.toMatch(/still computing/i);
    const q = page.locator('[data-testid="summary-risk"] tr[data-score="qdiabetes2018 C"] td').first();
    await expect(q).toHaveText(/^\d+([.,]\d)? %$/);
    const qValue = (await q.textContent())!;
    await expect(page.getByTestId('summary-plans').locator('tbody tr')).toHaveCount(2);
    await expect(page.getByTestId('summary-plans')).not.toContainText('…');
    await expect(page.getByTestId('agp').locator('canvas')).toBeVisible();
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
    await expectNoSeriousA11yViolations(page, `visit summary on ${device}`);
  });
}
