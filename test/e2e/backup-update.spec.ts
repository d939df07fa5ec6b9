// An app update does not reload a tab in the middle of a restore: the reload waits until the restore
// has finished, says so meanwhile, and the restored data are there after it (as for imports,
// tabs-update.spec.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/privacy.ts';
import { noShareSheet } from './support/share-sheet.ts';
import { servedBuildCopy } from './support/build-copy.ts';
import { AppPage } from './pages/app-page.ts';
import { BackupPage } from './pages/backup-page.ts';
import { ImportPage } from './pages/import-page.ts';

/** Two years of daily weights: 24 months of measurements, more than the restore stages at once. */
function twoYearsOfWeights(): string {
  const rows = ['time,metric,value,unit'];
  for (let d = 0; d < 730; d++)
    rows.push(`${new Date(Date.UTC(2023, 0, 1, 7) + d * 86_400_000).toISOString()},body_weight,${80 + (d % 9) / 10},kg`);
  const path = join(mkdtempSync(join(tmpdir(), 'doppel-update-')), 'weights.csv');
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

test('an update reload in one tab waits for the restore running in another, which then lands whole', async ({ page, browser }) => {
  // The old device makes the file (on the usual server).
  await page.addInitScript(noShareSheet);
  await new AppPage(page).goto('/#/import');
  const oldImp = new ImportPage(page);
  await oldImp.choose([twoYearsOfWeights()]);
  await expect(oldImp.results).toHaveCount(1);
  const moved = await new BackupPage(page).moveOut();

  // The new device, on a copy of the build that gets a new release while it restores.
  const { dir, context, privacy, close } = await servedBuildCopy(browser);
  try {
    const first = await context.newPage();
    const app = new AppPage(first);
    await app.goto();
    await app.waitForServiceWorker();
    const other = await context.newPage();
    await new AppPage(other).goto('/#/backup?restore');
    await new AppPage(other).waitForServiceWorker();
    const restore = new BackupPage(other);
    // A wrong code first: refused, nothing changed (and the import worker has opened the database).
    await restore.restoreFile(moved.file, { code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
    await expect(restore.refused).toContainText('The code or passphrase is wrong');
    await restore.codeField.fill(moved.code);
    // The restore cannot finish before the test lets go (no race with the clock).
    const staging = await restore.holdStaging();
    await restore.restore.click();
    // Under way: the screen reports it (the worker may be waiting on the held store at any of its
    // first steps; the restore counts as running work from the click, which is what the update waits on).
    await expect(restore.progress).toBeVisible();

    // Release 2 is deployed and taken on "Reload" in the first tab, while the other restores.
    await appendFile(join(dir, 'sw.js'), '\n// release 2\n');
    await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(app.updateToast).toBeVisible();
    const otherReloaded = other.waitForEvent('load');
    await app.updateToast.getByRole('button', { name: 'Reload' }).click();
    await expect(
      other.getByRole('status').filter({ hasText: 'Doppel was updated. This tab reloads once its backup or restore has finished.' }),
    ).toBeVisible();
    // Still restoring: not reloaded.
    await expect(restore.progress).toBeVisible();
    await staging.letGo();
    await otherReloaded;
    // After its reload, the restored import is there, whole.
    const imp = new ImportPage(other);
    await other.goto('/#/import');
    await expect(imp.history.getByText('weights.csv')).toBeVisible();
    await expect(imp.history).toContainText('730');
    expect(privacy.foreign).toEqual([]);
  } finally {
    await close();
  }
});
