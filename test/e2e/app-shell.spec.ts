import { test, expect, guardContext } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';

test.describe('app shell', () => {
  test('first load shows the privacy promise and the demo offer, with no errors or CSP violations', async ({ page }) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    // Listen before any script of the app runs, so a violation during start-up is caught.
    await page.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const app = new AppPage(page);
    await app.goto();
    await expect(page).toHaveTitle('Doppel: your private health twin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your health twin, on your device only');
    await expect(page.getByRole('list', { name: 'Privacy promise' })).toContainText('Nothing is uploaded');
    await expect(app.tryDemo).toBeEnabled();
    await expect(page.getByText('Doppel is not a medical device.')).toBeVisible();
    await app.waitForServiceWorker();
    // The demo twin with its charts exercises workers, IndexedDB, lazy chunks and canvas.
    await app.startDemo();
    await app.expectDemoTwin();
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('the manifest makes the app installable and declares file handlers and a share target', async ({ page, request }) => {
    await new AppPage(page).goto();
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const res = await request.get(href!);
    expect(res.ok()).toBe(true);
    const m = await res.json();
    expect(m).toMatchObject({
      name: 'Doppel: your private health twin',
      short_name: 'Doppel',
      display: 'standalone',
      start_url: '/',
      theme_color: '#0f766e',
    });
    expect(m.description.length).toBeGreaterThan(20);
    const icons = m.icons as { src: string; sizes: string; purpose: string }[];
    for (const [sizes, purpose] of [
      ['192x192', 'any'],
      ['512x512', 'any'],
      ['512x512', 'maskable'],
    ]) {
      const icon = icons.find((i) => i.sizes === sizes && i.purpose === purpose);
      expect(icon, `${sizes} ${purpose} icon`).toBeTruthy();
      const png = await request.get(`/${icon!.src}`);
      expect(png.headers()['content-type']).toBe('image/png');
      const body = await png.body();
      const [w, h] = [body.readUInt32BE(16), body.readUInt32BE(20)];
      expect(`${w}x${h}`).toBe(sizes);
    }
    expect(m.file_handlers[0].accept['application/zip']).toEqual(['.zip']);
    expect(m.share_target).toMatchObject({ action: '/share-target', method: 'POST', enctype: 'multipart/form-data' });
    expect(m.share_target.params.files[0].name).toBe('files');
  });

  test('Chromium reports the app as installable', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.waitForServiceWorker();
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are off-the-record, which Chromium reports as "in-incognito": a property of
    // the test browser, not of the app. Every other installability check must pass.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
  });

  test("a Content-Security-Policy allows only the app's own origin", async ({ page, request }) => {
    await new AppPage(page).goto();
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("default-src 'self'");
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(meta).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    const header = (await request.get('/')).headers()['content-security-policy'];
    expect(header).toContain(meta!);
    expect(header).toContain("frame-ancestors 'none'");
  });

  test('robots.txt is served as text, not as the app', async ({ request }) => {
    const res = await request.get('/robots.txt');
    expect(res.headers()['content-type']).toContain('text/plain');
    expect(await res.text()).toContain('User-agent: *');
  });

  test('the CSP stops a request to another host before it leaves the browser', async ({ page, privacy }) => {
    await new AppPage(page).goto();
    const result = await page.evaluate(async () => {
      const violated = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
      );
      const outcome = await fetch('https://example.com/beacon').then(
        () => 'sent',
        () => 'blocked',
      );
      return { outcome, violated: await violated };
    });
    expect(result).toEqual({ outcome: 'blocked', violated: 'connect-src' });
    expect(privacy.foreign).toEqual([]);
  });

  test('the privacy guard itself catches a request that got past the CSP', async ({ browser, baseURL }) => {
    // A context that ignores the CSP, so that only the guard stands between the page and the network.
    const context = await browser.newContext({ bypassCSP: true, baseURL: baseURL! });
    try {
      const guard = await guardContext(context, new URL(baseURL!).origin);
      const page = await context.newPage();
      await new AppPage(page).goto();
      const outcome = await page.evaluate(() =>
        fetch('https://example.com/beacon').then(
          () => 'sent',
          () => 'blocked',
        ),
      );
      expect(outcome).toBe('blocked');
      expect(guard.foreign).toEqual(['https://example.com/beacon']);
    } finally {
      await context.close();
    }
  });
});
