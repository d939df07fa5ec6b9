import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the what-if explorer. */
export class WhatIfPage {
  readonly sentences: Locator;
  readonly fanCharts: Locator;
  readonly weightSlider: Locator;
  readonly activitySlider: Locator;
  readonly weightOutput: Locator;

  constructor(readonly page: Page) {
    this.sentences = page.getByTestId('sentences');
    this.fanCharts = page.locator('figure[data-chart] canvas');
    this.weightSlider = page.getByRole('slider', { name: 'Weight change in one year, then kept' });
    this.activitySlider = page.getByRole('slider', { name: /Moderate activity added/ });
    this.weightOutput = page.getByTestId('weight-output');
  }

  /** Opens the explorer from the main navigation and waits for its charts (one, weight, for a person who has diabetes). */
  async open(charts = 4): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'What if' }).click();
    await expect(this.page.getByRole('heading', { name: 'What if…' })).toBeVisible();
    await expect(this.fanCharts).toHaveCount(charts);
  }

  /** Opens the explorer from the main navigation and returns it once its forecasts have settled. */
  static async opened(page: Page, charts = 4): Promise<WhatIfPage> {
    const w = new WhatIfPage(page);
    await w.open(charts);
    await w.settled();
    return w;
  }

  chart(q: 't2d' | 'weight' | 'hba1c' | 'glucose'): Locator {
    return this.page.locator(`figure[data-chart="${q}"] canvas`);
  }

  /** The notes' table, by scenario (0: No change), as read: the twin's risk, QDiabetes-2018, PREVENT. */
  async notes(row: number): Promise<{ twin: string; qdiabetes: string; cvd: string }> {
    const cells = this.page.locator('details.notes table.cross tbody tr').nth(row).locator('td');
    const text = async (i: number): Promise<string> => (await cells.nth(i).textContent())!.trim();
    return { twin: await text(0), qdiabetes: await text(1), cvd: await text(2) };
  }

  /** Saves the plans as they are and waits for the confirmation. */
  async savePlan(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save plan' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  }

  /** Waits until no forecast is running. */
  async settled(): Promise<void> {
    await expect(this.page.locator('section.outcomes')).toHaveAttribute('aria-busy', 'false');
  }

  /** Moves a slider with the keyboard, as a person without a mouse would. */
  async nudge(slider: Locator, key: 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End', times = 1): Promise<void> {
    await slider.focus();
    for (let i = 0; i < times; i++) await slider.press(key);
  }
}
