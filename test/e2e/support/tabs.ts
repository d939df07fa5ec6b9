import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { AppPage } from '../pages/app-page.ts';

/** An Apple Health export of `n` minute heart rates: more than 400,000 are staged (a long import). */
export function bigExport(n: number): string {
  const rec = (i: number): string => {
    const t = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString().replace('T', ' ').slice(0, 19);
    return `<Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" unit="count/min" startDate="${t} +0000" endDate="${t} +0000" value="${60 + (i % 40)}"/>\n`;
  };
  const path = join(mkdtempSync(join(tmpdir(), 'doppel-tabs-')), 'export.xml');
  writeFileSync(
    path,
    `<?xml version="1.0"?>\n<HealthData locale="en_US">\n${Array.from({ length: n }, (_, i) => rec(i)).join('')}</HealthData>\n`,
  );
  return path;
}

/** A patient (a separate browser context) shares the demo twin as "Alex B."; returns the file and its code. */
export async function demoShare(browser: Browser, baseURL: string): Promise<{ file: string; code: string }> {
  const ctx = await browser.newContext({ baseURL });
  const page = await ctx.newPage();
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  await page.getByRole('link', { name: 'Share with a clinician' }).click();
  await page.getByLabel('Your name as the clinician should see it').fill('Alex B.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Make the share file' }).click()]);
  const code = (await page.getByTestId('share-code').textContent())!;
  const file = join(mkdtempSync(join(tmpdir(), 'doppel-share-')), 'alex.doppel');
  await download.saveAs(file);
  await ctx.close();
  return { file, code };
}

/** Opens a share file on the open screen (the code asked for), up to the "Open" button. */
export async function chooseShare(page: Page, share: { file: string; code: string }): Promise<void> {
  await page.goto('/#/open');
  await page.locator('input[type="file"]').setInputFiles(share.file);
  await page.getByLabel('Share code').fill(share.code);
}

/** Counts rows of a store of a database, without creating the database when it does not exist. */
export function countRows(page: Page, db: string, store: string): Promise<number> {
  return page.evaluate(
    ([name, s]) =>
      new Promise<number>((resolve, reject) => {
        void indexedDB.databases().then((all) => {
          if (!all.some((d) => d.name === name)) return resolve(0);
          const req = indexedDB.open(name!);
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const d = req.result;
            if (!d.objectStoreNames.contains(s!)) {
              d.close();
              return resolve(0);
            }
            const c = d.transaction(s!, 'readonly').objectStore(s!).count();
            c.onsuccess = () => {
              d.close();
              resolve(c.result);
            };
          };
        });
      }),
    [db, store],
  );
}

export async function expectSettled(page: Page): Promise<void> {
  await expect(page.locator('main#main')).toHaveAttribute('data-pending-work', '0');
}
