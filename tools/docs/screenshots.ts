/**
 * `npm run screenshots`: every screen of the built app (run `npm run build` first) with the demo
 * person, at a phone's 390×844 and a laptop's 1280×800, in light mode, into docs/screenshots/.
 * Served from dist/ on 127.0.0.1; any request elsewhere is refused.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Page } from '@playwright/test';
import { findChromium } from '../test/chromium.mjs';
import { serveDir } from '../../test/e2e/support/static-server.ts';

const OUT = 'docs/screenshots';
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
  process.exit(2);
}

const SCREENS: [name: string, open: (p: Page) => Promise<void>][] = [
  ['twin', async (p) => {
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
    await p.locator('figure canvas').first().waitFor();
  }],
  ['whatif', async (p) => {
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'What if' }).click();
    await p.locator('figure[data-chart] canvas').nth(3).waitFor({ timeout: 30_000 });
    await p.locator('section.outcomes[aria-busy="false"]').waitFor({ timeout: 30_000 });
  }],
  ['timeline', async (p) => {
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
    await p.getByTestId('agp').locator('canvas').waitFor({ timeout: 30_000 });
  }],
  ['risk', async (p) => {
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk' }).click();
    await p.locator('article.score').first().waitFor();
  }],
  ['import', async (p) => {
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await p.getByRole('heading', { name: 'Import your data' }).waitFor();
  }],
  ['settings', async (p) => {
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await p.getByTestId('workers').getByText('import, twin, ml').waitFor();
  }],
];

await mkdir(OUT, { recursive: true });
const server = await serveDir('dist');
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const [kind, viewport] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: kind === 'phone' ? 2 : 1, colorScheme: 'light', serviceWorkers: 'block' });
    await context.route((url) => !url.href.startsWith(server.url), (r) => r.abort('blockedbyclient'));
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Try the demo' }).waitFor();
    await page.screenshot({ path: `${OUT}/welcome-${kind}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByRole('complementary', { name: 'Demo' }).waitFor({ timeout: 30_000 });
    for (const [name, open] of SCREENS) {
      await open(page);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/${name}-${kind}.png`, fullPage: true });
      console.log(`${OUT}/${name}-${kind}.png`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
