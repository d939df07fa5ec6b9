#!/usr/bin/env node
// The CLI's bundle: esbuild turns tools/cli/main.ts and everything it imports (models/, src/, the
// npm packages) into one ES module, dist-cli/doppel.mjs, so that `npm run cli` starts Node on plain
// JavaScript instead of transpiling TypeScript at every run (tsx: ~3 s before any work).
//
// `ensureCli()` rebuilds only when the bundle is missing or stale: beside the bundle,
// doppel.inputs.json records every file that went into it (from esbuild's metafile) with its size and
// mtime, plus the files that decide how it is built (this script, package.json, the lockfiles, the
// tsconfig). Any change to one of them, a file gone, or another esbuild version, and the next run
// rebuilds (~0.3-1 s). No install script is involved: a fresh clone builds on its first `npm run cli`.
//
// `node tools/build/cli.mjs` builds unconditionally and prints the bundle's size.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ENTRY = join(ROOT, 'tools/cli/main.ts');
export const DEFAULT_OUTFILE = join(ROOT, 'dist-cli/doppel.mjs');

/** Files that change how the bundle is built, though esbuild does not list them as inputs. */
const BUILD_FILES = ['tools/build/cli.mjs', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json'];

const inputsFile = (outfile) => outfile.replace(/\.mjs$/, '') + '.inputs.json';

/** Size and mtime of a file, or null when it does not exist. */
function signature(path) {
  try {
    const s = statSync(path);
    return [s.size, s.mtimeMs];
  } catch {
    return null;
  }
}

/** Why the bundle at `outfile` must be (re)built, or null when it is up to date. */
export function staleReason(outfile = DEFAULT_OUTFILE, esbuildVersion = installedEsbuildVersion()) {
  if (!signature(outfile)) return `${relative(ROOT, outfile)} does not exist`;
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(inputsFile(outfile), 'utf8'));
  } catch {
    return `${relative(ROOT, inputsFile(outfile))} is missing or unreadable`;
  }
  if (recorded.esbuild !== esbuildVersion) return `esbuild ${esbuildVersion} differs from ${recorded.esbuild}`;
  for (const [path, sig] of Object.entries(recorded.files ?? {})) {
    const now = signature(join(ROOT, path));
    if (JSON.stringify(now) !== JSON.stringify(sig)) return `${path} changed`;
  }
  return null;
}

/** The esbuild version in node_modules, read without loading esbuild (which costs ~50 ms). */
function installedEsbuildVersion() {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules/esbuild/package.json'), 'utf8')).version;
  } catch {
    return 'missing';
  }
}

/**
 * Bundles the CLI into `outfile` (written under a temporary name, then renamed, so a run started
 * at the same moment never loads half a file). Returns the bundle's size in bytes.
 */
export async function buildCli(outfile = DEFAULT_OUTFILE) {
  const esbuild = await import('esbuild');
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp.mjs`;
  const started = Date.now();
  try {
    const result = await esbuild.build({
      entryPoints: [ENTRY],
      outfile: tmp,
      absWorkingDir: ROOT,
      bundle: true,
      // Every package bundled: one file to parse beats Node resolving and loading ~60 modules
      // from node_modules at each start (measured in docs/benchmarks.md).
      platform: 'node',
      format: 'esm',
      target: 'node20',
      metafile: true,
      logLevel: 'warning',
      legalComments: 'none',
      // Packages written as CommonJS call require() and read __dirname (sql.js, at start); an ES
      // module has neither, so give it both.
      banner: {
        js:
          "import { createRequire as __doppelRequire } from 'node:module'; const require = __doppelRequire(import.meta.url);" +
          " const __dirname = new URL('.', import.meta.url).pathname;",
      },
    });
    const files = {};
    for (const path of [...Object.keys(result.metafile.inputs), ...BUILD_FILES]) {
      const sig = signature(join(ROOT, path));
      // A file edited while esbuild read it may be in the bundle in its old form: mark it stale.
      if (sig) files[path] = sig[1] >= started ? [-1, -1] : sig;
    }
    renameSync(tmp, outfile);
    const record = `${inputsFile(outfile)}.${process.pid}.tmp`;
    writeFileSync(record, JSON.stringify({ esbuild: esbuild.version, files }, null, 1));
    renameSync(record, inputsFile(outfile));
    return statSync(outfile).size;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The bundle's path, after rebuilding it when it is missing or stale. */
export async function ensureCli(outfile = DEFAULT_OUTFILE) {
  const why = staleReason(outfile);
  if (why) {
    if (process.env.DOPPEL_CLI_BUILD_LOG) process.stderr.write(`doppel: rebuilding the CLI bundle (${why})\n`);
    await buildCli(outfile);
  }
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outfile = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUTFILE;
  const bytes = await buildCli(outfile);
  console.log(`${relative(process.cwd(), outfile)}: ${(bytes / 1024).toFixed(1)} KB`);
}
