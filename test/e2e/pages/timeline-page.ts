import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the timeline: a card per metric, and the chosen metric's window. */
export class TimelinePage {
  readonly window: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.window = page.getByTestId('timeline-window');
    this.cards = page.locator('button.card.pick');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
    await expect(this.page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  }

  /** Shows one metric over all its data; returns the window's text ("{from} – {to} · {mode}"). */
  async showAll(metric: string): Promise<string> {
    const card = this.cards.and(this.page.locator(`[data-metric="${metric}"]`));
    await card.click();
    await expect(card).toHaveAttribute('aria-pressed', 'true');
    await this.page.getByRole('radio', { name: 'All' }).click();
    await expect(this.page.getByRole('radio', { name: 'All' })).toHaveAttribute('aria-checked', 'true');
    return (await this.window.textContent())!;
  }

  /** A metric's card value as read: "68.5 kg". */
  async value(metric: string): Promise<string> {
    const card = this.cards.and(this.page.locator(`[data-metric="${metric}"]`));
    await expect(card).toBeVisible();
    return `${(await card.locator('.num').textContent())!.trim()} ${(await card.locator('.unit').textContent())!.trim()}`.trim();
  }

  /** Every card's text, by metric (what the timeline shows at a glance). */
  async cardTexts(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const c of await this.cards.all()) out[(await c.getAttribute('data-metric'))!] = (await c.textContent())!;
    return out;
  }
}
