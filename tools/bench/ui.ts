/**
 * `npm run bench:ui [-- --big FILE]`: the app's budgets (issue 6) against the built app (`npm run
 * build` first) served by `vite preview` on 127.0.0.1, in Debian's Chromium:
 * - initial JS: the gzip size of every script the first screen loads (gzip -6, as a server sends it);
 * - what-if: input → worker → fan charts redrawn, from the app's own `doppel:whatif-repaint` measures
 *   over 20 slider steps to new values on the demo twin (1000 members, 10 years);
 * - timeline: a fresh load of #/timeline until the cards and the chart are drawn, after importing
 *   FILE (default .bench-out/export-1000mb.xml, from `npm run bench:import`) through the Import page;
 * - Lighthouse 12 (mobile preset, simulated throttling) on the first screen.
 */
import os from 'node:os';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { findChromium } from '../test/chromium.mjs';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const BIG = arg('--big') ?? '.bench-out/export-1000mb.xml';
/** `--only phone` runs the interaction cases alone: the phone (what-if under 4× CPU slowdown, the demo's first appearance) and the desktop what-if. */
const ONLY = arg('--only');
const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
  process.exit(2);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

const server = await preview({ preview: { host: '127.0.0.1', port: 4190, strictPort: true }, logLevel: 'error' });
const base = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const lines: string[] = [];
const out = (s: string): void => {
  lines.push(s);
  console.log(s);
};

/** Opens the what-if explorer, waits for the first forecast, then takes 20 slider steps; their redraw times, ms. */
async function whatIfSteps(page: Page): Promise<number[]> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'What if' }).click();
  const settled = page.locator('section.outcomes[aria-busy="false"]');
  await page.locator('figure[data-chart] canvas').nth(3).waitFor({ timeout: 60_000 });
  await settled.waitFor({ timeout: 60_000 });
  const before = await page.evaluate(() => performance.getEntriesByName('doppel:whatif-repaint').length);
  const slider = page.getByRole('slider', { name: 'Weight change in one year, then kept' });
  await slider.focus();
  for (let i = 0; i < 20; i++) {
    // Every step a new value (−5.5 … −15 kg), as a drag gives: no step can reuse a kept run of its own.
    await slider.press('ArrowLeft');
    await page.waitForFunction((n) => performance.getEntriesByName('doppel:whatif-repaint').length > n, before + i, { timeout: 30_000 });
    await settled.waitFor();
  }
  return page.evaluate(
    (b) =>
      performance
        .getEntriesByName('doppel:whatif-repaint')
        .slice(b)
        .map((e) => e.duration),
    before,
  );
}

async function fresh(viewport = { width: 390, height: 844 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport, serviceWorkers: 'block' });
  return ctx.newPage();
}

