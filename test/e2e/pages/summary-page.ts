import { expect, type Locator, type Page } from '@playwright/test';

/** What the page looked like at the moment it called window.print() (recorded by `stubPrint`). */
export interface PrintMoment {
  /** The summary's own ready signal (data-ready). */
  ready: string | null;
  /** Elements of the page still marked busy (aria-busy="true"), by id, test id or tag. */
  busy: string[];
  /** The summary's text as printed. */
  text: string;
}

/** An element's box, for checking that the printed parts do not overlap. */
export interface PartBox {
  part: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * A4 inside the print margins (styles.css `@page`: 210 × 297 mm less 12 mm each side), in CSS px
 * at 96 px per inch: 186 mm wide, 273 mm high.
 */
export const A4_CONTENT_PX = { width: (186 / 25.4) * 96, height: (273 / 25.4) * 96 };

/** Page object for the visit summary. */
export class SummaryPage {
  readonly article: Locator;
  readonly printButton: Locator;
  readonly who: Locator;
  readonly problems: Locator;
  readonly medications: Locator;
  readonly metrics: Locator;
  readonly plans: Locator;

  constructor(readonly page: Page) {
    this.article = page.locator('article.summary');
    this.printButton = page.getByRole('button', { name: 'Print or save as PDF' });
    this.who = page.getByTestId('summary-who');
    this.problems = page.getByTestId('summary-problems');
    this.medications = page.getByTestId('summary-medications');
    this.metrics = page.getByTestId('summary-metrics');
    this.plans = page.getByTestId('summary-plans');
  }

  /**
   * Replaces window.print, before the app loads, with a recorder of the page's state at the moment
   * it is called: whether the summary said it was ready, what was still busy, and its text. Also
   * watches for the print button: once `printOnSight` asked for it, the button is clicked the
   * instant it is in the page (before any worker could have answered), and the summary's ready
   * signal at that instant is kept.
   */
  async stubPrint(): Promise<void> {
    await this.page.addInitScript(() => {
      const w = window as unknown as { __prints: unknown[]; __printOnSight: boolean; __readyAtClick: string | null | undefined };
      w.__prints = [];
      w.__printOnSight = false;
      window.print = () => {
        const article = document.querySelector('article.summary');
        w.__prints.push({
          ready: article?.getAttribute('data-ready') ?? null,
          busy: [...document.querySelectorAll('main [aria-busy="true"]')].map(
            (e) => e.id || e.getAttribute('data-testid') || e.getAttribute('aria-labelledby') || e.tagName,
          ),
          text: (article as HTMLElement | null)?.innerText ?? '',
        });
      };
      new MutationObserver(() => {
        if (!w.__printOnSight) return;
        const button = document.querySelector<HTMLButtonElement>('article.summary header button');
        if (!button) return;
        w.__printOnSight = false;
        w.__readyAtClick = document.querySelector('article.summary')!.getAttribute('data-ready');
        button.click();
      }).observe(document, { childList: true, subtree: true });
    });
  }

  /** The next time the summary shows, its print button is clicked at once (with `stubPrint`). */
  async printOnSight(): Promise<void> {
    await this.page.evaluate(() => {
      (window as unknown as { __printOnSight: boolean }).__printOnSight = true;
    });
  }

  /** Opens the summary from the twin. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Twin' }).click();
    await this.page.getByRole('link', { name: 'Visit summary' }).click();
    await expect(this.page.getByRole('heading', { name: 'Visit summary', level: 1 })).toBeVisible();
  }

  /** The calls to window.print so far (with `stubPrint`). */
  async prints(): Promise<PrintMoment[]> {
    return this.page.evaluate(() => (window as unknown as { __prints: PrintMoment[] }).__prints);
  }

  /**
   * Waits until the page prints after a `printOnSight` click; returns the page at that moment, and
   * whether the summary was ready when the button was clicked.
   */
  async waitForPrint(): Promise<PrintMoment & { readyAtClick: string | null | undefined }> {
    await expect.poll(async () => (await this.prints()).length, { timeout: 0 }).toBeGreaterThan(0);
    const readyAtClick = await this.page.evaluate(
      () => (window as unknown as { __readyAtClick: string | null | undefined }).__readyAtClick,
    );
    return { ...(await this.prints())[0]!, readyAtClick };
  }

