/**
 * A meta-test: no test depends on a wall-clock budget. The suite must pass on a busy 2-core machine,
 * so tests wait on what they check (an event, a settled signal, a result) under the runners' generous
 * safety nets (vitest.config.ts, playwright.config.ts), and none sets a tighter limit or sleeps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Lines matching any pattern, as "file:line: text". */
function offenders(dir: string, patterns: RegExp[]): string[] {
  return files(join(ROOT, dir)).flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((l, i) => (patterns.some((p) => p.test(l)) ? [`${relative(ROOT, f)}:${i + 1}: ${l.trim()}`] : [])),
  );
}

describe('no test depends on a wall-clock budget', () => {
  it('unit tests set no timeout of their own', () => {
    // `it(name, fn, 30_000)` ends a test with "}, 30_000);"; `{ timeout: … }` is the options form.
    const self = relative(ROOT, __filename);
    expect(offenders('test/unit', [/^\s*\}, \d[\d_]*\);/, /\btimeout: \d/]).filter((l) => !l.startsWith(self))).toEqual([]);
  });

  it('end-to-end tests set no timeout of their own and never sleep', () => {
    // `timeout: 0` is no limit at all (a wait as long as the runner's safety net), which is allowed.
    expect(offenders('test/e2e', [/\btimeout: [1-9]/, /\btest\.setTimeout\(/, /\bwaitForTimeout\(/, /\{ timeout \}/])).toEqual([]);
  });

  it('the runners’ safety nets are generous (minutes, not seconds)', () => {
    const vitest = readFileSync(join(ROOT, 'vitest.config.ts'), 'utf8');
    expect(vitest).toMatch(/testTimeout: 600_000/);
    const pw = readFileSync(join(ROOT, 'playwright.config.ts'), 'utf8');
    expect(pw).toMatch(/timeout: 10 \* 60_000/);
    expect(pw).toMatch(/expect: \{ timeout: 2 \* 60_000 \}/);
  });
});
