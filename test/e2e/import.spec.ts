import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { TimelinePage } from './pages/timeline-page.ts';

const AHCD = 'test/fixtures/real/apple-health/ahcd-go_export_v11_bp-correlation.xml';
const FHIR = 'test/fixtures/real/fhir-r4/smart-generated-sample-data_Lupe_Little_prediabetes.json';
const DEXCOM = 'test/fixtures/real/cgm/cgmquantify_test_file_dexcom-g6-clarity.csv';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a real Apple Health export imports through the file picker, shows on the twin, and undoes', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await page.getByRole('link', { name: 'Import your data' }).click();
  const imp = new ImportPage(page);
  await imp.choose([AHCD]);
  await expect(imp.results).toHaveCount(1);
  await expect(imp.results).toContainText('11 added');
  await expect(imp.results).toContainText('Apple Health export: 11 added');
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

test('cancelling a large import mid-way says nothing was kept, and the store and the timeline are as before', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.choose([AHCD]);
  await expect(imp.results).toContainText('11 added');
  const timeline = new TimelinePage(page);
  await timeline.open();
  const cardsBefore = await timeline.cardTexts();
  const storedBefore = await imp.stored();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import', exact: true }).click();

  // 800,000 heart-rate readings: more than one import holds in memory, so it is staged in IndexedDB.
  const rec = (i: number): string => {
    const t = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString().replace('T', ' ').slice(0, 19);
    return `<Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" unit="count/min" startDate="${t} +0000" endDate="${t} +0000" value="${60 + (i % 40)}"/>\n`;
  };
  const body = Array.from({ length: 800_000 }, (_, i) => rec(i)).join('');
  const path = join(mkdtempSync(join(tmpdir(), 'doppel-cancel-')), 'export.xml');
  writeFileSync(path, `<?xml version="1.0"?>\n<HealthData locale="en_US">\n${body}</HealthData>\n`);
  await imp.choose([path]);
  await expect(imp.rate).toBeVisible();
  // Stopped once part of it is staged: the roll-back has something to roll back.
  await expect.poll(async () => (await imp.stored()).staging, { intervals: [50] }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(imp.cancelled).toHaveText('Import stopped. Nothing from export.xml was kept.');
  await expect(imp.rate).toBeHidden();
  await expect(imp.results).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0); // a cancel is not an error
  expect(await imp.stored()).toEqual(storedBefore);
  expect(storedBefore).toMatchObject({ imports: { committed: 1 }, staging: 0 });
  await expect(imp.history.getByRole('listitem')).toHaveCount(1);
  await timeline.open();
  expect(await timeline.cardTexts()).toEqual(cardsBefore);
});

test('what arrived: each metric with its count and days, as the store holds them and the timeline shows them; then See your twin', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.choose([FHIR]);
  await expect(imp.results).toContainText('FHIR record:');
  const arrived = await imp.arrivals();
  const metrics = Object.keys(arrived);
  expect(metrics.length).toBeGreaterThan(3);
  const stored = await imp.stored();
  // Every reading of this first import arrived: the counts are the store's, metric by metric.
  expect(Object.fromEntries(metrics.map((m) => [m, arrived[m]!.count]))).toEqual(stored.samples);
  for (const m of metrics) expect(arrived[m]!.text).toMatch(new RegExp(`: ${arrived[m]!.count.toLocaleString('en-US')} readings?, `));
  await expectNoSeriousA11yViolations(page, 'import result');

  await imp.seeTwin.click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Your twin/);

  const timeline = new TimelinePage(page);
  await timeline.open();
  for (const m of metrics) {
    const { first, last, text } = arrived[m]!;
    // The days as the browser's locale writes them: the line ends with them, and the timeline's
    // window over all of the metric's data spans exactly them.
    const [from, to] = await page.evaluate(
      (days) =>
        days.map((d) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${d}T00:00:00Z`))),
      [first, last],
    );
    expect(text).toMatch(new RegExp(`, ${escape(first === last ? from! : `${from} – ${to}`)}$`));
    expect(await timeline.showAll(m), m).toMatch(new RegExp(`^${escape(`${from} – ${to}`)} · `));
  }
});

test('a PDF or a photo is refused before it is read: what to get instead, and nothing stored', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  const before = await imp.stored();
  await imp.chooseBuffer('lab-report.pdf', '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  await expect(imp.refused).toHaveCount(1);
  await expect(imp.refused).toContainText("lab-report.pdfDoppel can't read PDF lab reports yet, so nothing was stored.");
  await expect(imp.refused).toContainText('Here is how to get the FHIR or CSV export instead:');
  await expect(imp.refused.getByRole('listitem')).toHaveText([/^FHIR record: In your patient portal/, /^Doppel CSV: /]);
  await expect(imp.refused.getByRole('link', { name: 'enter a measurement by hand' })).toHaveAttribute('href', '#/entry');
  await imp.chooseBuffer('scan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  await expect(imp.refused).toContainText("scan.pngDoppel can't read photos or scans of reports yet, so nothing was stored.");
  await expect(imp.results).toHaveCount(0);
  await expect(imp.failures).toHaveCount(0);
  await expect(imp.seeTwin).toHaveCount(0);
  await expect(page.getByText('No imports yet.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'import refused');
  expect(await imp.stored()).toEqual(before);
  expect(before).toEqual({ imports: {}, staging: 0, samples: {}, days: {} });
  // The same steps are on the page for every export.
  await imp.howTo.getByText('Where to find your export').click();
  await expect(imp.howTo.getByRole('listitem')).toHaveCount(13);
  await expect(imp.howTo).toContainText('Dexcom Clarity CSV: Sign in to Dexcom Clarity');
  await expect(imp.howTo).toContainText('Patient portal record (C-CDA): In a US patient portal');
  await expect(imp.howTo).toContainText('Android Health Connect export: On an Android phone');
});

test('undo says what it removed, and redo brings back exactly the same readings', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto('/#/import');
  const imp = new ImportPage(page);
  await imp.choose([DEXCOM]);
  await expect(imp.results).toContainText('Dexcom Clarity CSV:');
  const arrived = await imp.arrivals();
  const before = await imp.stored();
  expect(before.samples.cgm_glucose).toBe(arrived.cgm_glucose!.count);

  await imp.history.getByRole('button', { name: 'Undo' }).click();
  const n = arrived.cgm_glucose!.count.toLocaleString('en-US');
  await expect(imp.undone.getByRole('status')).toHaveText(
    new RegExp(
      `^Removed ${n} CGM glucose readings.* from the Dexcom Clarity CSV of .+ \\(cgmquantify_test_file_dexcom-g6-clarity\\.csv\\)\\.$`,
    ),
  );
  // The file's date of birth left the profile with it.
  await expect(imp.undone.getByRole('status')).toContainText('1 value it set in your profile');
  expect(await imp.stored()).toMatchObject({ imports: { undone: 1 }, samples: {}, days: {} });
  await expect(page.getByText('No imports yet.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'import undone');

  await imp.redo.click();
  await expect(imp.redone).toHaveText(new RegExp(`^Put back ${n} CGM glucose readings`));
  await expect(imp.undone).toHaveCount(0);
  await expect(imp.history.getByRole('listitem')).toHaveCount(1);
  expect(await imp.stored()).toEqual(before);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Undo again, then Done: the copy kept for redo goes.
  await imp.history.getByRole('button', { name: 'Undo' }).click();
  await imp.undone.getByRole('button', { name: 'Done' }).click();
  await expect(imp.undone).toHaveCount(0);
  expect(await imp.stored()).toEqual({ imports: {}, staging: 0, samples: {}, days: {} });
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
