import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';

test('timeline: a card per metric, ranges, pan and zoom, every reading in a short window, and the AGP report', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  const twinWeight = await page.locator('article.metric[data-metric="body_weight"] .num').textContent();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();

  // The cards agree with the twin's latest values.
  const weightCard = page.locator('button.card.pick[data-metric="body_weight"]');
  await expect(weightCard.locator('.num')).toHaveText(twinWeight!);
  await expect(page.locator('button.card.pick[data-metric="steps"]')).toBeVisible();
  await expect(weightCard).toHaveAttribute('aria-pressed', 'true');

  const windowText = page.getByTestId('timeline-window');
  // The demo weighs once a day: the chart joins each day's reading, and the line says so (no daily range to show).
  await expect(windowText).toContainText('each day’s last reading');
  await page.getByRole('radio', { name: 'All' }).click();
  const all = await windowText.textContent();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(windowText).not.toHaveText(all!);
  await expect(page.getByRole('radio', { name: 'All' })).toHaveAttribute('aria-checked', 'false');
  const zoomed = await windowText.textContent();
  await page.getByRole('button', { name: 'Earlier' }).click();
  await expect(windowText).not.toHaveText(zoomed!);

  // CGM over a week: drawn from every reading.
  await page.locator('button.card.pick[data-metric="cgm_glucose"]').click();
  await page.getByRole('radio', { name: 'Week' }).click();
  await expect(windowText).toContainText('every reading');
  await expect(page.locator('.metric-timeline canvas')).toBeVisible();

  const agp = page.getByTestId('agp');
  await expect(agp).toContainText('Glucose report (AGP)');
  await expect(agp.locator('[data-tile="inRange"] dd').first()).toHaveText(/^\d+([.,]\d)? %$/);
  await expect(agp.locator('[data-tile="gmi"] dd')).toHaveText(/^\d[.,]\d %$/);
  await expect(agp.locator('canvas')).toBeVisible();

  // Personal baselines (ml worker): the demo person's cold over the last 4 days is flagged as ongoing.
  const baselines = page.getByTestId('baselines');
  await expect(baselines.getByTestId('pb-ongoing').getByTestId('pb-episode')).toHaveText(
    /Resting heart rate \d+ bpm above your usual \(\d+ bpm\) for \d+ days/,
  );
  await expect(baselines.locator('[data-testid="pb-usual"][data-metric="steps"] dd')).toHaveText(
    /^Usually [\d,]+ \(most days [\d,]+–[\d,]+\)$/,
  );
  // The glucose forecaster learns from the demo's 14 days of CGM.
  await expect(page.getByTestId('gf-about')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'timeline');
});

test('new twin snapshots while the timeline is open replace its parts and never show them twice', async ({ page }) => {
  // Under load the demo's calibrated snapshot (or another tab's import) lands while the timeline is
  // open; its parts keyed by the snapshot once shared one key, and a second "Your usual" section stayed.
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByTestId('baselines')).toHaveCount(1);
  // New snapshot rows, as another tab's imports would write them (the latest one again, newer), some
  // while the parts of the one before are still being worked out.
  const added = await page.evaluate(async () => {
    const open = (): Promise<IDBDatabase> =>
      new Promise((res, rej) => {
        const r = indexedDB.open('doppel-demo');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
    const ids: IDBValidKey[] = [];
    for (let k = 0; k < 6; k++) {
      await new Promise((r) => setTimeout(r, 150 * k));
      const db = await open();
      const tx = db.transaction('twinSnapshots', 'readwrite');
      const store = tx.objectStore('twinSnapshots');
      const all: { id: number; createdAt: number }[] = await new Promise((res) => {
        const q = store.getAll();
        q.onsuccess = () => res(q.result as { id: number; createdAt: number }[]);
      });
      const { id: _old, ...last } = all.at(-1)!;
      ids.push(
        await new Promise<IDBValidKey>((res) => {
          const q = store.add({ ...last, createdAt: last.createdAt + 1 });
          q.onsuccess = () => res(q.result);
        }),
      );
      await new Promise((r) => (tx.oncomplete = r));
      db.close();
    }
    return ids.length;
  });
  expect(added).toBe(6);
  const baselines = page.getByTestId('baselines');
  await expect(baselines.getByTestId('pb-ongoing').getByTestId('pb-episode').first()).toBeVisible();
  await expect(baselines).toHaveCount(1);
  await expect(baselines.getByTestId('pb-ongoing').getByTestId('pb-episode')).toHaveCount(1);
  await expect(page.getByTestId('glucose-forecast')).toHaveCount(1);
});
