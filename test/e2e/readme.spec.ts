import { readFileSync } from 'node:fs';
import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { WhatIfPage } from './pages/whatif-page.ts';

/**
 * The README quotes what the demo's what-if says for its first plan (−5 kg held, +150 min/week of
 * activity), between `<!-- demo-sentence -->` markers. The demo person is seeded and always 52, so
 * the sentence is the same on any day; when the twin changes, this fails until the README follows.
 */
function readmeSentence(): string {
  const readme = readFileSync('README.md', 'utf8');
  const m = /<!-- demo-sentence -->\s*([\s\S]*?)\s*<!-- \/demo-sentence -->/.exec(readme);
  if (!m) throw new Error('README.md has no <!-- demo-sentence --> … <!-- /demo-sentence --> block');
  // The quote as Markdown: a blockquote of one paragraph, wrapped over lines.
  return m[1]!
    .split('\n')
    .map((l) => l.replace(/^>\s?/, '').trim())
    .join(' ')
    .trim();
}

test("the README's example sentence is what the demo's what-if says", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  const whatIf = await WhatIfPage.opened(page);
  await expect(whatIf.weightOutput).toHaveText('−5 kg');
  const said = (await whatIf.sentences.locator('p').first().textContent())!.replace(/\s+/g, ' ').trim();
  expect(readmeSentence(), `the demo says: ${said}`).toBe(said);
});
