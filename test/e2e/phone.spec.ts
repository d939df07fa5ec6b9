import type { Page } from '@playwright/test';
import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';

/** How a screen opened from the navigation feels on a phone: where it starts, what the tab says, where a card leads. */

const nav = (page: Page, name: string): Promise<void> => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

/** The top of an element relative to the visible area under the app's sticky top bar: 0 … its height. */
async function placeInView(page: Page, selector: string): Promise<{ top: number; room: number }> {
  return page.evaluate((sel) => {
    const bar = document.querySelector('.topbar')!.getBoundingClientRect().bottom;
    const nav = document.querySelector('.topbar nav')!.getBoundingClientRect();
    // On a phone the navigation is a bar along the bottom edge.
    const bottom = nav.top > window.innerHeight / 2 ? nav.top : window.innerHeight;
    return { top: document.querySelector(sel)!.getBoundingClientRect().top - bar, room: bottom - bar };
  }, selector);
}

test.use({ viewport: { width: 360, height: 740 } });

test('on a phone each screen names itself in the browser tab and opens at its top, with focus on it', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await expect(page).toHaveTitle('Doppel: your private health twin');
  await app.startDemo();
  await expect(page).toHaveTitle('Your twin · Doppel');
  for (const [link, title, ready] of [
    ['What if', 'What if · Doppel', 'section.outcomes[aria-busy="false"]'],
    ['Timeline', 'Timeline · Doppel', 'button.card.pick'],
    ['Risk', 'Risk scores · Doppel', 'article.score'],
    ['Import', 'Import · Doppel', 'main h1'],
    ['Settings', 'Settings · Doppel', 'main h1'],
    ['Twin', 'Your twin · Doppel', 'article.metric'],
  ] as const) {
    // Scrolled well down the screen before leaving it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await nav(page, link);
    await expect(page).toHaveTitle(title);
    await expect(page.locator(ready).first()).toBeVisible();
    expect(await page.evaluate(() => window.scrollY), `${link} opens at its top`).toBe(0);
    await expect(page.locator('main#main')).toBeFocused();
  }
  await page.goto('/#/summary');
  await expect(page).toHaveTitle('Visit summary · Doppel');
});

test('a measurement card on the twin opens that measurement over time, with its chart in view', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  await app.expectDemoTwin();
  const hba1c = page.locator('article.metric[data-metric="hba1c"]');
  // The whole card is the link, named by what it shows.
  await hba1c.getByRole('link', { name: 'HbA1c' }).scrollIntoViewIfNeeded();
  await hba1c.click({ position: { x: 20, y: 60 } });
  await expect(page).toHaveURL(/#\/timeline\?metric=hba1c$/);
  await expect(page.locator('button.card.pick[data-metric="hba1c"]')).toHaveAttribute('aria-pressed', 'true');
  const chart = page.locator('#mt-title');
  await expect(chart).toHaveText('HbA1c');
  await expect(chart).toBeFocused();
  const shown = await placeInView(page, '#mt-title');
  expect(shown.top, 'the chart heading is just under the top bar').toBeGreaterThanOrEqual(0);
  expect(shown.top).toBeLessThan(shown.room / 3);
  await expect(page.locator('section.metric-timeline canvas')).toBeVisible();

  // On the timeline, a card far above the chart brings its chart into view too.
  await page.evaluate(() => window.scrollTo(0, 0));
  const weight = page.locator('button.card.pick[data-metric="body_weight"]');
  await weight.click();
  await expect(chart).toHaveText('Weight');
  const again = await placeInView(page, '#mt-title');
  expect(again.top).toBeGreaterThanOrEqual(0);
  expect(again.top).toBeLessThan(again.room / 3);
  await expect(page.locator('section.metric-timeline canvas')).toBeVisible();
});
