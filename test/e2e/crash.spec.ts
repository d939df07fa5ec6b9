import type { Page } from '@playwright/test';
import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';

/** Runs a callback against a workspace's raw IndexedDB, as a corrupting bug or another app version could. */
async function inDb<T>(page: Page, name: string, op: 'corrupt' | 'repair' | 'count'): Promise<T> {
  return page.evaluate(
    ([dbName, what]) =>
      new Promise<T>((resolve, reject) => {
        const req = indexedDB.open(dbName!);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['twinSnapshots', 'imports'], what === 'count' ? 'readonly' : 'readwrite');
          const snaps = tx.objectStore('twinSnapshots');
          let out: unknown;
          if (what === 'corrupt') snaps.add({ createdAt: Date.now() + 86_400_000, engine: 'broken', watermark: {}, state: {} });
          if (what === 'repair')
            snaps.index('createdAt').openCursor(null, 'prev').onsuccess = (e) => (e.target as IDBRequest<IDBCursor>).result?.delete();
          if (what === 'count') {
            const c = tx.objectStore('imports').count();
            c.onsuccess = () => (out = c.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out as T);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [name, op],
  );
}

test('a screen that fails to draw shows a plain message and a way back, and no data is lost', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  await app.expectDemoTwin();
  const imports = await inDb<number>(page, 'doppel-demo', 'count');
  expect(imports).toBeGreaterThan(0);

  // A stored snapshot the twin screen cannot read: the screen throws while drawing.
  await inDb(page, 'doppel-demo', 'corrupt');
  await page.reload();
  const crash = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This screen could not be shown' }) });
  await expect(crash).toBeVisible();
  await expect(crash).toContainText('Your data are safe');
  await expect(crash.getByRole('button', { name: 'Reload' })).toBeVisible();
  expect(await inDb<number>(page, 'doppel-demo', 'count')).toBe(imports);

  // Once the cause is gone, the way back leads to the twin with everything still there.
  await inDb(page, 'doppel-demo', 'repair');
  await crash.getByRole('button', { name: 'Go to the start' }).click();
  await app.expectDemoTwin();
  expect(new URL(page.url()).hash).toBe('#/');
  expect(await inDb<number>(page, 'doppel-demo', 'count')).toBe(imports);
});
