import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { EntryPage } from './pages/entry-page.ts';
import { TimelinePage } from './pages/timeline-page.ts';

test.use({ viewport: { width: 360, height: 740 } });

test('measurements entered by hand: in the person units, on the timeline and in the visit summary as entered by you, refused when impossible, undone', async ({
  page,
}) => {
  const app = new AppPage(page);
  const entry = new EntryPage(page);
  const timeline = new TimelinePage(page);
  await app.goto('/');

  // HbA1c in mmol/mol (IFCC), set before anything is entered.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const ifcc = page.getByRole('group', { name: 'HbA1c' }).getByRole('radio', { name: 'mmol/mol (IFCC)', exact: true });
  await ifcc.check();
  await expect(ifcc).toBeChecked();

  // A weight, with the date and time of now already filled in.
  await page.goto('/#/entry?kind=weight');
  await entry.expectOpen();
  await expect(entry.when).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
  await entry.enter('Weight', [['Weight', '82.4']]);
  await expect(entry.saved).toContainText('Weight 82.4 kg, entered by you');
  await app.expectSettled();

  // The twin offers today's weight; the timeline shows the weight and lists it as entered by you.
  await page.goto('/#/');
  await expect(page.getByRole('link', { name: 'Add today’s weight' })).toBeVisible();
  await timeline.open();
  await expect(timeline.cards.and(page.locator('[data-metric="body_weight"]'))).toContainText('82.4');
  await expect(entry.entries).toHaveCount(1);
  await expect(entry.entries.first()).toContainText('entered by you');

  // An HbA1c in mmol/mol from the timeline's link; shown back in mmol/mol.
  await page.getByRole('link', { name: 'Add a measurement' }).click();
  await entry.expectOpen();
  await entry.kind.selectOption({ label: 'HbA1c' });
  await expect(page.locator('.with-unit .unit')).toHaveText('mmol/mol');
  await entry.enter('HbA1c', [['HbA1c', '48']]);
  await expect(entry.saved).toContainText('HbA1c 48 mmol/mol');
  await app.expectSettled();

  // An impossible value: its message beside the field, and nothing stored.
  await entry.field('HbA1c').fill('400');
  await entry.save.click();
  await expect(entry.error('hba1c')).toContainText('too high to be a measurement');
  await expect(entry.field('HbA1c')).toHaveAttribute('aria-invalid', 'true');
  await timeline.open();
  await expect(timeline.cards.and(page.locator('[data-metric="hba1c"]'))).toContainText('48');
  await expect(entry.entries).toHaveCount(2);

  // The visit summary lists both as entered by you.
  await page.goto('/#/summary');
  const summary = page.locator('article.summary');
  await expect(summary).toContainText('Entered by you: Weight');
  await expect(summary).toContainText('Entered by you: HbA1c');
  await expect(page.getByTestId('summary-metrics')).toContainText('48 mmol/mol (entered by you)');

  // Undo right after saving takes a waist back: nothing of it stays.
  await page.goto('/#/entry?kind=waist');
  await entry.enter('Waist', [['Waist', '94']]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('entry-taken')).toContainText('Waist 94 cm');
  await app.expectSettled();
  await timeline.open();
  await expect(timeline.cards.and(page.locator('[data-metric="waist_circumference"]'))).toHaveCount(0);

  // Deleting the HbA1c from the timeline (an undo of its entry) removes it from the timeline.
  await page.getByRole('button', { name: /^Delete HbA1c/ }).click();
  await expect(page.getByTestId('entries').getByRole('status')).toContainText('Deleted: HbA1c 48 mmol/mol');
  await expect(timeline.cards.and(page.locator('[data-metric="hba1c"]'))).toHaveCount(0);
  await expect(entry.entries).toHaveCount(1);
});

test('in feet, inches and pounds: a height in feet and inches; a changed entry shows its new value, and undoing the change in the import history puts the old one back', async ({
  page,
}) => {
  const app = new AppPage(page);
  const entry = new EntryPage(page);
  const timeline = new TimelinePage(page);
  await app.goto('/');
  // The welcome offers entry by hand to someone with no export.
  await page.getByRole('link', { name: 'enter a measurement by hand' }).click();
  await entry.expectOpen();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  for (const [group, unit] of [
    ['Weight', 'pounds (lb)'],
    ['Height and waist', 'feet and inches (ft, in)'],
  ] as const) {
    const radio = page.getByRole('group', { name: group, exact: true }).getByRole('radio', { name: unit, exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
  }

  // A height in feet and inches: 12 inches is refused beside the field, 5 ft 9.5 in is kept as such.
  await page.goto('/#/entry?kind=height');
  await entry.expectOpen();
  await entry.field('feet').fill('5');
  await entry.field('inches').fill('12');
  await entry.save.click();
  await expect(entry.error('height')).toContainText('whole feet and inches from 0 to under 12');
  await entry.field('inches').fill('9.5');
  await entry.save.click();
  await expect(entry.saved).toContainText('Height 5 ft 9.5 in, entered by you');
  await app.expectSettled();

  // A weight in pounds, then changed from the timeline's list: the form starts from the stored value.
  await entry.enter('Weight', [['Weight', '180']]);
  await expect(entry.saved).toContainText('Weight 180.0 lb');
  await app.expectSettled();
  await timeline.open();
  await page.getByRole('link', { name: 'Change Weight 180.0 lb' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change a measurement' })).toBeVisible();
  await expect(entry.field('Weight')).toHaveValue('180');
  await entry.field('Weight').fill('178');
  await entry.save.click();
  await expect(entry.saved).toContainText('Changed: Weight 178.0 lb.');
  await app.expectSettled();
  await timeline.open();
  const weightCard = timeline.cards.and(page.locator('[data-metric="body_weight"]'));
  await expect(weightCard).toContainText('178');
  await expect(entry.entries).toHaveCount(2);

  // The change is a line of the import history; its Undo puts 180 lb back.
  await page.goto('/#/import');
  const line = page.locator('ul.history li').filter({ hasText: 'Changed by you: Weight 178.0 lb' });
  await expect(line).toHaveCount(1);
  await line.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('import-undone')).toContainText('Took back the change to Weight 178.0 lb');
  await app.expectSettled();
  await timeline.open();
  await expect(weightCard).toContainText('180');
  await expect(page.getByRole('link', { name: 'Change Weight 180.0 lb' })).toBeVisible();
});
