import { defineConfig } from '@playwright/test';
import { findChromium } from './tools/test/chromium.mjs';

const executablePath = findChromium();
// PW_PORT lets several checkouts run their end-to-end tests side by side.
const PORT = Number(process.env.PW_PORT ?? 4173);
const baseArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export default defineConfig({
  testDir: 'test/e2e',
  // Safety nets against a hung test, not budgets: the suite must pass on a busy 2-core machine, so
  // specs wait on what the app shows (a settled signal, a result) and set no tighter limits of their
  // own (test/unit/timeouts.test.ts checks).
  timeout: 10 * 60_000,
  expect: { timeout: 2 * 60_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: process.env.PW_JSON_OUTPUT ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      // Default flags: no WebGPU adapter in headless Chromium here, so tfjs must fall back to wasm.
      name: 'chromium',
      use: { launchOptions: { executablePath, args: [...baseArgs, '--disable-gpu'] } },
      metadata: { expectedBackend: 'wasm' },
    },
    {
      // --enable-unsafe-webgpu exposes a SwiftShader WebGPU adapter: tfjs must pick webgpu.
      name: 'chromium-webgpu',
      grep: /@backend/,
      use: { launchOptions: { executablePath, args: [...baseArgs, '--enable-unsafe-webgpu'] } },
      metadata: { expectedBackend: 'webgpu' },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
