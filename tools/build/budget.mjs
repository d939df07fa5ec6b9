#!/usr/bin/env node
// The initial-JS budget of the built app (issue 6: ≤ 170 KB gzip for the first screen), checked on
// the Vite build output without a browser, so `npm test` fails when a change goes over it.
//
// Initial JS = the scripts dist/index.html loads (<script src>, <link rel="modulepreload">), every
// chunk they import statically (import declarations, `export … from`; found by esbuild's parser,
// not by a regular expression), and the chunks the app imports dynamically at start-up anyway
// (LOADED_AT_START: the service-worker registration). Each is gzipped at level 6, as a server sends
// it and as `npm run bench:ui` measures in Chromium; KB = 1024 bytes.
//
// `node tools/build/budget.mjs [--dist dist] [--budget-kb 170]`: prints the chunks and the total;
// exits 1 with the reason when over budget or when the build output cannot be read.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 170;

/** Chunks imported with import() that the first screen still loads (file name prefixes). */
export const LOADED_AT_START = ['workbox-window'];

/** The script URLs index.html loads: module and classic <script src>, <link rel="modulepreload">. */
export function htmlScripts(html) {
  const urls = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
    if (/^<script/i.test(tag) && attr('src')) urls.push(attr('src'));
    else if (/^<link/i.test(tag) && attr('rel')?.split(/\s+/).includes('modulepreload') && attr('href')) urls.push(attr('href'));
  }
  return urls.filter((u) => !/^[a-z]+:\/\//i.test(u) && !u.startsWith('//'));
}

/** The relative imports of one built chunk, static and dynamic, as esbuild's parser reads them. */
async function importsOf(file) {
  const esbuild = await import('esbuild');
  const r = await esbuild.build({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    external: ['*'],
    format: 'esm',
    logLevel: 'silent',
  });
  const input = Object.values(r.metafile.inputs)[0];
  return (input?.imports ?? [])
    .filter((i) => i.path.startsWith('.') || i.path.startsWith('/'))
    .map((i) => ({ path: i.path, dynamic: i.kind === 'dynamic-import' }));
}

/**
 * The initial chunks of the build in `dist`: path relative to dist, raw bytes and gzip bytes, in the
 * order they were found. Throws when index.html or a chunk it needs is missing.
 */
export async function initialChunks(dist) {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) throw new Error(`${index} does not exist: build the app first (npx vite build)`);
  const fromUrl = (url, base) => (url.startsWith('/') ? join(dist, url) : resolve(base, url));
  const queue = htmlScripts(readFileSync(index, 'utf8')).map((u) => fromUrl(u.split(/[?#]/)[0], dist));
  const seen = new Set();
  const chunks = [];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) throw new Error(`${relative(dist, file)} is loaded at start but is not in ${dist}`);
    const bytes = readFileSync(file);
    chunks.push({ file: relative(dist, file), raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length });
    for (const i of await importsOf(file)) {
      const target = fromUrl(i.path, dirname(file));
      const name = target.split('/').pop();
      if (!i.dynamic || LOADED_AT_START.some((p) => name.startsWith(p))) queue.push(target);
    }
  }
  return chunks;
}

/** Checks the build in `dist` against `budgetKb`; `message` says what was measured and whether it fits. */
export async function checkBudget(dist, budgetKb = BUDGET_KB) {
  const chunks = await initialChunks(dist);
  const gzip = chunks.reduce((s, c) => s + c.gzip, 0);
  const raw = chunks.reduce((s, c) => s + c.raw, 0);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const ok = gzip <= budgetKb * 1024;
  const lines = chunks.map((c) => `  ${c.file}: ${kb(c.gzip)} gzip (${kb(c.raw)} raw)`);
  const verdict = ok
    ? `initial JS ${kb(gzip)} gzip (${kb(raw)} raw, ${chunks.length} scripts) is within the ${budgetKb} KB budget`
    : `initial JS ${kb(gzip)} gzip is over the ${budgetKb} KB budget by ${kb(gzip - budgetKb * 1024)} (${chunks.length} scripts, ${kb(raw)} raw): move code behind a dynamic import() or drop a dependency`;
  return { ok, gzip, raw, chunks, message: [...lines, verdict].join('\n') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opt = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const budgetKb = Number(opt('budget-kb', BUDGET_KB));
  try {
    const r = await checkBudget(resolve(opt('dist', 'dist')), budgetKb);
    if (r.ok) console.log(r.message);
    else console.error(r.message);
    process.exit(r.ok ? 0 : 1);
  } catch (e) {
    console.error(`bundle budget: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
