import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    [['frobnicate', '--json'], 'unknown command "frobnicate" (commands: import, risk, validate, demo, help)'],
    [['demo', '--json', '--end-day', 'tomorrow'], '--end-day "tomorrow" is not YYYY-MM-DD'],
    [['demo', '--json', '--offset', '9999'], '--offset 9999 is not whole minutes within ±840'],
    [['demo', '--json', '--seed'], '--seed needs a value'],
  ])('exits 2 with a one-line reason for %j', (args, reason) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ error: reason });
    expect(r.stderr.trim()).toBe(`doppel: ${reason}`);
  }, 60_000);

  it('help lists the commands, and each command has its own --help', () => {
    const r = cli('help');
    expect(r.code).toBe(0);
    for (const c of ['import [--json] FILE...', 'risk [--json] PROFILE.json', 'validate [--json]', 'demo [--json]']) expect(r.stdout).toContain(c);
    const h = cli('risk', '--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('one profile or an array of profiles');
  });

  it('risk --json scores one profile, and an array in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doppel-cli-'));
    const one = { sex: 'male', age: 45, bmi: 35 };
    writeFileSync(join(dir, 'one.json'), JSON.stringify(one));
    const r = cli('risk', '--json', join(dir, 'one.json'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.qdiabetes2018).toEqual({ A: 9.88593, B: null, C: null });
    expect(out.warnings).toContain('qdiabetes2018 B: needs fastingGlucoseMgDl; not computed');
    expect(out.pce).toBeNull();
    writeFileSync(join(dir, 'many.json'), JSON.stringify([one, { ...one, age: 35 }, { sex: 'female', age: 50, totalCholesterolMgDl: 200, hdlMgDl: 45, systolicBpMmHg: 160, bpMedication: true, diabetes: true, egfr: 90, bmi: 35 }]));
    const many = JSON.parse(cli('risk', '--json', join(dir, 'many.json')).stdout);
    expect(many).toHaveLength(3);
    expect(many[1].qdiabetes2018.A).toBeLessThan(many[0].qdiabetes2018.A);
    expect(many[2].prevent.base10y).toEqual({ cvd: 14.68, ascvd: 9.2, hf: 8.06 });
    expect(many[2].qdiabetes2018.A).toBeNull();
    expect(many[2].warnings).toContain('qdiabetes2018: already has diabetes (the score predicts new diabetes); not computed');
  }, 60_000);

  it.each([
    ['not JSON', '{sex:', /not valid JSON/],
    ['a bad field', '{"sex":"female","age":"fifty"}', /profile\.age must be a finite number/],
    ['a bad array element', '[{"sex":"female"},{"smoking":"sometimes"}]', /profile\[1\]\.smoking "sometimes" is not one of/],
  ])('risk exits 2 on %s', (_, text, reason) => {
    const dir = mkdtempSync(join(tmpdir(), 'doppel-cli-'));
    writeFileSync(join(dir, 'p.json'), text);
    const r = cli('risk', '--json', join(dir, 'p.json'));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatch(reason);
  }, 60_000);

  it('validate passes every published case and says so', () => {
    const r = cli('validate', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.failed).toBe(0);
    expect(out.passed).toBeGreaterThanOrEqual(37);
    expect(out.cases[0]).toEqual({ case: expect.any(String), source: expect.any(String), expected: expect.any(Number), got: expect.any(Number), tolerance: expect.any(Number), pass: true });
    const human = cli('validate');
    expect(human.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  }, 60_000);
});
