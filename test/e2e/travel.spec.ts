// Issue 15, item 1 "Travel doubles the data", in the browser: the real Dexcom Clarity export (times
// without a UTC offset) imported with the browser in Tokyo, then, in the same profile, with the
// browser in London. The import worker reads the zone from the browser, as on a phone that travelled.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, guardContext } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';

const DEXCOM = 'test/fixtures/real/cgm/cgmquantify_test_file_dexcom-g6-clarity.csv';

test('a CGM export imported in Tokyo and again after travelling to London is stored once', async ({
  playwright,
  launchOptions,
  baseURL,
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'doppel-travel-'));
  /** Opens the same browser profile (its IndexedDB kept on disk) in a zone, and imports the file. */
  const importIn = async (timezoneId: string): Promise<string> => {
    const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, timezoneId, baseURL });
    const guard = await guardContext(context, new URL(baseURL!).origin);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await new AppPage(page).goto('/#/import');
      // The zone a worker of this page sees is the emulated one (the import runs in a worker).
      const workerZone = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const src = 'postMessage(Intl.DateTimeFormat().resolvedOptions().timeZone)';
            const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
            w.onmessage = (e) => resolve(String(e.data));
          }),
      );
      expect(workerZone).toBe(timezoneId);
      const imp = new ImportPage(page);
      await imp.choose([DEXCOM]);
      await expect(imp.results).toHaveCount(1);
      expect(guard.foreign).toEqual([]);
      return (await imp.results.textContent()) ?? '';
    } finally {
      await context.close();
    }
  };
  expect(await importIn('Asia/Tokyo')).toContain('2,148 added · 0 already there');
  expect(await importIn('Europe/London')).toContain('0 added · 2,148 already there');
});
