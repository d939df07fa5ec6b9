import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';

/** A Takeout-like zip: `n` small Fitbit step files, one a day, one reading each (about 1 MB for 3,000). */
function takeout(n: number): Uint8Array {
  const files: Zippable = {};
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2017, 0, 1) + i * 86_400_000);
    const [y, m, d] = day.toISOString().slice(0, 10).split('-');
    const readings = [{ dateTime: `${m}/${d}/${y!.slice(2)} 08:00:00`, value: String(100 + (i % 900)) }];
    files[`Takeout/Fitbit/Global Export Data/steps-${y}-${m}-${d}.json`] = strToU8(JSON.stringify(readings).padEnd(200));
  }
  return zipSync(files, { level: 0 });
}

test('a Takeout zip of 3,000 small files imports through the file picker (it overflowed the stack in the app)', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'doppel-zip-'));
  const zip = takeout(3000);
  expect(zip.length).toBeGreaterThan(900_000);
  writeFileSync(join(dir, 'takeout.zip'), zip);
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.choose([join(dir, 'takeout.zip')]);
  await expect(imp.results).toHaveCount(1);
  await expect(imp.results).toContainText(/3,?000 added/);
  await expect(imp.failures).toHaveCount(0);
});

test('an encrypted zip entry says which entry and what to do, and stores nothing', async ({ page }) => {
  const z = zipSync({ 'export.csv': strToU8('time,metric,value,unit\n2024-05-01T07:30:00Z,body_weight,82.4,kg\n') });
  // WinZip AES: flag bit 0 and compression method 99 in the local header (fflate reads only that one).
  z[6] = 1;
  z[8] = 99;
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.input.setInputFiles({ name: 'export.zip', mimeType: 'application/zip', buffer: Buffer.from(z) });
  await expect(imp.failures).toHaveText([
    'export.zipNot imported: A file in the zip is encrypted: export it again without a password. (at export.csv)',
  ]);
  await expect(page.getByText('No imports yet.')).toBeVisible();
});
