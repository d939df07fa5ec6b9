/**
 * `npm run bench:ml [-- days,days]`: the glucose forecaster's training time and single-forecast
 * latency per TensorFlow.js backend, for 14 and 90 days of synthetic 5-minute CGM (tools/gen/cgm.ts):
 * in headless Chromium inside a module worker (wasm and cpu with default flags; webgpu through
 * SwiftShader with --enable-unsafe-webgpu, and reported as missing without it), and in Node
 * (cpu, wasm). A backend that cannot start is printed as missing with the reason.
 * Targets (issue 8): 90-day training < 20 s on wasm in headless Chromium; inference < 10 ms.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname } from 'node:path';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { findChromium } from '../test/chromium.mjs';
import { mlCase, type MlBenchRow } from './cases/ml.ts';

const days = (process.argv[2] ?? '14,90').split(',').map(Number);
type Outcome = { where: string; backend: string; rows?: MlBenchRow[]; missing?: string; error?: string };
const outcomes: Outcome[] = [];

const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
  process.exit(2);
}
const server = await createServer({
  configFile: false,
  root: process.cwd(),
  server: { host: '127.0.0.1', port: 0 },
  logLevel: 'error',
  worker: { format: 'es' },
  optimizeDeps: {
    entries: ['tools/bench/browser/ml.html'],
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgpu'],
  },
});
await server.listen();
const url = server.resolvedUrls!.local[0]!;
const base = ['--headless', '--no-sandbox', '--disable-background-networking'];
const onlyWebgpu = process.env.ML_BENCH_ONLY === 'webgpu';
const launches: [string, string[], string][] = onlyWebgpu
  ? [['chromium --enable-unsafe-webgpu', [...base, '--enable-unsafe-webgpu'], 'webgpu']]
  : [
      ['chromium (default flags)', [...base, '--disable-gpu'], 'wasm,webgl,cpu,webgpu'],
      ['chromium --enable-unsafe-webgpu', [...base, '--enable-unsafe-webgpu'], 'webgpu'],
    ];
let version = '';
try {
  for (const [where, args, backends] of launches) {
    const browser = await chromium.launch({ executablePath, args });
    version = browser.version();
    try {
      const page = await browser.newPage();
      await page.goto(`${url}tools/bench/browser/ml.html?backends=${backends}&days=${days.join(',')}`);
      const handle = await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench, undefined, {
        timeout: 1_200_000,
      });
      for (const o of (await handle.jsonValue()) as Omit<Outcome, 'where'>[]) outcomes.push({ where, ...o });
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}

// Node: cpu, then wasm (its .wasm read from node_modules).
setWasmPaths(`${dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
for (const backend of ['cpu', 'wasm']) {
  try {
    if (!(await tf.setBackend(backend))) throw new Error('setBackend returned false');
    const rows: MlBenchRow[] = [];
    for (const d of days) rows.push(await mlCase(tf, backend, d));
    outcomes.push({ where: `node ${process.version}`, backend, rows });
  } catch (e) {
    outcomes.push({ where: `node ${process.version}`, backend, missing: e instanceof Error ? e.message : String(e) });
  }
}

console.log(
  `Chromium ${version}, Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${new Date().toISOString()}\n`,
);
console.log(
  '| where | backend | days | train both horizons, s | epochs 30/60 | windows | one forecast, ms (median / max of 50 × 10) | held-out RMSE mg/dL 30 · 60 min (model / persistence / linear) | beats both |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
let failed = false;
for (const o of outcomes) {
  if (!o.rows) {
    console.log(`| ${o.where} | ${o.backend} | – | **missing**: ${o.missing ?? o.error} | | | | | |`);
    if (o.error) failed = true;
    continue;
  }
  for (const r of o.rows) {
    console.log(
      `| ${o.where} | ${o.backend} | ${r.days} | ${(r.trainMs / 1000).toFixed(1)} | ${r.epochs} | ${r.windows} | ${r.inferMedianMs.toFixed(2)} / ${r.inferMaxMs.toFixed(2)} | ${r.rmse} | ${r.beats} |`,
    );
  }
}
const wasm90 = outcomes.find((o) => o.where.startsWith('chromium') && o.backend === 'wasm')?.rows?.find((r) => r.days === 90);
const infer = outcomes.filter((o) => o.where.startsWith('chromium')).flatMap((o) => o.rows ?? []);
console.log('');
if (wasm90) {
  const ok = wasm90.trainMs < 20_000;
  failed ||= !ok;
  console.log(`target: 90-day training on wasm in Chromium < 20 s: ${(wasm90.trainMs / 1000).toFixed(1)} s ${ok ? 'PASS' : 'FAIL'}`);
} else if (days.includes(90)) {
  failed = true;
  console.log('target: 90-day training on wasm in Chromium < 20 s: FAIL (no wasm result in Chromium)');
}
for (const r of infer) {
  const ok = r.inferMedianMs < 10;
  failed ||= !ok;
  console.log(`target: inference < 10 ms (${r.backend}, ${r.days} d): median ${r.inferMedianMs.toFixed(2)} ms ${ok ? 'PASS' : 'FAIL'}`);
}
process.exit(failed ? 1 : 0);
