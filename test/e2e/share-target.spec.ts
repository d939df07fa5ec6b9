import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';

test('a file shared into the app (Web Share Target) lands in the on-device inbox', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.waitForServiceWorker();
  // What the OS share sheet does: a multipart POST of the files to the manifest's share_target action.
  await page.evaluate(() => {
    const form = Object.assign(document.createElement('form'), { method: 'post', action: '/share-target', enctype: 'multipart/form-data' });
    const input = Object.assign(document.createElement('input'), { type: 'file', name: 'files', multiple: true });
    const dt = new DataTransfer();
    dt.items.add(new File(['<HealthData locale="en_US"></HealthData>'], 'export <b>1</b>.xml', { type: 'text/xml' }));
    input.files = dt.files;
    form.append(input);
    document.body.append(form);
    form.submit();
  });
  await expect(page.getByRole('heading', { name: 'Received files' })).toBeVisible();
  const item = page.locator('ul.inbox li');
  await expect(item).toHaveCount(1);
  // HTML in a file name is shown as text, never parsed.
  await expect(item.locator('.name')).toHaveText('export <b>1</b>.xml');
  await expect(item.locator('b')).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('?shared=1');
  // The service worker kept the file in this device's Cache Storage.
  const stored = await page.evaluate(async () => {
    const cache = await caches.open('doppel-inbox-v1');
    const [req] = await cache.keys();
    return req ? await (await cache.match(req))!.text() : null;
  });
  expect(stored).toBe('<HealthData locale="en_US"></HealthData>');

  await item.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByText('No files waiting.')).toBeVisible();
});

test('a shared export imports from the inbox', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.waitForServiceWorker();
  const csv = 'time,metric,value,unit\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg\n';
  await page.evaluate((text) => {
    const form = Object.assign(document.createElement('form'), { method: 'post', action: '/share-target', enctype: 'multipart/form-data' });
    const input = Object.assign(document.createElement('input'), { type: 'file', name: 'files' });
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'weights.csv', { type: 'text/csv' }));
    input.files = dt.files;
    form.append(input);
    document.body.append(form);
    form.submit();
  }, csv);
  await page.locator('ul.inbox li').getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'weights.csv: 1 added' })).toBeVisible();
  await expect(page.getByText('No files waiting.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
  await expect(page.locator('article.metric[data-metric="body_weight"] .num')).toHaveText('82.4');
});

/** A form on another site's page that posts a file to Doppel's share target, unasked (request forgery). */
test('a share posted by another web site is refused and nothing lands in the inbox', async ({ browser, baseURL }) => {
  // Its own context: the privacy guard of the other tests would (rightly) count the other site.
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.goto();
  await app.waitForServiceWorker();
  await context.route('http://other-site.test/**', (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Other site</title>' }),
  );
  const evil = await context.newPage();
  await evil.goto('http://other-site.test/');
  await evil.evaluate((action) => {
    const form = Object.assign(document.createElement('form'), { method: 'post', action, enctype: 'multipart/form-data' });
    const input = Object.assign(document.createElement('input'), { type: 'file', name: 'files' });
    const dt = new DataTransfer();
    dt.items.add(new File(['time,metric,value,unit\n2024-05-01T07:30:00Z,body_weight,50,kg\n'], 'lab results.csv', { type: 'text/csv' }));
    input.files = dt.files;
    form.append(input);
    document.body.append(form);
    form.submit();
  }, `${baseURL}/share-target`);
  await expect(evil.getByRole('alert')).toContainText('A web page tried to send files into Doppel. They were refused');
  await expect(evil.getByText('No files waiting.')).toBeVisible();
  expect(await page.evaluate(async () => (await (await caches.open('doppel-inbox-v1')).keys()).length)).toBe(0);
  await context.close();
});

test('a share larger than the inbox keeps is refused', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.waitForServiceWorker();
  await page.evaluate(() => {
    const form = Object.assign(document.createElement('form'), { method: 'post', action: '/share-target', enctype: 'multipart/form-data' });
    const input = Object.assign(document.createElement('input'), { type: 'file', name: 'files' });
    // 513 MiB from one 1 MiB buffer repeated (MAX_SHARE_BYTES is 512 MiB).
    const mib = new Uint8Array(2 ** 20);
    const dt = new DataTransfer();
    dt.items.add(
      new File(
        Array.from({ length: 513 }, () => mib),
        'huge.zip',
        { type: 'application/zip' },
      ),
    );
    input.files = dt.files;
    form.append(input);
    document.body.append(form);
    form.submit();
  });
  await expect(page.getByRole('alert')).toContainText('The shared files were refused');
  await expect(page.getByText('No files waiting.')).toBeVisible();
  expect(await page.evaluate(async () => (await (await caches.open('doppel-inbox-v1')).keys()).length)).toBe(0);
});
