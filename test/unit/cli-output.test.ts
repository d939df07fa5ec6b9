import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The CLI with its stdout on a real pipe (pipe(2), made by the shell) into `cat`, as in
 * `npm run --silent cli -- risk --json many.json | jq`. A pipe holds 64 KiB; Node writes the rest
 * asynchronously, so an exit before stdout drains cuts the document. Returns what came out of the
 * pipe and the CLI's own exit status (not cat's).
 */
function cliThroughPipe(dir: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const codeFile = join(dir, 'status');
  const script = '{ "$0" --import tsx tools/cli/main.ts "$@"; echo "$?" > "$DOPPEL_STATUS"; } | cat';
  const r = spawnSync('sh', ['-c', script, process.execPath, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, DOPPEL_STATUS: codeFile },
  });
  expect(r.status).toBe(0); // cat's
  return { code: Number(readFileSync(codeFile, 'utf8').trim()), stdout: r.stdout, stderr: r.stderr };
}

describe('CLI output through a pipe', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doppel-pipe-'));

  it('risk --json of many profiles arrives whole: one parseable document far over 64 KiB', () => {
    const profile = {
      sex: 'female',
      age: 50,
      totalCholesterolMgDl: 200,
      hdlMgDl: 45,
      systolicBpMmHg: 160,
      bpMedication: true,
      diabetes: true,
      egfr: 90,
      bmi: 35,
    };
    const profiles = Array.from({ length: 1500 }, (_, i) => ({ ...profile, age: 40 + (i % 30) }));
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify(profiles));
    const r = cliThroughPipe(dir, 'risk', '--json', file);
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(16 * 64 * 1024);
    const out = JSON.parse(r.stdout) as { prevent: unknown }[];
    expect(out).toHaveLength(1500);
    expect(out.at(-1)!.prevent).toEqual(out[1499 - 30]!.prevent); // same inputs, same scores, to the last element
  });

  it('simulate --json with daily weights (just over 64 KiB) arrives whole, and the exit status survives', () => {
    const profile = join(dir, 'p.json');
    writeFileSync(
      profile,
      JSON.stringify({ sex: 'male', age: 40, heightCm: 180, weightKg: 90, fastingGlucoseMgDl: 100, hba1cPercent: 5.6 }),
    );
    const r = cliThroughPipe(dir, 'simulate', '--json', profile, '--years', '50', '--deterministic');
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeGreaterThan(64 * 1024);
    expect(JSON.parse(r.stdout).daily.weightKg).toHaveLength(50 * 365 + 1);
    const bad = cliThroughPipe(dir, 'simulate', '--json', join(dir, 'missing.json'));
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({ error: `${join(dir, 'missing.json')}: cannot be read (no such file)` });
  });
});

/**
 * The CLI writing into a pipe whose reader stops early (`| head -c 100`) or onto a full disk
 * (/dev/full): its output is cut, so its exit status must not say success.
 */
describe('CLI output that cannot be written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doppel-pipe-'));
  const profiles = join(dir, 'many.json');
  const profile = { sex: 'male', age: 50, totalCholesterolMgDl: 200, hdlMgDl: 45, systolicBpMmHg: 140, bpMedication: false };
  writeFileSync(profiles, JSON.stringify(Array.from({ length: 1500 }, (_, i) => ({ ...profile, age: 40 + (i % 30) }))));

  function run(redirect: string): { code: number; stdout: string; stderr: string } {
    const codeFile = join(dir, 'status');
    const script = `{ "$0" --import tsx tools/cli/main.ts risk --json "$1" ${redirect}; echo "$?" > "$DOPPEL_STATUS"; }`;
    const r = spawnSync('sh', ['-c', script, process.execPath, profiles], {
      encoding: 'utf8',
      env: { ...process.env, DOPPEL_STATUS: codeFile },
    });
    return { code: Number(readFileSync(codeFile, 'utf8').trim()), stdout: r.stdout, stderr: r.stderr };
  }

  it('a reader that closes the pipe early (EPIPE): exit 1 and a reason on stderr', () => {
    const codeFile = join(dir, 'status-head');
    // The CLI's stdout is a real pipe into `head`, which reads 100 bytes and exits (closing the pipe).
    const script = '{ "$0" --import tsx tools/cli/main.ts risk --json "$1"; echo "$?" > "$DOPPEL_STATUS"; } | head -c 100';
    const r = spawnSync('sh', ['-c', script, process.execPath, profiles], {
      encoding: 'utf8',
      env: { ...process.env, DOPPEL_STATUS: codeFile },
    });
    expect(r.stdout).toHaveLength(100);
    expect(Number(readFileSync(codeFile, 'utf8').trim())).toBe(1);
    expect(r.stderr).toContain('doppel: the output could not be written (EPIPE): it is incomplete');
  });

  it.runIf(existsSync('/dev/full'))('a full disk (ENOSPC, /dev/full): exit 1 and a reason on stderr', () => {
    const r = run('> /dev/full');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('doppel: the output could not be written (ENOSPC): it is incomplete');
  });

  it('output that fits is still exit 0', () => {
    const r = run(`> "${join(dir, 'out.json')}"`);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))).toHaveLength(1500);
  });
});
