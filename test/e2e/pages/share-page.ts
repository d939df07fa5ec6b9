import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for "Share with a clinician": the name, the dates and their shortcuts, the preview, making the file. */
export class SharePage {
  readonly label: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly preview: Locator;
  readonly make: Locator;
  readonly status: Locator;
  readonly code: Locator;
  readonly qr: Locator;
  readonly emptyAsk: Locator;
  readonly send: Locator;
  readonly saveHere: Locator;

  constructor(readonly page: Page) {
    this.label = page.getByLabel('Your name as the clinician should see it');
    this.from = page.getByRole('textbox', { name: 'From', exact: true });
    this.to = page.getByRole('textbox', { name: 'To', exact: true });
    this.preview = page.getByTestId('share-preview');
    this.make = page.getByRole('button', { name: 'Make the share file' });
    this.status = page.getByRole('status');
    this.code = page.getByTestId('share-code');
    this.qr = page.getByRole('img', { name: /QR code of the share code/ });
    this.emptyAsk = page.getByTestId('share-empty');
    this.send = page.getByRole('button', { name: 'Send the file…' });
    this.saveHere = page.getByRole('button', { name: 'Save it on this device' });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/share');
    await expect(this.page.getByRole('heading', { name: 'Share with a clinician', level: 1 })).toBeVisible();
  }

  /** A date shortcut: "Last 3 months", "Last year" or "Everything". */
  shortcut(name: string): Locator {
    return this.page.getByRole('radiogroup', { name: 'Dates' }).getByRole('radio', { name, exact: true });
  }

  /**
   * Makes a share file of everything under a name, protected by a share code, in a browser without a
   * share sheet (the file is downloaded); returns the file's path and its code.
   */
  async makeFile(label: string): Promise<{ file: string; code: string; preview: string }> {
    await this.label.fill(label);
    await this.shortcut('Everything').click();
    const preview = await this.expectCounted();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.make.click()]);
    const code = (await this.code.textContent())!;
    return { file: (await download.path())!, code, preview };
  }

  /** Waits until the preview has counted (it says "Counting…" until then). */
  async expectCounted(): Promise<string> {
    await expect(this.preview).not.toHaveText(/Counting/);
    return (await this.preview.textContent())!;
  }
}

/** Page object for "Open a shared twin": the file, the code (typed or scanned), Open. */
export class OpenSharePage {
  readonly file: Locator;
  readonly code: Locator;
  readonly scan: Locator;
  readonly closeCamera: Locator;
  readonly open: Locator;
  readonly banner: Locator;

  constructor(readonly page: Page) {
    this.file = page.locator('input[type="file"]');
    this.code = page.getByLabel('Share code');
    this.scan = page.getByRole('button', { name: 'Scan the QR code' });
    this.closeCamera = page.getByRole('button', { name: 'Close the camera' });
    this.open = page.getByRole('button', { name: 'Open', exact: true });
    this.banner = page.getByTestId('review-banner');
  }

  /** Opens a share file with its code from "Open a shared twin" and waits for the review's banner. */
  async openFile(file: string, code: string): Promise<void> {
    await this.page.goto('/#/open');
    await this.file.setInputFiles(file);
    await this.code.fill(code);
    await this.open.click();
    await expect(this.banner).toBeVisible();
  }
}
