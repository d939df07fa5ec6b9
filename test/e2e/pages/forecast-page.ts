import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the timeline's glucose forecast card (learnt in the ml worker). */
export class ForecastPage {
  readonly card: Locator;
  readonly about: Locator;
  readonly evaluation: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('glucose-forecast');
    this.about = page.getByTestId('gf-about');
    this.evaluation = page.getByTestId('gf-evaluation');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
    await expect(this.card).toBeVisible();
  }

  /**
   * Waits for training (in the worker) to finish, however long the backend takes (SwiftShader's WebGPU
   * on a busy machine takes minutes): no limit of its own, the test's safety net applies.
   */
  async waitTrained(): Promise<string> {
    await this.about.waitFor({ state: 'visible', timeout: 0 });
    return (await this.about.getAttribute('data-backend'))!;
  }

  point(minutes: number): Locator {
    return this.page.getByTestId(`gf-point-${minutes}`);
  }

  /** The held-out RMSE (mg/dL, unrounded) of each row of a horizon's table: model, persistence, linear. */
  async rmse(minutes: number): Promise<number[]> {
    return this.rowNumbers(minutes, 'data-rmse');
  }

  async mard(minutes: number): Promise<number[]> {
    return this.rowNumbers(minutes, 'data-mard');
  }

  private async rowNumbers(minutes: number, attr: string): Promise<number[]> {
    const rows = this.page.getByTestId(`gf-table-${minutes}`).locator('tbody tr');
    return (await rows.evaluateAll((trs, a) => trs.map((tr) => tr.getAttribute(a)), attr)).map(Number);
  }
}
