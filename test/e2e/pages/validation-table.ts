import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for "What the twin was checked against" (ValidationTable), wherever it is shown. */
export class ValidationTable {
  readonly root: Locator;
  readonly table: Locator;

  constructor(
    readonly page: Page,
    scope: Locator | Page = page,
  ) {
    this.root = scope.locator('.validation-checks');
    this.table = this.root.getByTestId('validation-table');
  }

  /** Opens the collapsed table (the what-if page shows it closed). */
  async expand(): Promise<void> {
    await this.root.getByText('What the twin was checked against').click();
    await expect(this.table).toBeVisible();
  }

  row(id: string): Locator {
    return this.table.locator(`tr[data-check="${id}"]`);
  }

  published(id: string): Locator {
    return this.row(id).locator('td[data-value="published"]');
  }

  twin(id: string): Locator {
    return this.row(id).locator('td[data-value="twin"]');
  }
}

/** Settings → About, where the model cards and the table are. */
export async function openAbout(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  const about = page.locator('section[aria-labelledby="about-title"]');
  await expect(about.getByRole('heading', { name: 'Model cards' })).toBeVisible();
  return about;
}
