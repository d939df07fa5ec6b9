import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';

const AHCD = 'test/fixtures/real/apple-health/ahcd-go_export_v11_bp-correlation.xml';

test('a real Apple Health export imports through the file picker, shows on the twin, and undoes', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await page.getByRole('link', { name: 'Import your data' }).click();
  const imp = new ImportPage(page);
  await imp.choose([AHCD]);
  await expect(imp.results).toHaveCount(1);
  await expect(imp.results).toContainText('11 added');
  await expect(imp.results).toContainText('format apple-health-xml');
  await expect(imp.history.getByText('ahcd-go_export_v11_bp-correlation.xml')).toBeVisible();

  // The same file again adds nothing.
  await imp.choose([AHCD]);
  await expect(imp.results).toContainText('0 added · 11 already there');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
  // The export's Me element gives a birth date (2020-09-13 in this anonymized file), so an age shows.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Your twin, \d+$/);
  await expect(page.locator('article.region[data-region="cardiovascular"]')).toContainText('Blood pressure 125/74 mmHg');
  await expect(page.locator('article.metric[data-metric="systolic_bp"] .num')).toHaveText('125');

  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(imp.history.getByRole('listitem')).toHaveCount(2);
  // One undo at a time: while the first runs, no Undo can be pressed again.
  await imp.history.getByRole('button', { name: 'Undo' }).first().click();
  await expect(imp.history.getByRole('listitem')).toHaveCount(1);
  await imp.history.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('No imports yet.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a file that is not an export gets a clear message and stores nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.chooseBuffer('notes.csv', 'name,age\nann,40\n');
  await expect(imp.failures).toHaveText(['notes.csvNot imported: Doppel does not recognise this kind of file.']);
  await expect(page.getByText('No imports yet.')).toBeVisible();
});

test('a whole folder imports in one go: each export its own import, an unusable file reported', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'doppel-folder-'));
  mkdirSync(join(dir, 'exports'));
  writeFileSync(join(dir, 'exports', 'weights.csv'), 'time,metric,value,unit\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg\n');
  copyFileSync(AHCD, join(dir, 'exports', 'export.xml'));
  writeFileSync(join(dir, 'exports', 'README.txt'), 'my exports');
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.folder.setInputFiles(join(dir, 'exports'));
  await expect(imp.results).toHaveCount(2);
  await expect(imp.failures).toHaveCount(1);
  await expect(imp.failures).toContainText('README.txt');
  await expect(imp.history.locator('li')).toHaveCount(2);
});

test('cancelling a large import keeps nothing of it', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  const rec = (i: number): string => {
    const t = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString().replace('T', ' ').slice(0, 19);
    return `<Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" unit="count/min" startDate="${t} +0000" endDate="${t} +0000" value="${60 + (i % 40)}"/>\n`;
  };
  const body = Array.from({ length: 400_000 }, (_, i) => rec(i)).join('');
  const path = join(mkdtempSync(join(tmpdir(), 'doppel-cancel-')), 'export.xml');
  writeFileSync(path, `<?xml version="1.0"?>\n<HealthData locale="en_US">\n${body}</HealthData>\n`);
  await imp.choose([path]);
  await expect(imp.rate).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(imp.rate).toBeHidden();
  await expect(page.getByRole('alert')).toHaveCount(0); // a cancel is not an error
  await expect(page.getByText('No imports yet.')).toBeVisible();
  const stored = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const req = indexedDB.open('doppel');
        req.onsuccess = () => {
          const tx = req.result.transaction(['sampleChunks', 'staging', 'imports'], 'readonly');
          const counts: number[] = [];
          for (const t of ['sampleChunks', 'staging', 'imports'])
            tx.objectStore(t).count().onsuccess = (e) => counts.push((e.target as IDBRequest<number>).result);
          tx.oncomplete = () => {
            resolve(counts);
            req.result.close();
          };
        };
      }),
  );
  expect(stored).toEqual([0, 0, 0]);
});

test('source priority: the user puts another app above the watch, totals are recomputed in the worker, and reset restores the default', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.choose(['test/fixtures/real/apple-health/dogsheep-healthkit-to-sqlite_export.xml']);
  await expect(imp.results).toHaveCount(1);
  const list = page.locator('ol.source-list li');
  await expect(list.first()).toContainText('Apple Watch');
  await page.getByRole('button', { name: 'Move Health Mate up' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Daily totals were recomputed' })).toBeVisible();
  await expect(list.first()).toContainText('Health Mate');
  await page.getByRole('button', { name: 'Reset to default' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Back to the default order' })).toBeVisible();
  await expect(list.first()).toContainText('Apple Watch');
});
