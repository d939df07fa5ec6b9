#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, production build and its bundle budget, end-to-end tests in Chromium.
// Ends with one line "N passed, N failed" adding unit and e2e results; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './chromium.mjs';

const OUT = '.test-out';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

/** Runs a command with inherited output; returns true on exit 0. */
function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) console.error(r.error.message);
  return r.status === 0;
}

function ensureChromium() {
  let path = findChromium();
  if (path) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium package (apt-get install -y chromium).");
    run('apt-get update', 'apt-get', ['update']);
    run('install chromium', 'apt-get', ['install', '-y', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
    path = findChromium();
    if (path) return path;
  }
  console.error(
    '\nNo Chromium found for the end-to-end tests. Install one with:\n\n  sudo apt-get install -y chromium\n\nor set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
  return undefined;
}

let passed = 0,
  failed = 0,
  skipped = 0;
const failures = [];
const check = (label, ok) => {
  if (!ok) {
    failed++;
    failures.push(label);
  }
};

check('typecheck', run('Typecheck', 'npm', ['run', '--silent', 'typecheck']));
check('lint', run('Lint', 'npm', ['run', '--silent', 'lint']));
check('format', run('Format (Prettier)', 'npm', ['run', '--silent', 'format:check']));

const unitJson = join(OUT, 'unit.json');
const unitOk = run('Unit tests (Vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitJson}`,
]);
if (existsSync(unitJson)) {
  const u = JSON.parse(readFileSync(unitJson, 'utf8'));
  passed += u.numPassedTests;
  failed += u.numFailedTests;
  skipped += u.numPendingTests + u.numTodoTests;
  if (!unitOk && u.numFailedTests === 0) check('unit test run', false);
} else check('unit test run', unitOk);

// Every published reference case, as researchers run it (docs/cli.md `validate`).
check('validate', run('Validation (published worked examples)', 'npm', ['run', '--silent', 'cli', '--', 'validate']));

const chromium = ensureChromium();
if (!chromium) {
  check('chromium', false);
} else if (!run('Build', 'npx', ['vite', 'build'])) {
  check('build', false);
} else {
  // Issue 6's budget: the first screen's JS ≤ 170 KB gzip, read from the build output.
  check('bundle budget', run('Bundle budget (initial JS, gzip)', 'node', ['tools/build/budget.mjs']));
  const e2eJson = join(OUT, 'e2e.json');
  const e2eOk = run('End-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], {
    CHROMIUM_PATH: chromium,
    PW_JSON_OUTPUT: e2eJson,
  });
  if (existsSync(e2eJson)) {
    const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
    passed += s.expected;
    failed += s.unexpected + s.flaky;
    skipped += s.skipped;
    if (!e2eOk && s.unexpected + s.flaky === 0) check('e2e test run', false);
  } else check('e2e test run', e2eOk);
}

if (failures.length) console.log(`\nFailed checks: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
