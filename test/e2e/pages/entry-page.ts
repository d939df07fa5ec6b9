import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for entering a measurement by hand (EntryPage) and the timeline's list of entries. */
export class EntryPage {
  readonly kind: Locator;
  readonly when: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly entries: Locator;

  constructor(readonly page: Page) {
    this.kind = page.getByLabel('What did you measure?');
    this.when = page.getByLabel('Date and time');
    this.save = page.getByRole('button', { name: 'Save' });
    this.saved = page.getByTestId('entry-saved');
    this.entries = page.getByTestId('entries').locator('li');
  }

  async expectOpen(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Add a measurement' })).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The plain message beside a field (its id is `entry-<field>`). */
  error(field: string): Locator {
    return this.page.getByTestId(`entry-${field}-error`);
  }

  /** Chooses the kind, types each value, saves, and waits for the confirmation. */
  async enter(kind: string, values: [label: string, value: string][]): Promise<void> {
    await this.kind.selectOption({ label: kind });
    for (const [label, value] of values) await this.field(label).fill(value);
    await this.save.click();
    await expect(this.saved).toBeVisible();
  }
}
