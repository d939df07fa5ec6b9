import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the profile: the form, and what the person's records say differently (conflicts). */
export class ProfilePage {
  readonly name: Locator;
  readonly birthDate: Locator;
  readonly height: Locator;
  readonly save: Locator;
  readonly conflicts: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Name', { exact: true });
    this.birthDate = page.getByLabel('Date of birth', { exact: true });
    this.height = page.getByLabel('Height (cm)', { exact: true });
    this.save = page.getByRole('button', { name: 'Save profile' });
    this.conflicts = page.getByRole('region', { name: 'Your records say something different' });
  }

  /** Opens the profile from Settings, as a person reaches it once set up. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('link', { name: 'Your profile' }).click();
    await expect(this.page.getByRole('heading', { name: 'Your profile', level: 1 })).toBeVisible();
  }

  sex(label: 'Female' | 'Male'): Locator {
    return this.page.getByRole('radio', { name: label, exact: true });
  }

  /** Fills birth date, sex, height (and the ethnic group if given) and saves; waits until the form says it saved. */
  async enter(p: { birthDate: string; sex: 'Female' | 'Male'; heightCm: number; ethnicity?: string }): Promise<void> {
    await this.birthDate.fill(p.birthDate);
    await this.sex(p.sex).check();
    await this.height.fill(String(p.heightCm));
    if (p.ethnicity) await this.page.getByLabel('Ethnic group', { exact: true }).selectOption({ label: p.ethnicity });
    await this.save.click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  }

  /** One field's conflict (its group is named by the field), on whatever screen shows conflicts. */
  conflict(field: string, scope: Locator = this.conflicts): Locator {
    return scope.getByRole('group', { name: `${field}: which is right?`, exact: true });
  }

  /** Chooses on a field's conflict by the button's words ("Keep mine (…)", "Use the record’s (…)"). */
  async choose(field: string, button: RegExp | string): Promise<void> {
    await this.conflict(field).getByRole('button', { name: button }).click();
  }
}
