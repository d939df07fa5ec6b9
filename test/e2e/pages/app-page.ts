import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Doppel app shell, the welcome screen and the twin. */
export class AppPage {
  readonly tryDemo: Locator;
  readonly demoBanner: Locator;
  readonly removeDemo: Locator;
  readonly regions: Locator;
  readonly metricCards: Locator;
  readonly charts: Locator;
  readonly updateToast: Locator;

  constructor(readonly page: Page) {
    this.tryDemo = page.getByRole('button', { name: 'Try the demo' });
    this.demoBanner = page.getByRole('complementary', { name: 'Demo' });
    this.removeDemo = page.getByRole('button', { name: 'Remove demo' });
    this.regions = page.locator('article.region');
    this.metricCards = page.locator('article.metric');
    this.charts = page.locator('figure canvas');
    this.updateToast = page.getByRole('status').filter({ hasText: 'A new version of Doppel is ready.' });
  }

  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByRole('link', { name: 'Doppel' })).toBeVisible();
  }

  /** Waits until the service worker controls the page (the app then works offline). */
  async waitForServiceWorker(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined);
    // The precache is complete once the worker is activated.
    await this.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active?.state;
    });
  }

  /**
   * Shares files into the app as the OS share sheet does: a multipart POST of the files to the
   * manifest's share_target action (the service worker keeps them in the inbox). Needs the service worker.
   */
  async shareIntoApp(files: { name: string; type: string; bytes: number[] }[]): Promise<void> {
    await this.page.evaluate((given) => {
      const form = Object.assign(document.createElement('form'), {
        method: 'post',
        action: '/share-target',
        enctype: 'multipart/form-data',
      });
      const input = Object.assign(document.createElement('input'), { type: 'file', name: 'files', multiple: true });
      const dt = new DataTransfer();
      for (const f of given) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
      input.files = dt.files;
      form.append(input);
      document.body.append(form);
      form.submit();
    }, files);
  }

  /** The twin's headline as text, once the twin has worked it out (it says "Working out your risk…" until then). */
  async headlineText(): Promise<string> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin', exact: true }).click();
    await expect(this.page.getByTestId('headline')).toContainText('risk of type 2 diabetes');
    return (await this.page.getByTestId('headline').textContent())!;
  }

  async startDemo(): Promise<void> {
    await this.tryDemo.click();
    await expect(this.demoBanner).toBeVisible();
  }

  /** Waits until no work is under way (worker calls, deletes): the app's settled signal on <main>. */
  async expectSettled(): Promise<void> {
    await expect(this.page.locator('main#main')).toHaveAttribute('data-pending-work', '0');
  }

  async expectDemoTwin(): Promise<void> {
    await expect(this.demoBanner).toContainText('synthetic person');
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText('Alex');
    await expect(this.regions).toHaveCount(5);
    await expect(this.page.locator('article.region[data-region="metabolic"]')).toContainText('prediabetes range');
    await expect(this.metricCards).toHaveCount(6);
    await expect(this.page.locator('article.metric[data-metric="hba1c"] .num')).toHaveText(/^\d\.\d$/);
    await expect(this.charts).toHaveCount(3);
  }

  /** Follows a link of the main navigation ("Twin", "What if", "Timeline", "Risk", "Import", "Settings"). */
  async nav(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  }

  /** Opens the twin and waits for its headline (the risk or the notice that the person has diabetes). */
  async openTwin(): Promise<void> {
    await this.nav('Twin');
    await expect(this.page.getByTestId('headline')).toBeVisible();
    await this.expectSettled();
  }

  /** The twin's headline: its risk, and the published score it says it starts from ("which gives 5.5%"). */
  async headline(): Promise<{ value: string; anchor: string | undefined }> {
    const value = (await this.page.getByTestId('headline-value').textContent())!.trim();
    const anchor = /gives (\d+(?:[.,]\d)?\s?%)/.exec((await this.page.getByTestId('headline').textContent())!)?.[1];
    return { value, anchor };
  }

  /** The age after the twin's name ("Your twin, 58"). */
  async age(): Promise<string | undefined> {
    return /, (\d+)$/.exec((await this.page.getByRole('heading', { level: 1 }).textContent())!.trim())?.[1];
  }

  /** A "Latest measurements" card as read: "68.5 kg". */
  async metric(metric: string): Promise<string> {
    const card = this.page.locator(`article.metric[data-metric="${metric}"]`);
    return `${(await card.locator('.num').textContent())!.trim()} ${(await card.locator('.unit').textContent())!.trim()}`.trim();
  }

  /** A region card's sentence ("BMI 21.6 kg/m²: healthy."). */
  async region(region: string): Promise<string> {
    return (await this.page.locator(`article.region[data-region="${region}"] p`).textContent())!;
  }

  /** "data from Nov 29, 2010 to Feb 17, 2021" under the twin's name. */
  async dataRange(): Promise<string> {
    return (await this.page.getByTestId('data-range').textContent())!;
  }

  async databaseNames(): Promise<string[]> {
    return this.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name!).sort());
  }
}

/** Page object for Settings → This device: workers, storage and the tfjs backend. */
export class DevicePage {
  readonly backend: Locator;
  readonly check: Locator;
  readonly workers: Locator;

  constructor(readonly page: Page) {
    this.backend = page.getByTestId('ml-backend');
    this.check = page.getByTestId('ml-check');
    this.workers = page.getByTestId('workers');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(this.page.getByRole('heading', { name: 'This device' })).toBeVisible();
  }

  /** Settings → Delete everything, confirmed; waits until it says everything was deleted. */
  async deleteEverything(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete everything…' }).click();
    await this.page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Everything was deleted from this device.' })).toBeVisible();
  }

  /** Runs the tfjs probe in the ml worker; returns the backend that ran. */
  async runMlCheck(): Promise<string> {
    await this.page.getByRole('button', { name: 'Check machine learning backend' }).click();
    await expect(this.check).toContainText('correct');
    return (await this.backend.textContent())!.trim();
  }
}