try {
  out(`Chromium ${browser.version()}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString()}\n`);

  // Initial JS
  if (ONLY !== 'phone') {
    const page = await fresh();
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(base, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Try the demo' }).waitFor();
    let raw = 0,
      gz = 0;
    for (const p of scripts) {
      const bytes = readFileSync(join('dist', p));
      raw += bytes.length;
      gz += gzipSync(bytes, { level: 6 }).length;
    }
    out(
      `initial JS (first screen, ${scripts.length} scripts: ${scripts.map((s) => s.replace('/assets/', '')).join(', ')}): ${kb(raw)} raw, ${kb(gz)} gzip (budget ≤ 170 KB gzip)`,
    );
    await page.context().close();
  }

  // On a mid-range phone: 390 × 844, Chromium's 4× CPU slowdown (the page and its workers).
  {
    const page = await fresh();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(base);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Try the demo' }).click();
    // Progress is visible at once, and the twin appears.
    await page.getByRole('progressbar').or(page.locator('[aria-busy="true"]')).first().waitFor({ timeout: 2_000 });
    await page.getByRole('complementary', { name: 'Demo' }).waitFor({ timeout: 60_000 });
    const demoS = (Date.now() - t0) / 1000;
    await page.getByTestId('headline-value').waitFor({ timeout: 60_000 });
    const headlineS = (Date.now() - t0) / 1000;
    out(
      `phone (390 × 844, 4× CPU slowdown): demo twin on screen ${demoS.toFixed(2)} s after the tap, its headline risk ${headlineS.toFixed(2)} s (budget: twin < 3 s with visible progress)`,
    );
    const ms = await whatIfSteps(page);
    const computed = await page.getByText(/Computed on this device in/).textContent();
    out(`phone (390 × 844, 4× CPU slowdown): last forecast round trip to the worker: ${computed}`);
    out(
      `phone (390 × 844, 4× CPU slowdown): what-if slider step → result redrawn (${ms.length} steps): median ${median(ms).toFixed(1)} ms, p90 ${pct(ms, 0.9).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms (budget < 100 ms median, < 150 ms p90)`,
    );
    await page.context().close();
  }

  // What-if repaint
  {
    const page = await fresh({ width: 1280, height: 800 });
    await page.goto(base);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByRole('complementary', { name: 'Demo' }).waitFor({ timeout: 60_000 });
    const ms = await whatIfSteps(page);
    out(
      `what-if slider step → fan charts redrawn (${ms.length} steps to new values, 1000 members × 10 y; the 'No change' run is kept): median ${median(ms).toFixed(1)} ms, p90 ${pct(ms, 0.9).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms (budget < 100 ms)`,
    );
    await page.context().close();
  }

  // Timeline after a big import
  if (ONLY === 'phone') {
    /* the phone cases alone */
  } else if (existsSync(BIG)) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.goto(`${base}#/import`);
    const t0 = Date.now();
    await page.locator('input[type="file"]:not([webkitdirectory])').setInputFiles(BIG);
    await page.getByTestId('import-result').waitFor({ timeout: 600_000 });
    const importS = (Date.now() - t0) / 1000;
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto('about:blank');
      await page.goto(`${base}#/timeline`);
      await page.locator('.metric-timeline canvas').waitFor({ timeout: 30_000 });
      await page.locator('button.card.pick').first().waitFor();
      // Two frames: the chart's draw has reached the screen.
      opens.push(
        await page.evaluate(
          () => new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))),
        ),
      );
    }
    const cards = await page.locator('button.card.pick').count();
    // The same history in the what-if explorer (the export has no height: the profile form adds one).
    await page.goto(`${base}#/profile`);
    await page.getByLabel('Height (cm)').fill('168');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 60_000 });
    const bigWhatIf = await whatIfSteps(page);
    out(
      `what-if slider step → fan charts redrawn on the ${(statSync(BIG).size / 1e6).toFixed(0)} MB history (${bigWhatIf.length} steps): median ${median(bigWhatIf).toFixed(1)} ms, p90 ${pct(bigWhatIf, 0.9).toFixed(1)} ms, max ${Math.max(...bigWhatIf).toFixed(1)} ms (budget < 100 ms)`,
    );
    out(
      `timeline after importing ${(statSync(BIG).size / 1e6).toFixed(0)} MB (${importS.toFixed(1)} s): navigation → ${cards} cards and the chart drawn, median of 5 loads ${median(opens).toFixed(0)} ms (min ${Math.min(...opens).toFixed(0)}, max ${Math.max(...opens).toFixed(0)}) (budget < 1000 ms)`,
    );
    await ctx.close();
  } else {
    out(`timeline after a big import: MISSING ${BIG} (run npm run bench:import first, or pass --big FILE)`);
  }
} finally {
  await browser.close();
}

// Lighthouse (mobile preset: emulated phone, simulated slow 4G and 4× CPU slowdown)
try {
  if (ONLY !== 'phone') await lighthouseRuns();
} finally {
  server.httpServer.close();
}

async function lighthouseRuns(): Promise<void> {
  const chrome = await launch({ chromePath: executablePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const scores: Record<string, number[]> = {};
    for (let i = 0; i < 3; i++) {
      const r = await lighthouse(base, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      for (const [k, c] of Object.entries(r!.lhr.categories)) (scores[k] ??= []).push(Math.round(100 * (c.score ?? 0)));
    }
    out(
      `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} mobile, 3 runs: ${Object.entries(
        scores,
      )
        .map(([k, v]) => `${k} ${v.join('/')}`)
        .join(', ')} (budgets: performance ≥ 95, accessibility 100, best practices ≥ 95)`,
    );
  } finally {
    chrome.kill();
  }
}
