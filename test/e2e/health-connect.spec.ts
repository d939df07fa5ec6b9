import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { sampleExport } from '../../tools/gen/health-connect.ts';

test('an Android Health Connect export imports offline: sql.js and its WebAssembly come from the precache', async ({ page, context }) => {
  // The generated sample (tools/gen/health-connect.ts): 23 readings, 4 apps, a table and 2 sleep stages not read.
  const zip = Buffer.from(await sampleExport());
  // When and where the worker's sql.js chunk and WebAssembly were fetched.
  const sqlite: [url: string, fromServiceWorker: boolean][] = [];
  let phase = 'load';
  context.on('response', (r) => {
    // The service worker's own fetches fill the precache at install: not a load by the app.
    if (r.request().serviceWorker()) return;
    if (/sql-wasm/.test(r.url())) sqlite.push([`${phase} ${r.url().replace(/^.*\//, '')}`, r.fromServiceWorker()]);
  });
  const app = new AppPage(page);
  await app.goto('/#/import');
  await app.waitForServiceWorker();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Import your data' })).toBeVisible();
  // Nothing of SQLite is loaded with the app: only the Health Connect file brings it.
  expect(sqlite).toEqual([]);
  phase = 'import';
  const imp = new ImportPage(page);
  await imp.input.setInputFiles({ name: 'health_connect_export.zip', mimeType: 'application/zip', buffer: zip });
  await expect(imp.results).toHaveCount(1);
  await expect(imp.failures).toHaveCount(0);
  await expect(imp.results).toContainText('Android Health Connect export: 23 added · 0 already there · 0 rejected');
  await expect(imp.results).toContainText('Not stored as measurements (4)');
  const arrived = await imp.arrivals();
  expect(Object.fromEntries(Object.entries(arrived).map(([m, a]) => [m, a.count]))).toMatchObject({
    heart_rate: 3,
    steps: 3,
    sleep: 4,
    body_weight: 1,
    hrv_rmssd: 1,
    spo2: 1,
    respiratory_rate: 1,
    hba1c: 1,
  });
  const stored = await imp.stored();
  expect(stored.imports).toEqual({ committed: 1 });
  expect(stored.samples.heart_rate).toBe(3);
  // The app named in HTML is shown as text, never as markup.
  await expect(page.getByText('<img src=x onerror=alert(1)>').first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // Both files were fetched only now, offline, and the service worker's precache answered.
  expect(sqlite.map(([name]) => name.replace(/-[\w-]{8}\.(js|wasm)$/, '.$1')).sort()).toEqual([
    'import sql-wasm-browser.js',
    'import sql-wasm-browser.wasm',
  ]);
  expect(sqlite.every(([, sw]) => sw)).toBe(true);
});
