// Issue 15, item 2 "A full disk wipes everything, silently", on a real full disk: the browser's
// profile lives on a small tmpfs that is then filled, so IndexedDB's own writes fail as they do on
// a full phone. Chromium's storage estimate does not see the tmpfs (it reports about 1 GB of quota
// here), so this is the path where the estimate check cannot help and the failure itself must be
// mapped: the import is refused in plain words, nothing stored is lost, and after room is made the
// same file imports whole. Mounting a tmpfs needs root, as CI and this machine have; elsewhere the
// test is skipped and says why.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, guardContext } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { countRows } from './support/tabs.ts';

const SMALL = 'time,metric,value,unit\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg\n';
const BIG_ROWS = 300_000;

/** A Doppel CSV of `n` minute heart rates (about 15 MB): far more than the full disk has room for. */
function bigCsv(dir: string, n: number): string {
  const rows = ['time,metric,value,unit'];
  for (let i = 0; i < n; i++) rows.push(`${new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString()},heart_rate,${60 + (i % 40)},bpm`);
  const path = join(dir, 'heart.csv');
  writeFileSync(path, rows.join('\n') + '\n');
  return path;
}

function tryMount(dir: string, sizeMb: number): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (e) {
    return `mounting a tmpfs needs root (${String((e as Error).message).split('\n')[0]})`;
  }
}

/** Fills the tmpfs at `dir` to the last byte (the browser writes meanwhile), then frees `leaveKb` KiB. */
function fill(dir: string, leaveKb: number): void {
  const filler = join(dir, 'filler');
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M', 'status=none'], { stdio: 'pipe' });
  } catch (e) {
    if (!String((e as { stderr?: unknown }).stderr).includes('No space left')) throw e;
  }
  execFileSync('truncate', ['-s', `-${leaveKb}K`, filler]);
}

test('on a real full disk an import is refused in plain words, nothing stored is lost, and it imports whole once there is room', async ({
  playwright,
  launchOptions,
  baseURL,
}) => {
  const disk = mkdtempSync(join(tmpdir(), 'doppel-disk-'));
  const why = tryMount(disk, 120);
  test.skip(why !== undefined, `Skipped: ${why}`);
  const big = bigCsv(mkdtempSync(join(tmpdir(), 'doppel-big-')), BIG_ROWS);
  const profile = join(disk, 'profile');
  const open = async (): Promise<{ page: Page; close: () => Promise<void> }> => {
    const ctx = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
    const guard = await guardContext(ctx, new URL(baseURL!).origin);
    const close = async (): Promise<void> => {
      expect(guard.foreign, "requests to hosts other than the app's own origin").toEqual([]);
      await ctx.close();
    };
    return { page: ctx.pages()[0] ?? (await ctx.newPage()), close };
  };
  try {
    let { page, close } = await open();
    await new AppPage(page).goto('/#/import');
    let imp = new ImportPage(page);
    await imp.chooseBuffer('weights.csv', SMALL);
    await expect(imp.history.getByText('weights.csv')).toBeVisible();

    fill(disk, 700);
    await imp.choose([big]);
    // Chromium fails either the write (the file's card says so) or, having closed the database under
    // the page, its reopening (the whole import is refused): the same words either way.
    const failure = page.locator('main').getByText(/almost full: free some space on this device/);
    await expect(failure).toBeVisible();
    await expect(failure).toContainText('Nothing was changed');
    await expect(page.locator('main')).not.toContainText(/IOError|DataError|blobs|backing store|went wrong/);
    await expect(imp.history.getByText('weights.csv')).toBeVisible();
    await expect(imp.history.getByText('heart.csv')).toHaveCount(0);
    // Undo needs room too (the database writes before it deletes): refused the same way, or done.
    await imp.history.getByRole('button', { name: 'Undo' }).click();
    const undoFailed = page
      .getByRole('alert')
      .filter({ hasText: /^The import was not undone: .*almost full: free some space on this device/ });
    await expect(undoFailed.or(page.getByText('No imports yet'))).toBeVisible();
    await expect(page.locator('main')).not.toContainText(/IOError|DataError|blobs|backing store|went wrong/);
    const undone = await page.getByText('No imports yet').isVisible();
    console.log(`undo on the full disk: ${undone ? 'done' : 'refused'}`);
    await close();

    // A new start on the still-full disk finds everything that was there, and no Welcome.
    ({ page, close } = await open());
    await new AppPage(page).goto('/#/import');
    imp = new ImportPage(page);
    await expect(undone ? page.getByText('No imports yet') : imp.history.getByText('weights.csv')).toBeVisible();
    // Undone or not, the import's row is there: an undone import keeps what redo needs until Done.
    expect(await countRows(page, 'doppel', 'imports')).toBe(1);
    await expect(page.getByRole('heading', { name: 'Your data on this device is gone' })).toHaveCount(0);

    // Room made: the same file imports, all of it (nothing half-written blocks or halves it).
    rmSync(join(disk, 'filler'));
    await imp.choose([big]);
    await expect(imp.results.filter({ hasText: 'heart.csv' })).toContainText(`${BIG_ROWS.toLocaleString('en-US')} added`);
    await expect(imp.history.getByText('heart.csv')).toBeVisible();
    await close();
  } finally {
    execFileSync('umount', ['-l', disk], { stdio: 'ignore' });
    rmSync(disk, { recursive: true, force: true });
  }
});
