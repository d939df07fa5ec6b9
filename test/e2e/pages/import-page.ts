import type { Locator, Page } from '@playwright/test';

/** Page object for Import: the file picker, progress, results and history. */
export class ImportPage {
  readonly input: Locator;
  readonly results: Locator;
  readonly history: Locator;
  readonly rate: Locator;
  readonly folder: Locator;
  readonly failures: Locator;

  constructor(readonly page: Page) {
    this.input = page.locator('input[type="file"]:not([webkitdirectory])');
    this.folder = page.locator('input[type="file"][webkitdirectory]');
    this.failures = page.getByTestId('import-failure');
    this.results = page.getByTestId('import-result');
    this.history = page.locator('ul.history');
    this.rate = page.getByTestId('import-rate');
  }

  async choose(paths: string[]): Promise<void> {
    await this.input.setInputFiles(paths);
  }

  async chooseBuffer(name: string, text: string): Promise<void> {
    await this.input.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
  }
}
