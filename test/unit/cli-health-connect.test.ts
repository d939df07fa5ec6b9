import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HC_KNOWN_DB_VERSION } from '../../src/import/formats/health-connect.ts';
import { healthConnectZip, sampleExport, sampleSpec } from '../../tools/gen/health-connect.ts';

/** The CLI as users run it (`npm run --silent cli -- …`): its esbuild bundle in a separate Node process. */
function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['tools/cli/launch.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI: Android Health Connect export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doppel-hc-'));

  it('import --json reads the generated export through the bundle, sql.js from node_modules', async () => {
    const file = join(dir, 'health_connect_export.zip');
    writeFileSync(file, await sampleExport());
    const r = cli('import', '--json', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.imports).toEqual([
      {
        file: 'health_connect_export.zip',
        format: 'health-connect-zip',
        added: 23,
        duplicates: 0,
        rejected: [],
        ignored: {
          'Health Connect sleep stage: awake in bed': 1,
          'Health Connect sleep stage: awake, out of bed': 1,
          AllergyIntolerance: 1,
          'Health Connect distance_record_table': 1,
        },
      },
    ]);
    expect(out.metrics.body_weight).toMatchObject({ count: 1, unit: 'kg', mean: 72.5, first: '2026-03-10T09:00:00+01:00' });
    expect(out.metrics.blood_glucose).toMatchObject({ unit: 'mg/dL', first: '2026-03-10T04:00:00-05:00' });
    expect(out.metrics.hrv_rmssd).toMatchObject({ count: 1, unit: 'ms', mean: 42.5 });
    // The watch's 1,000 steps win over the phone's 800 in the same hour.
    expect(out.daily.steps).toEqual({ '2026-03-10': 1000, '2026-03-11': 500 });
    expect(out.daily.dietary_energy).toEqual({ '2026-03-10': 650 });
  });

  it('a newer schema version fails with its place and a clear message', async () => {
    const spec = sampleSpec();
    spec.version = HC_KNOWN_DB_VERSION + 3;
    const file = join(dir, 'newer.zip');
    writeFileSync(file, await healthConnectZip(spec));
    const r = cli('import', '--json', file);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(
      `health_connect_export.db comes from a newer Health Connect than Doppel knows (database version ${HC_KNOWN_DB_VERSION + 3}; Doppel reads up to ${HC_KNOWN_DB_VERSION})`,
    );
    expect(r.stdout + r.stderr).toContain('(at health_connect_export.db user_version)');
  });
});
