import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBudget, htmlScripts, initialChunks } from '../../tools/build/budget.mjs';

/** A Vite-shaped build: index.html, minified chunks importing each other statically and dynamically. */
function syntheticDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'doppel-budget-'));
  mkdirSync(join(dist, 'assets'));
  const filler = (seed: number, n: number): string =>
    Array.from({ length: n }, (_, i) => `v${seed}_${i}=${(i * 2654435761 + seed) % 1000003}`).join(';');
  const files: Record<string, string> = {
    'index.html': `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-A1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/pre-B2.js">
<link rel="stylesheet" crossorigin href="/assets/index-C3.css">
<link rel="manifest" href="/manifest.webmanifest"></head><body></body></html>`,
    'assets/index-A1.js': `import{a as e}from"./shared-D4.js";import"./side-E5.js";export{b}from"./re-F6.js";const w=()=>import("./workbox-window.prod.es5-G7.js"),p=()=>import("./Page-H8.js");var ${filler(1, 400)};`,
    'assets/pre-B2.js': `var ${filler(2, 50)};export{v2_0 as x};`,
    'assets/shared-D4.js': `import*as d from"./deep-I9.js";var ${filler(3, 100)};export{v3_0 as a};`,
    'assets/side-E5.js': `var ${filler(4, 20)};`,
    'assets/re-F6.js': `export const b=1;`,
    'assets/deep-I9.js': `export const z=1;`,
    'assets/workbox-window.prod.es5-G7.js': `var ${filler(5, 30)};`,
    'assets/Page-H8.js': `import"./shared-D4.js";import"./lazy-only-J0.js";var ${filler(6, 5000)};`,
    'assets/lazy-only-J0.js': `var ${filler(7, 5000)};`,
    'assets/index-C3.css': `body{color:red}`,
  };
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dist, f), text);
  return dist;
}

const INITIAL = ['index-A1', 'pre-B2', 'shared-D4', 'side-E5', 're-F6', 'deep-I9', 'workbox-window.prod.es5-G7'].map(
  (n) => `assets/${n}.js`,
);

describe('initial-JS budget check (tools/build/budget.mjs)', () => {
  const dist = syntheticDist();
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('reads the scripts index.html loads, not its stylesheet or manifest', () => {
    expect(htmlScripts(readFileSync(join(dist, 'index.html'), 'utf8'))).toEqual(['/assets/index-A1.js', '/assets/pre-B2.js']);
  });

  it('counts the entry, its preloads and static imports (transitively) and the service-worker registration, not lazy chunks', async () => {
    const chunks = await initialChunks(dist);
    expect(chunks.map((c) => c.file).sort()).toEqual([...INITIAL].sort());
    for (const c of chunks) {
      const bytes = readFileSync(join(dist, c.file));
      expect(c).toEqual({ file: c.file, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length });
    }
  });

  it('passes within the budget and fails over it, saying by how much', async () => {
    const total = INITIAL.reduce((s, f) => s + gzipSync(readFileSync(join(dist, f)), { level: 6 }).length, 0);
    const within = await checkBudget(dist, total / 1024);
    expect(within.ok).toBe(true);
    expect(within.gzip).toBe(total);
    const over = await checkBudget(dist, (total - 103) / 1024);
    expect(over.ok).toBe(false);
    expect(over.message).toContain(`is over the ${(total - 103) / 1024} KB budget by 0.1 KB`);
  });

  it('as a command: exit 0 within budget, exit 1 with the reason over it or without a build', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['tools/build/budget.mjs', ...args], { encoding: 'utf8' });
    const ok = run('--dist', dist, '--budget-kb', '170');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/initial JS .* KB gzip .* is within the 170 KB budget/);
    const over = run('--dist', dist, '--budget-kb', '1');
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/initial JS .* KB gzip is over the 1 KB budget by/);
    const none = run('--dist', join(dist, 'missing'));
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('does not exist: build the app first');
  });
});