  whoField(field: 'name' | 'birthDate' | 'sex' | 'date'): Locator {
    return this.who.locator(`[data-field="${field}"] dd`);
  }

  item(list: Locator, value: string): Locator {
    return list.locator(`li[data-item="${value}"]`);
  }

  metric(key: string): Locator {
    return this.metrics.locator(`tr[data-metric="${key}"]`);
  }

  /** Opens the summary from the twin and waits until every part is ready (data-ready). */
  async openReady(): Promise<void> {
    await this.open();
    await expect(this.article).toHaveAttribute('data-ready', 'true');
  }

  /** A key measurement's latest value as read: "68.5 kg", "125/74 mmHg". */
  async latest(key: string): Promise<string> {
    return (await this.metric(key).locator('td').first().textContent())!.trim();
  }

  /** A row of the risk table by its score key ("twin", "qdiabetes2018 C", "prevent base10y cvd"): its value. */
  async score(key: string): Promise<string> {
    return (await this.page.locator(`[data-testid="summary-risk"] tr[data-score="${key}"] td`).first().textContent())!.trim();
  }

  /** The keys of the risk table's published scores, in order. */
  async scoreKeys(): Promise<string[]> {
    return this.page
      .locator('[data-testid="summary-risk"] tbody tr[data-score]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-score')!).filter((k) => k !== 'twin'));
  }

  /** A plan's row as read: its settings, its 10-year diabetes risk and its 10-year weight range. */
  async planRow(name: string): Promise<{ settings: string; t2d: string; weight: string }> {
    const cells = this.plan(name).locator('td');
    const text = async (i: number): Promise<string> => (await cells.nth(i).textContent())!.trim();
    return { settings: await text(0), t2d: await text(1), weight: await text(2) };
  }

  /** "Nov 29, 2010 – Feb 17, 2021" at the end of the data sources. */
  async dataRange(): Promise<string> {
    return (await this.page.getByTestId('summary-data-range').textContent())!;
  }

  plan(name: string): Locator {
    return this.plans.locator('tbody tr').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /**
   * Lays the page out as it prints on A4 (print media at the width inside the margins) and returns
   * the height of everything printed and the box of each part of the summary (its header, each
   * section and the AGP chart). The viewport is kept short, so the height is the content's own.
   */
  async printLayout(): Promise<{ height: number; parts: PartBox[] }> {
    const before = this.page.viewportSize();
    await this.page.setViewportSize({ width: Math.floor(A4_CONTENT_PX.width), height: 200 });
    await this.page.emulateMedia({ media: 'print' });
    // The chart redraws for paper on beforeprint; a resize is what print emulation gives it here.
    await this.page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    const layout = await this.page.evaluate(() => {
      const box = (part: string, el: Element): PartBox => {
        const r = el.getBoundingClientRect();
        return { part, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right };
      };
      const article = document.querySelector('article.summary')!;
      const parts = [...article.querySelectorAll(':scope > header, :scope > section')].map((el, i) =>
        box(el.getAttribute('aria-labelledby') ?? el.tagName.toLowerCase() + i, el),
      );
      const canvas = article.querySelector('[data-testid="agp"] canvas');
      if (canvas) parts.push(box('agp chart', canvas));
      return { height: document.documentElement.scrollHeight, parts };
    });
    await this.page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await this.page.emulateMedia({ media: 'screen' });
    if (before) await this.page.setViewportSize(before);
    return layout;
  }
}

/** Pairs of printed parts whose boxes overlap (touching edges, within half a pixel, do not count). */
export function overlaps(parts: PartBox[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++)
    for (let j = i + 1; j < parts.length; j++) {
      const [a, b] = [parts[i]!, parts[j]!];
      // The AGP chart lies inside the AGP section by design.
      if ((a.part === 'agp-title' && b.part === 'agp chart') || (b.part === 'agp-title' && a.part === 'agp chart')) continue;
      if (a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5 && a.left < b.right - 0.5 && b.left < a.right - 0.5)
        out.push(`${a.part} / ${b.part}`);
    }
  return out;
}
