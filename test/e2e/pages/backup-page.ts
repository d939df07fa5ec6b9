import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  readonly cancel: Locator;
  readonly scan: Locator;
  readonly cancelled: Locator;
  readonly progress: Locator;
  readonly moveMake: Locator;
  readonly moveMade: Locator;
  readonly moveCode: Locator;
  readonly moveQr: Locator;
  readonly moveThere: Locator;
  readonly moveIn: Locator;

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
    this.cancel = page.getByRole('button', { name: 'Cancel the restore' });
    this.scan = page.getByRole('button', { name: 'Scan the QR code' });
    this.cancelled = page.getByTestId('restore-cancelled');
    this.progress = page.getByRole('status').filter({ hasText: /^Reading the backup… [\d,]+ items so far$/ });
    this.moveMake = page.getByRole('button', { name: 'Make the file for the new device' });
    this.moveMade = page.getByTestId('move-result');
    this.moveCode = page.getByTestId('move-code');
    this.moveQr = page.getByRole('img', { name: /QR code of the code for the new device/ });
    this.moveThere = page.getByTestId('move-there');
    this.moveIn = page.getByTestId('move-in');
  }

  /** Opens the screen from Settings, as a person reaches it. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('link', { name: 'Back up and restore' }).click();
    await expect(this.page.getByRole('heading', { name: 'Back up and restore', level: 1 })).toBeVisible();
  }

  /** Opens "Move to a new device" from Settings, as a person reaches it on the old device. */
  async openMove(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.page.getByRole('link', { name: 'Move to a new device' }).click();
    await expect(this.page.getByRole('heading', { name: 'Move to a new device', level: 1 })).toBeVisible();
  }

  /**
   * On the old device (a browser without a share sheet, so the file is downloaded): makes the file for
   * the new device from Settings → "Move to a new device"; returns where it was saved (outlives the
   * browser context) and its code.
   */
  async moveOut(): Promise<{ file: string; code: string }> {
    await this.openMove();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.moveMake.click()]);
    await expect(this.moveMade).toContainText(/^Saved doppel-backup-.+\.doppel \([\d,]+ measurements\)/);
    const code = (await this.moveCode.textContent())!;
    // Kept apart from the browser context: a download goes away with it.
    const file = join(mkdtempSync(join(tmpdir(), 'doppel-move-')), download.suggestedFilename());
    await download.saveAs(file);
    return { file, code };
  }

  /** Chooses a file and types its code or passphrase, up to the Restore button. */
  async choose(file: string, secret?: { code: string } | { passphrase: string }): Promise<void> {
    await this.file.setInputFiles(file);
    if (secret && 'code' in secret) await this.codeField.fill(secret.code);
    if (secret && 'passphrase' in secret) await this.passphraseField.fill(secret.passphrase);
  }

  /**
   * Holds the store a restore stages into (a long write transaction of this page), so that a restore
   * started now cannot get past its first rows until `letGo`: what happens meanwhile (Cancel, an app
   * update) is then no race with the clock. Resolves once the store is held. The import worker must
   * have opened the database before (an import, a refused restore): Dexie's open reads every store, so
   * a first open would wait for the hold too.
   */
  async holdStaging(): Promise<{ letGo: () => Promise<void> }> {
    await this.page.evaluate(
      () =>
        new Promise<void>((held) => {
          const open = indexedDB.open('doppel');
          open.onsuccess = () => {
            const store = open.result.transaction('staging', 'readwrite').objectStore('staging');
            let hold = true;
            (window as unknown as { letGoStaging: () => void }).letGoStaging = () => (hold = false);
            const spin = (): void => {
              if (hold) store.count().onsuccess = spin;
            };
            store.count().onsuccess = () => {
              held();
              spin();
            };
          };
        }),
    );
    return { letGo: () => this.page.evaluate(() => (window as unknown as { letGoStaging: () => void }).letGoStaging()) };
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
