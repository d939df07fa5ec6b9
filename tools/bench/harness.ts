/** A small benchmark harness: warm-up, timed repetitions, median and spread, one table. */
export interface BenchResult {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Optional throughput, e.g. samples/s, computed from the median. */
  rate?: string;
  note?: string;
}

export interface BenchCase {
  name: string;
  runs?: number;
  warmup?: number;
  /** Per-run setup outside the timed region. */
  setup?: () => Promise<unknown> | unknown;
  run: (state: unknown) => Promise<unknown> | unknown;
  /** Items processed per run, to report a rate. */
  items?: number;
  unit?: string;
  note?: string;
}

export async function bench(c: BenchCase): Promise<BenchResult> {
  const runs = c.runs ?? 7;
  for (let i = 0; i < (c.warmup ?? 1); i++) await c.run(await c.setup?.());
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const state = await c.setup?.();
    const t0 = performance.now();
    await c.run(state);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const r: BenchResult = { name: c.name, runs, medianMs: median, minMs: times[0]!, maxMs: times[times.length - 1]! };
  if (c.items) r.rate = `${formatRate((c.items / median) * 1000)} ${c.unit ?? 'items'}/s`;
  if (c.note) r.note = c.note;
  return r;
}

function formatRate(x: number): string {
  return x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(1);
}

export function table(results: BenchResult[]): string {
  const head = '| case | runs | median ms | min ms | max ms | rate | note |\n|---|---|---|---|---|---|---|';
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.runs} | ${r.medianMs.toFixed(1)} | ${r.minMs.toFixed(1)} | ${r.maxMs.toFixed(1)} | ${r.rate ?? ''} | ${r.note ?? ''} |`,
  );
  return [head, ...rows].join('\n');
}
