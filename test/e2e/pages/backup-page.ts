import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for "Back up and restore": making a backup (code or passphrase) and restoring one. */
export class BackupPage {
  readonly make: Locator;
  readonly passphraseChoice: Locator;
  readonly newPassphrase: Locator;
  readonly newPassphrase2: Locator;
  readonly made: Locator;
  readonly code: Locator;
  readonly qr: Locator;
  readonly lastBackup: Locator;
  readonly file: Locator;
  readonly codeField: Locator;
  readonly passphraseField: Locator;
  readonly restore: Locator;
  readonly restored: Locator;
  readonly refused: Locator;
  readonly seeTwin: Locator;

  constructor(readonly page: Page) {
    this.make = page.getByRole('button', { name: 'Make the backup' });
    this.passphraseChoice = page.getByRole('radio', { name: /A passphrase I choose/ });
    this.newPassphrase = page.getByLabel('Passphrase', { exact: true });
    this.newPassphrase2 = page.getByLabel('Passphrase again', { exact: true });
    this.made = page.getByTestId('backup-result');
    this.code = page.getByTestId('backup-code');
    this.qr = page.getByRole('img', { name: /QR code of the backup code/ });
    this.lastBackup = page.getByTestId('last-backup');
    this.file = page.getByTestId('restore-file');
    this.codeField = page.getByLabel('Code', { exact: true });
    this.passphraseField = page.getByLabel('Passphrase', { exact: true });
    this.restore = page.getByRole('button', { name: 'Restore', exact: true });
    this.restored = page.getByTestId('restore-result');
    this.refused = page.getByTestId('restore-error');
    this.seeTwin = page.getByRole('link', { name: 'See your twin' });
  }

  /** Opens the screen from Settings, as a person reaches it. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('link', { name: 'Back up and restore' }).click();
    await expect(this.page.getByRole('heading', { name: 'Back up and restore', level: 1 })).toBeVisible();
  }

  /** Restores a file with its code or passphrase (none for an export); waits for the result or the refusal. */
  async restoreFile(file: string | { name: string; mimeType: string; buffer: Buffer }, secret?: { code: string } | { passphrase: string }) {
    await this.file.setInputFiles(file);
    if (secret && 'code' in secret) await this.codeField.fill(secret.code);
    if (secret && 'passphrase' in secret) await this.passphraseField.fill(secret.passphrase);
    await this.restore.click();
    await expect(this.restored.or(this.refused)).toBeVisible();
  }
}
