import type { Locator } from '@playwright/test';

/** What a drawn chart shows, read from its Chart.js instance (the labels as drawn, not the props given). */
export interface ChartState {
  /** The x axis' tick labels, as drawn. */
  xTicks: string[];
  xMin: number;
  xMax: number;
  yMin: number;
  datasets: { type: string; tension: number; pointRadius: number; showLine: boolean; n: number; inView: number; minInView: number }[];
}

/**
 * Reads the chart drawn on `canvas` by Chart.getChart. The app exposes nothing for this: the test
 * imports the app's own Chart.js module again (an ES module already loaded is the same instance,
 * not run twice) from the chart chunks the page has fetched, and finds the class by its static
 * `getChart`. Only chunks named for charts are imported (never a worker's script).
 */
export async function readChart(canvas: Locator): Promise<ChartState> {
  return canvas.evaluate(async (el) => {
    type Scale = { min: number; max: number; ticks: { label: string | string[] }[] };
    type DS = { type?: string; tension?: number; pointRadius?: number; showLine?: boolean; data: { x: number; y: number }[] };
    type ChartLike = { scales: Record<string, Scale>; data: { datasets: DS[] }; config: { type: string } };
    type ChartClass = { getChart(c: HTMLCanvasElement): ChartLike | undefined };
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => new URL(u).origin === location.origin && /\/assets\/[^/]*chart[^/]*\.js$/i.test(u));
    for (const u of urls) {
      const mod = (await import(u)) as Record<string, unknown>;
      for (const v of Object.values(mod)) {
        const c = typeof v === 'function' && 'getChart' in v ? (v as unknown as ChartClass).getChart(el as HTMLCanvasElement) : undefined;
        if (!c) continue;
        const x = c.scales.x!,
          y = c.scales.y!;
        return {
          xTicks: x.ticks.map((t) => (Array.isArray(t.label) ? t.label.join(' ') : t.label)),
          xMin: x.min,
          xMax: x.max,
          yMin: y.min,
          datasets: c.data.datasets.map((d) => {
            const ys = d.data.filter((p) => p.x >= x.min && p.x <= x.max).map((p) => p.y);
            return {
              type: d.type ?? c.config.type,
              tension: d.tension ?? 0,
              pointRadius: d.pointRadius ?? 0,
              showLine: d.showLine ?? true,
              n: d.data.length,
              inView: ys.length,
              minInView: Math.min(...ys),
            };
          }),
        };
      }
    }
    throw new Error(`no Chart.js chart on this canvas (chart modules seen: ${urls.join(', ')})`);
  });
}
