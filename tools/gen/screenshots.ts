/**
 * `npm run screenshots`: every screen of the built app (run `npm run build` first) with the demo
 * person, at a phone's 390×844 (the screen as the phone shows it; the what-if charts a second time,
 * scrolled) and a laptop's 1280×800 (the whole page at that width), in light and dark
 * mode, and the phone once more with its text size at 200 % (`*-phone-text200.png`), into
 * docs/screenshots/. Served from dist/ on 127.0.0.1; any request elsewhere is refused.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Page } from '@playwright/test';
import { findChromium } from '../test/chromium.mjs';
import { serveDir } from '../../test/e2e/support/static-server.ts';
import { sampleExport } from './health-connect.ts';

const OUT = 'docs/screenshots';
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
  process.exit(2);
}

const SCREENS: [name: string, open: (p: Page) => Promise<void>][] = [
  [
    'twin',
    async (p) => {
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
      await p.locator('figure canvas').first().waitFor();
      await p.getByTestId('headline-value').waitFor({ timeout: 60_000 });
    },
  ],
  [
    'whatif',
    async (p) => {
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'What if' }).click();
      await p.locator('figure[data-chart] canvas').nth(3).waitFor({ timeout: 30_000 });
      await p.locator('section.outcomes[aria-busy="false"]').waitFor({ timeout: 30_000 });
    },
  ],
  [
    'timeline',
    async (p) => {
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
      await p.getByTestId('agp').locator('canvas').waitFor({ timeout: 30_000 });
      await p.getByTestId('gf-about').waitFor({ timeout: 60_000 });
    },
  ],
  [
    'risk',
    async (p) => {
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk' }).click();
      await p.locator('article.score').first().waitFor();
    },
  ],
  [
    'summary',
    async (p) => {
      await p.goto(`${p.url().split('#')[0]}#/summary`);
      // The page offers printing once every part has been computed (the AGP chart drawn included).
      await p.locator('article.summary[data-ready="true"]').waitFor({ timeout: 60_000 });
      await p.emulateMedia({ media: 'print' });
    },
  ],
  [
    'share',
    async (p) => {
      await p.emulateMedia({ media: 'screen' });
      await p.goto(`${p.url().split('#')[0]}#/share`);
      await p.getByRole('heading', { name: 'Share with a clinician' }).waitFor();
    },
  ],
  [
    'import',
    async (p) => {
      await p.emulateMedia({ media: 'screen' });
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
      await p.getByRole('heading', { name: 'Import your data' }).waitFor();
      await p
        .locator('input[type="file"]:not([webkitdirectory])')
        .setInputFiles('test/fixtures/real/apple-health/ahcd-go_export_v11_bp-correlation.xml');
      await p.getByTestId('import-result').waitFor();
    },
  ],
  [
    'import-health-connect',
    async (p) => {
      // From another screen, so that the Import page starts without the earlier import's report.
      await p.goto(`${p.url().split('#')[0]}#/profile`);
      await p.getByRole('heading', { name: 'Your profile' }).waitFor();
      await p.goto(`${p.url().split('#')[0]}#/import`);
      await p.getByRole('heading', { name: 'Import your data' }).waitFor();
      const zip = Buffer.from(await sampleExport());
      await p
        .locator('input[type="file"]:not([webkitdirectory])')
        .setInputFiles({ name: 'health_connect_export.zip', mimeType: 'application/zip', buffer: zip });
      await p.getByTestId('import-result').getByText('Android Health Connect export').waitFor({ timeout: 60_000 });
    },
  ],
  [
    'import-ccda',
    async (p) => {
      // From another screen, so that the Import page starts without the earlier import's report.
      await p.goto(`${p.url().split('#')[0]}#/profile`);
      await p.getByRole('heading', { name: 'Your profile' }).waitFor();
      await p.goto(`${p.url().split('#')[0]}#/import`);
      await p.getByRole('heading', { name: 'Import your data' }).waitFor();
      await p.locator('input[type="file"]:not([webkitdirectory])').setInputFiles('test/fixtures/synthetic/ccda/portal-xdm.zip');
      await p.getByTestId('import-result').getByText('Patient portal record (C-CDA)').waitFor({ timeout: 60_000 });
    },
  ],
  [
    'entry',
    async (p) => {
      await p.emulateMedia({ media: 'screen' });
      await p.goto(`${p.url().split('#')[0]}#/entry?kind=bloodPressure`);
      await p.getByRole('heading', { name: 'Add a measurement' }).waitFor();
      await p.getByLabel('Upper number (systolic)').fill('131');
      await p.getByLabel('Lower number (diastolic)').fill('83');
      await p.getByRole('button', { name: 'Save' }).click();
      await p.getByTestId('entry-saved').waitFor();
      await p.getByLabel('Upper number (systolic)').fill('31');
      await p.getByRole('button', { name: 'Save' }).click();
      await p.getByTestId('entry-systolic-error').waitFor();
    },
  ],
  [
    'profile',
    async (p) => {
      await p.goto(`${p.url().split('#')[0]}#/profile`);
      await p.getByRole('heading', { name: 'Your profile' }).waitFor();
    },
  ],
  [
    'settings',
    async (p) => {
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await p.getByTestId('workers').getByText('import, twin, ml').waitFor();
    },
  ],
];

await mkdir(OUT, { recursive: true });
const server = await serveDir('dist');
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const KINDS = [
    ['phone', 'light', 1],
    ['phone', 'dark', 1],
    ['desktop', 'light', 1],
    ['desktop', 'dark', 1],
    ['phone', 'light', 2],
  ] as const;
  for (const [size, scheme, text] of KINDS) {
    const viewport = VIEWPORTS[size];
    const kind = `${size}${scheme === 'dark' ? '-dark' : ''}${text === 1 ? '' : `-text${text * 100}`}`;
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: scheme, serviceWorkers: 'block' });
    // A phone's text-size setting (as test/e2e/a11y.spec.ts sets it: through the CSSOM, once <html> exists).
    if (text !== 1)
      // (A string, not a function: tsx would wrap the function's inner functions in a helper the page lacks.)
      await context.addInitScript(
        `(() => { const set = () => { document.documentElement?.style.setProperty('font-size', '${text * 100}%', 'important'); return document.documentElement !== null; };` +
          ` if (set()) return; const watch = new MutationObserver(() => { if (set()) watch.disconnect(); }); watch.observe(document, { childList: true }); })();`,
      );
    await context.route(
      (url) => !url.href.startsWith(server.url),
      (r) => r.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Try the demo' }).waitFor();
    await page.screenshot({ path: `${OUT}/welcome-${kind}.png`, fullPage: size === 'desktop' });
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByRole('complementary', { name: 'Demo' }).waitFor({ timeout: 30_000 });
    for (const [name, open] of SCREENS) {
      await open(page);
      await page.waitForTimeout(300);
      await page.evaluate(() => window.scrollTo(0, 0));
      // A new format's import: its report in view on the phone.
      if (name.startsWith('import-') && size === 'phone')
        await page.evaluate(() => {
          document.querySelector('[data-testid="import-result"]')!.scrollIntoView({ block: 'start' });
          window.scrollBy(0, -70);
        });
      await page.screenshot({ path: `${OUT}/${name}-${kind}.png`, fullPage: size === 'desktop' });
      console.log(`${OUT}/${name}-${kind}.png`);
      if (name === 'timeline') {
        // On-device learning: the personal baselines and the glucose forecast with its evaluation
        // (the fixed top bar hidden: a card taller than the screen is captured while scrolling).
        // (CSSOM, not a style tag: the app's CSP refuses inline styles.)
        const topbar = (visibility: string) =>
          page.evaluate((v) => {
            document.querySelector<HTMLElement>('header.topbar')!.style.visibility = v;
          }, visibility);
        await topbar('hidden');
        await page.getByTestId('baselines').screenshot({ path: `${OUT}/baselines-${kind}.png` });
        await page.getByTestId('gf-evaluation').locator('summary').click();
        await page.getByTestId('glucose-forecast').screenshot({ path: `${OUT}/forecast-${kind}.png` });
        await page.getByTestId('gf-evaluation').locator('summary').click();
        await topbar('');
      }
      if (name === 'whatif' && size === 'phone') {
        await page.evaluate(() => {
          document.querySelector('[data-testid="sentences"]')!.scrollIntoView({ block: 'start' });
          window.scrollBy(0, -70);
        });
        await page.screenshot({ path: `${OUT}/whatif-charts-${kind}.png` });
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
