import { appendFileSync, mkdirSync } from 'node:fs';
import { test, expect } from './support/privacy.ts';
import { AppPage, DevicePage } from './pages/app-page.ts';

test('@backend the ml worker loads tfjs lazily and runs on the expected backend', async ({ page, privacy }, info) => {
  const app = new AppPage(page);
  await app.goto();
  // tfjs is not part of the first screen.
  expect(privacy.all.filter((u) => /tfjs|\.wasm/.test(u))).toEqual([]);
  const device = new DevicePage(page);
  await device.open();
  const backend = await device.runMlCheck();
  const expected = info.project.metadata.expectedBackend as string;
  info.annotations.push({ type: 'tfjs-backend', description: backend });
  mkdirSync('test-results', { recursive: true });
  appendFileSync(
    'test-results/backends.jsonl',
    `${JSON.stringify({ project: info.project.name, backend, at: new Date().toISOString() })}\n`,
  );
  console.log(`[${info.project.name}] tfjs backend: ${backend}`);
  expect(backend).toBe(expected);
  if (backend === 'wasm') expect(privacy.all.some((u) => u.endsWith('.wasm'))).toBe(true);
});
