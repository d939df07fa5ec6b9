import { bench, type BenchResult } from '../harness.ts';
import { storeCases } from '../cases/store.ts';
import { twinCases } from '../cases/twin.ts';
import { shareCases } from '../cases/share.ts';

self.onmessage = async (e: MessageEvent<{ days: number; only?: string }>) => {
  try {
    const results: BenchResult[] = [];
    if (e.data.only === 'share') {
      for (const c of shareCases({ runs: 3, label: 'chromium/IndexedDB share' })) results.push(await bench(c));
      self.postMessage({ ok: true, results });
      return;
    }
    for (const c of twinCases({ runs: 9, cohort: false })) results.push(await bench(c));
    if (e.data.only === 'twin') {
      self.postMessage({ ok: true, results });
      return;
    }
    for (const c of storeCases({ days: e.data.days, runs: 3, label: 'chromium/IndexedDB' })) results.push(await bench(c));
    self.postMessage({ ok: true, results });
  } catch (err) {
    self.postMessage({ ok: false, error: err instanceof Error ? err.stack : String(err) });
  }
};
