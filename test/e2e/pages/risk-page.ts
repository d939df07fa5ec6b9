import { expect, type Page } from '@playwright/test';

/** Page object for the risk page: the headline, a card per published score, and the inputs table. */
export class RiskPage {
  constructor(readonly page: Page) {}

  /** Opens it from the main navigation and waits for its inputs table (the scores are computed then). */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk', exact: true }).click();
    await expect(this.page.locator('table.inputs')).toBeVisible();
  }

  /** The score cards' keys ("qdiabetes2018 C", "prevent base10y cvd", …), in order. */
  async scoreKeys(): Promise<string[]> {
    return this.page.locator('article.score[data-score]').evaluateAll((as) => as.map((a) => a.getAttribute('data-score')!));
  }

  /** A score card's value as read ("5.5%"). */
  async score(key: string): Promise<string> {
    return (await this.page.locator(`article.score[data-score="${key}"] .value`).textContent())!.trim();
  }

  /** An input's value in the inputs table ("68.5 kg", "58 years"), by its key (weightKg, bmi, age, …). */
  async input(key: string): Promise<string> {
    return (await this.page.locator(`table.inputs tr[data-input="${key}"] td`).first().textContent())!.trim();
  }
}
