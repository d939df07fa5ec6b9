/**
 * `npm run bench:import [-- 100 1000]`: generates Apple Health exports of the given sizes in MB
 * (default 100 and 1000) under .bench-out/ if missing, then measures the import in Node and in
 * headless Chromium (the built app: run `npx vite build` first). Prints markdown tables for
 * docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import { benchFile, importTable, type ImportBenchRow } from './import-node.ts';
import { benchBrowser } from './import-browser.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const files: string[] = [];
for (const mb of sizes.length ? sizes : [100, 1000]) {
  const out = `.bench-out/export-${mb}mb.xml`;
  if (!existsSync(out) || Math.abs(statSync(out).size - mb * 1e6) > mb * 1e4) {
    execFileSync(process.execPath, ['--import', 'tsx', 'tools/gen/apple-health.ts', '--mb', String(mb), '--out', out], {
      stdio: 'inherit',
    });
  }
  files.push(out);
}
if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });

const node: ImportBenchRow[] = [];
for (const f of files) node.push(...(await benchFile(f, statSync(f).size < 300e6)));
const { rows, version } = await benchBrowser(files);
console.log(
  `Node ${process.version} and Chromium ${version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30) | 0} GiB, ${new Date().toISOString()}\n`,
);
console.log(importTable([...node, ...rows]));
for (const f of files) {
  const parse = rows.find((r) => r.file === f && r.mode.startsWith('Chromium parse'));
  const e2e = rows.find((r) => r.file === f && r.mode.startsWith('Chromium end'));
  if (parse && e2e) console.log(`\n${f}: Chromium end to end = ${((100 * e2e.mbPerS) / parse.mbPerS).toFixed(0)} % of parse-only`);
}
