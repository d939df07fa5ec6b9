import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The CLI as users run it: a separate Node process through tsx. */
function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI', () => {
  it('demo --json prints one JSON document with the contract report shape', () => {
    const r = cli('demo', '--json', '--end-day', '2026-11-21', '--offset', '60');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.imports).toEqual([{ file: 'Demo person (synthetic)', format: 'doppel-demo', added: 7202, duplicates: 0, rejected: [], ignored: {} }]);
    expect(out.metrics.cgm_glucose).toMatchObject({ count: 4032, unit: 'mg/dL', first: '2026-11-08T00:02:00+01:00', last: '2026-11-21T23:57:00+01:00' });
    expect(out.metrics.steps.count).toBe(730);
    expect(Object.keys(out.daily).sort()).toEqual(['exercise_minutes', 'steps']);
    expect(Object.keys(out.daily.steps)).toHaveLength(730);
    expect(out.daily.steps['2026-11-21']).toBeGreaterThan(0);
    expect(out.profile).toEqual({ birthDate: '1974-08-16', sex: 'male', heightCm: 178 });
  }, 60_000);

  it.each([
    [['frobnicate', '--json'], 'unknown command "frobnicate" (commands: import, demo, help)'],
    [['demo', '--json', '--end-day', 'tomorrow'], '--end-day "tomorrow" is not YYYY-MM-DD'],
    [['demo', '--json', '--offset', '9999'], '--offset 9999 is not whole minutes within ±840'],
    [['demo', '--json', '--seed'], '--seed needs a value'],
  ])('exits 2 with a one-line reason for %j', (args, reason) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: reason });
    expect(r.stderr.trim()).toBe(`doppel: ${reason}`);
  }, 60_000);

  it('help lists the commands', () => {
    const r = cli('help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('demo [--json]');
  });
});
