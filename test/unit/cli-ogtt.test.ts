import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invalidOgttInput, runOgtt } from '../../models/physiology/ogtt.ts';
import { ogttValidationCases } from '../../models/validation/ogtt-cases.ts';

/** `ogtt [--json] INPUT.json` (docs/cli.md) and the post-load glucose model's `validate` rows. */
function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const dir = mkdtempSync(join(tmpdir(), 'doppel-ogtt-'));
const file = (name: string, body: unknown): string => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(body));
  return p;
};
const input = { fastingGlucoseMgDl: 106, fastingInsulinPmolL: 100, bodyWeightKg: 80, doseG: 75, parameters: 'normal' };

describe('ogtt', () => {
  it('prints one value a minute for 2 hours, minute 0 exactly the fasting state', () => {
    const r = cli('ogtt', '--json', file('in.json', input));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['minutes', 'glucoseMgDl', 'insulinPmolL']);
    expect(out.minutes).toEqual(Array.from({ length: 121 }, (_, m) => m));
    expect(out.glucoseMgDl).toHaveLength(121);
    expect(out.insulinPmolL).toHaveLength(121);
    expect([out.glucoseMgDl[0], out.insulinPmolL[0]]).toEqual([106, 100]);
    expect(out).toEqual(runOgtt(input as Parameters<typeof runOgtt>[0]));
    // The glucose rises after the drink and is falling again by 2 hours.
    expect(Math.max(...out.glucoseMgDl)).toBeGreaterThan(140);
    expect(out.glucoseMgDl[120]).toBeLessThan(Math.max(...out.glucoseMgDl));
    const human = cli('ogtt', file('in.json', input));
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('minute  glucose mg/dL  insulin pmol/L');
  });

  it('defaults to 75 g and the normal set; "t2d" and overrides change the curve', () => {
    const { doseG: _d, parameters: _p, ...bare } = input;
    expect(runOgtt(bare)).toEqual(runOgtt(input as Parameters<typeof runOgtt>[0]));
    const normal = runOgtt(bare).glucoseMgDl[120]!;
    expect(runOgtt({ ...bare, parameters: 't2d' }).glucoseMgDl[120]).toBeGreaterThan(normal + 50);
    expect(runOgtt({ ...bare, parameters: { Vmx: 0.0235 } }).glucoseMgDl[120]).toBeGreaterThan(normal + 10);
    expect(runOgtt({ ...bare, doseG: 0 }).glucoseMgDl.every((g) => Math.abs(g - 106) < 1e-4)).toBe(true);
  });

  it.each([
    [{ ...input, dose: 75 }, 'input.dose is not a tolerance-test field (did you mean doseG?)'],
    [{ ...input, fastingGlucoseMgDl: '106' }, 'input.fastingGlucoseMgDl must be a number from 50 to 300'],
    [{ ...input, fastingInsulinPmolL: undefined }, 'input.fastingInsulinPmolL must be a number from 5 to 600'],
    [{ ...input, doseG: 150 }, 'input.doseG must be a number from 0 to 100'],
    [{ ...input, parameters: 'prediabetes' }, 'input.parameters must be "normal", "t2d" or an object of overrides on the normal set'],
    [{ ...input, parameters: { vmx: 0.02 } }, 'input.parameters.vmx is not a model parameter field (did you mean Vmx?)'],
    [{ ...input, parameters: { kp1: 2.7 } }, 'input.parameters.kp1 follows from the fasting state and cannot be set'],
    [{ ...input, parameters: { Vmx: -1 } }, 'input.parameters.Vmx must be a non-negative number'],
    [{ ...input, parameters: { VG: 0 } }, 'input.parameters.VG must be greater than 0'],
    [{ ...input, parameters: { b: 1 } }, 'input.parameters.b must be a fraction above 0 and below 1'],
    [[input], 'input is not an object'],
    [
      { ...input, fastingInsulinPmolL: 600, bodyWeightKg: 40 },
      "input: with this fasting insulin, body weight and dose the model's hepatic insulin extraction (m6 - m5·S) falls below 0 at minute 14; the model does not hold there",
    ],
  ])('refuses %j: %s', (x, why) => {
    expect(invalidOgttInput(JSON.parse(JSON.stringify(x)))).toBe(why);
  });

  it('an unusable input exits 2 with the reason naming the field', () => {
    const path = file('bad.json', { ...input, fastingGlucose: 106 });
    const r = cli('ogtt', '--json', path);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: `${path}: input.fastingGlucose is not a tolerance-test field (did you mean fastingGlucoseMgDl?)`,
    });
  });

  it('validate holds the model against the SBML reference vectors as passing `reference` rows', () => {
    const rows = ogttValidationCases();
    expect(rows).toHaveLength(18);
    for (const r of rows) {
      expect(r.kind).toBe('reference');
      expect(Math.abs(r.got()! - r.expected)).toBeLessThanOrEqual(r.tolerance);
    }
  });
});
