import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * `cli help` starts fast because it loads no command module: each command's models and store load
 * only when it runs (tools/cli/commands/index.ts). A module hook reports every file Node loads.
 */
const HOOK = `export async function load(url, context, next) {
  if (url.startsWith('file:')) process.stderr.write('LOADED ' + url + '\\n');
  return next(url, context);
}`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify('data:text/javascript,' + encodeURIComponent(HOOK))});`;

function loadedBy(args: string[]): string[] {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, 'tools/cli/main.ts', ...args],
    {
      encoding: 'utf8',
    },
  );
  return r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length).replace(/^.*?\/(tools|models|src|node_modules)\//, '$1/'));
}

describe('CLI start-up', () => {
  it('help loads no command, no model beyond text helpers, no store and no IndexedDB', () => {
    const loaded = loadedBy(['help']);
    expect(loaded).toContain('tools/cli/commands/index.ts');
    expect(loaded.filter((f) => f.startsWith('tools/cli/commands/') && !f.endsWith('/index.ts'))).toEqual([]);
    expect(loaded.filter((f) => f.startsWith('src/') || f.startsWith('node_modules/'))).toEqual([]);
  });

  it('a command loads its own module and what it needs, and no other command', () => {
    const loaded = loadedBy(['risk', '--help']);
    expect(loaded.filter((f) => f.startsWith('tools/cli/commands/') && !f.endsWith('/index.ts'))).toEqual([]);
    const run = loadedBy(['risk', '--json', 'no-such-file.json']);
    expect(run).toContain('tools/cli/commands/risk.ts');
    expect(run).toContain('models/risk/report.ts');
    expect(run.filter((f) => /commands\/(import|demo|simulate|cohort|validate)\.ts$/.test(f))).toEqual([]);
    expect(run.some((f) => f.includes('fake-indexeddb'))).toBe(false);
  });
});
