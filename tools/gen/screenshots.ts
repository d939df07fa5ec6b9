/**
 * Screenshots for the README and docs: `npx tsx tools/gen/screenshots.ts` after `npx vite build`.
 * Serves dist/ on 127.0.0.1 and captures each screen at phone (390×844) and desktop (1280×800) size.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { findChromium } from '../test/chromium.mjs';

const server = await preview({ preview: { host: '127.0.0.1', port: 4180, strictPort: true }, logLevel: 'error' });
const base = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--headless', '--no-sandbox', '--disable-gpu'] });
mkdirSync('docs/screenshots', { recursive: true });
const sizes = [['phone', 390, 844], ['desktop', 1280, 800]] as const;
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [label, width, height] of sizes) {
      const ctx = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, colorScheme: scheme });
      const page: Page = await ctx.newPage();
      const shot = async (name: string): Promise<void> => {
        await page.screenshot({ path: `docs/screenshots/${name}-${label}${scheme === 'dark' ? '-dark' : ''}.png` });
      };
      await page.goto(base);
      await page.getByRole('button', { name: 'Try the demo' }).waitFor();
      await shot('welcome');
      await page.getByRole('button', { name: 'Try the demo' }).click();
      await page.locator('figure canvas').nth(2).waitFor();
      await page.waitForTimeout(500);
      await shot('twin');
      await page.goto(`${base}#/import`);
      await page.getByRole('heading', { name: 'Import your data' }).waitFor();
      await page.locator('input[type="file"]:not([webkitdirectory])').setInputFiles('test/fixtures/real/apple-health/ahcd-go_export_v11_bp-correlation.xml');
      await page.getByTestId('import-result').waitFor();
      await shot('import');
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
console.log('screenshots written to docs/screenshots');
