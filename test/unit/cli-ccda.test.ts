import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The CLI as users run it (`npm run cli`): a separate Node process running its esbuild bundle. */
function cli(...args: string[]): { code: number; stdout: string } {
  const r = spawnSync(process.execPath, ['tools/cli/launch.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout };
}

describe('CLI import --json: C-CDA', () => {
  it('a standalone C-CDA document reports format "ccda-xml", its readings, rejections with their line, and the patient', () => {
    const r = cli('import', '--json', 'test/fixtures/synthetic/ccda/ccd-traps.xml');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.imports).toEqual([
      {
        file: 'ccd-traps.xml',
        format: 'ccda-xml',
        added: 6,
        duplicates: 0,
        rejected: [
          { where: 'line 84', reason: 'heart_rate: value is nullFlavor UNK (no value)' },
          { where: 'line 125', reason: 'total_cholesterol: effectiveTime is nullFlavor UNK (no time)' },
        ],
        ignored: expect.objectContaining({ 'C-CDA observation 2951-2 <img src=x onerror="alert(1)">Sodium': 1 }),
      },
    ]);
    expect(out.metrics.body_weight).toMatchObject({ count: 1, unit: 'kg', first: '2024-06-10T09:30:00-05:00' });
    expect(out.metrics.body_weight.min).toBeCloseTo(80.0137, 4);
    expect(out.metrics.blood_glucose.min).toBeCloseTo(109.8976, 4);
    expect(out.profile).toEqual({ birthDate: '1962-03-14', sex: 'female', heightCm: 165.1 });
  });

  it('an IHE XDM zip reports format "ccda-xdm-zip", with places inside the package', () => {
    const r = cli('import', '--json', 'test/fixtures/synthetic/ccda/portal-xdm.zip');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.imports[0]).toMatchObject({ file: 'portal-xdm.zip', format: 'ccda-xdm-zip', added: 6 });
    expect(out.imports[0].rejected[0]).toEqual({
      where: 'IHE_XDM/SUBSET01/DOC0001.XML line 84',
      reason: 'heart_rate: value is nullFlavor UNK (no value)',
    });
  });

  it('an entity bomb is refused with its place and stores nothing', () => {
    const r = cli('import', '--json', 'test/fixtures/hostile/ccda/ccda-entity-bomb.xml');
    const out = JSON.parse(r.stdout);
    expect(JSON.stringify(out)).toMatch(/declares a DOCTYPE .*refused.*line 2/);
    expect(r.code).not.toBe(0);
    expect(out.metrics ?? {}).toEqual({});
  });
});
