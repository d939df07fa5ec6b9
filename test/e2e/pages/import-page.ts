import { expect, type Locator, type Page } from '@playwright/test';

/** What the person's database holds, read straight from IndexedDB (not through the app). */
export interface Stored {
  /** Committed, pending and undone import rows, by status. */
  imports: Record<string, number>;
  /** Rows waiting outside the store (a large import being written, or an undone import kept for redo). */
  staging: number;
  /** Readings per metric (the sum of every month chunk's count). */
  samples: Record<string, number>;
  /** Day rows per metric (what the timeline and the twin read). */
  days: Record<string, number>;
}

/** Page object for Import: the file picker, progress, results and history. */
export class ImportPage {
  readonly input: Locator;
  readonly results: Locator;
  readonly history: Locator;
  readonly rate: Locator;
  readonly folder: Locator;
  readonly failures: Locator;
  /** One line per metric the last import added (data-metric, data-count, data-first, data-last). */
  readonly arrived: Locator;
  /** PDFs and pictures set aside before reading. */
  readonly refused: Locator;
  readonly cancelled: Locator;
  /** What the latest undo removed, with Redo and Done. */
  readonly undone: Locator;
  readonly redone: Locator;
  readonly redo: Locator;
  readonly seeTwin: Locator;
  readonly howTo: Locator;

  constructor(readonly page: Page) {
    this.input = page.locator('input[type="file"]:not([webkitdirectory])');
    this.folder = page.locator('input[type="file"][webkitdirectory]');
    this.failures = page.getByTestId('import-failure');
    this.results = page.getByTestId('import-result');
    this.history = page.locator('ul.history');
    this.rate = page.getByTestId('import-rate');
    this.arrived = page.getByTestId('import-arrived').getByRole('listitem');
    this.refused = page.getByTestId('import-refused');
    this.cancelled = page.getByTestId('import-cancelled');
    this.undone = page.getByTestId('import-undone');
    this.redone = page.getByTestId('import-redone');
    this.redo = this.undone.getByRole('button', { name: 'Redo' });
    this.seeTwin = page.getByRole('link', { name: 'See your twin' });
    this.howTo = page.getByTestId('import-howto');
  }

  async choose(paths: string[]): Promise<void> {
    await this.input.setInputFiles(paths);
  }

  /** Opens Import from the main navigation, chooses the files and waits until each has its result or failure. */
  async importFiles(paths: string[]): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import', exact: true }).click();
    await this.choose(paths);
    await expect(this.results.or(this.failures)).toHaveCount(paths.length);
  }

  /** Imports one weight reading (weights.csv, 82.4 kg on 1 May 2024) and waits for its result: a device with a little data. */
  async importOneWeight(): Promise<void> {
    await this.chooseBuffer('weights.csv', 'time,metric,value,unit\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg\n');
    await expect(this.results).toHaveCount(1);
  }

  async chooseBuffer(name: string, text: string | Buffer): Promise<void> {
    await this.input.setInputFiles({
      name,
      mimeType: 'application/octet-stream',
      buffer: Buffer.isBuffer(text) ? text : Buffer.from(text),
    });
  }

  /** The arrival lines of the last import as data: metric → count and first and last day. */
  async arrivals(): Promise<Record<string, { count: number; first: string; last: string; text: string }>> {
    const out: Record<string, { count: number; first: string; last: string; text: string }> = {};
    for (const li of await this.arrived.all()) {
      out[(await li.getAttribute('data-metric'))!] = {
        count: Number(await li.getAttribute('data-count')),
        first: (await li.getAttribute('data-first'))!,
        last: (await li.getAttribute('data-last'))!,
        text: (await li.textContent())!,
      };
    }
    return out;
  }

  /** Reads the person's own database directly (IndexedDB `doppel`). */
  stored(): Promise<Stored> {
    return this.page.evaluate(
      () =>
        new Promise<Stored>((resolve, reject) => {
          const req = indexedDB.open('doppel');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const idb = req.result;
            const tx = idb.transaction(['imports', 'staging', 'sampleChunks', 'daily'], 'readonly');
            const out: Stored = { imports: {}, staging: 0, samples: {}, days: {} };
            tx.objectStore('imports').openCursor().onsuccess = (e) => {
              const c = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
              if (!c) return;
              const s = (c.value as { status: string }).status;
              out.imports[s] = (out.imports[s] ?? 0) + 1;
              c.continue();
            };
            tx.objectStore('staging').count().onsuccess = (e) => (out.staging = (e.target as IDBRequest<number>).result);
            tx.objectStore('sampleChunks').openCursor().onsuccess = (e) => {
              const c = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
              if (!c) return;
              const v = c.value as { metric: string; n: number };
              out.samples[v.metric] = (out.samples[v.metric] ?? 0) + v.n;
              c.continue();
            };
            tx.objectStore('daily').openCursor().onsuccess = (e) => {
              const c = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
              if (!c) return;
              const m = (c.value as { metric: string }).metric;
              out.days[m] = (out.days[m] ?? 0) + 1;
              c.continue();
            };
            tx.oncomplete = () => {
              idb.close();
              resolve(out);
            };
          };
        }),
    );
  }
}
