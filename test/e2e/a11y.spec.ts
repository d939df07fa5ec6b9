import type { Page } from '@playwright/test';
import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';

/** Every screen, with data where it has any, through the main navigation as a person reaches it. */
const SCREENS: [name: string, open: (p: Page) => Promise<void>][] = [
  [
    'twin',
    async (p) => {
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
      await expect(p.locator('article.region')).toHaveCount(5);
    },
  ],
  [
    'what if',
    async (p) => {
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'What if' }).click();
      await expect(p.locator('figure[data-chart] canvas')).toHaveCount(4);
      await expect(p.locator('section.outcomes')).toHaveAttribute('aria-busy', 'false');
    },
  ],
  [
    'timeline',
    async (p) => {
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
      await expect(p.getByTestId('agp').locator('canvas')).toBeVisible();
    },
  ],
  [
    'risk',
    async (p) => {
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk' }).click();
      await expect(p.locator('article.score').first()).toBeVisible();
    },
  ],
  [
    'import',
    async (p) => {
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
      await expect(p.getByRole('heading', { name: 'Import your data' })).toBeVisible();
    },
  ],
  [
    'settings',
    async (p) => {
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await expect(p.getByTestId('workers')).toHaveText('import, twin, ml');
    },
  ],
  [
    'profile',
    async (p) => {
      await p.getByRole('link', { name: 'Your profile' }).click();
      await expect(p.getByRole('heading', { name: 'Your profile' })).toBeVisible();
    },
  ],
  [
    'share',
    async (p) => {
      await p.goto('/#/share');
      await expect(p.getByTestId('share-preview')).toContainText('The file will hold');
    },
  ],
  [
    'open a shared twin',
    async (p) => {
      await p.goto('/#/open');
      await expect(p.getByRole('heading', { name: 'Open a shared twin' })).toBeVisible();
    },
  ],
  [
    'back up and restore',
    async (p) => {
      await p.goto('/#/backup');
      await expect(p.getByRole('heading', { name: 'Back up and restore', level: 1 })).toBeVisible();
      await expect(p.getByTestId('last-backup')).toHaveText('Never backed up');
    },
  ],
  [
    'move to a new device',
    async (p) => {
      await p.goto('/#/backup?move');
      await expect(p.getByRole('heading', { name: 'Move to a new device', level: 1 })).toBeVisible();
      await expect(p.getByTestId('move-there')).toBeVisible();
    },
  ],
  [
    'restore a backup, moving from another device',
    async (p) => {
      await p.goto('/#/backup?restore');
      await expect(p.getByRole('heading', { name: 'Restore a backup', level: 2 })).toBeVisible();
      await expect(p.getByTestId('move-in').locator('ol')).toBeVisible();
    },
  ],
  [
    'visit summary',
    async (p) => {
      await p.goto('/#/summary');
      await expect(p.getByRole('heading', { name: 'Visit summary' })).toBeVisible();
      await expect(p.locator('main [aria-busy="true"]')).toHaveCount(0);
    },
  ],
  [
    'add a measurement',
    async (p) => {
      await p.goto('/#/entry');
      await expect(p.getByRole('heading', { name: 'Add a measurement', level: 1 })).toBeVisible();
    },
  ],
  [
    'inbox',
    async (p) => {
      await p.goto('/#/inbox');
      await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
    },
  ],
];

/**
 * A phone's text-size setting at 200 %: Chrome on Android scales the default font size, which every
 * size in the app is relative to (rem, em), as this does on each document.
 */
function largeText(): void {
  // Through the CSSOM: the app's Content-Security-Policy refuses an injected <style>, as it should.
  // An init script runs before <html> exists: set it the moment it does.
  const set = (): boolean => {
    document.documentElement?.style.setProperty('font-size', '200%', 'important');
    return document.documentElement !== null;
  };
  if (set()) return;
  const watch = new MutationObserver(() => {
    if (set()) watch.disconnect();
  });
  watch.observe(document, { childList: true });
}

for (const [scheme, viewport, text] of [
  ['light', { width: 360, height: 740 }, 1],
  ['light', { width: 360, height: 740 }, 2],
  ['light', { width: 390, height: 844 }, 1],
  ['dark', { width: 1280, height: 800 }, 1],
] as const) {
  const size = text === 1 ? '' : `, text ${text * 100} %`;
  test(`axe-core finds no serious or critical violation and nothing overflows on any screen (${scheme}, ${viewport.width}×${viewport.height}${size})`, async ({
    page,
  }) => {
    if (text !== 1) await page.addInitScript(largeText);
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme });
    const app = new AppPage(page);
    await app.goto();
    await expectNoSeriousA11yViolations(page, `welcome (${scheme})`);
    await app.startDemo();
    for (const [name, open] of SCREENS) {
      await open(page);
      await expectNoSeriousA11yViolations(page, `${name} (${scheme})`);
      // Phone first: nothing wider than the screen (no sideways scrolling).
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${viewport.width} px${size}`).toBeLessThanOrEqual(
        viewport.width,
      );
      if (text !== 1) expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(`${16 * text}px`);
    }
  });
}
