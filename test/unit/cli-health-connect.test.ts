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

  it('a newer schema version is read by the columns it has: the same report as the version Doppel was checked against', async () => {
    const known = join(dir, 'known.zip');
    const spec = sampleSpec();
    spec.version = HC_KNOWN_DB_VERSION;
    writeFileSync(known, await healthConnectZip(spec));
    spec.version = HC_KNOWN_DB_VERSION + 3;
    // A table a newer Health Connect added, with rows: counted under ignored by its name.
    spec.sql = [
      'CREATE TABLE nicotine_intake_record_table (row_id INTEGER PRIMARY KEY, time INTEGER)',
      'INSERT INTO nicotine_intake_record_table VALUES (1, 0)',
    ];
    const newer = join(dir, 'newer.zip');
    writeFileSync(newer, await healthConnectZip(spec));
    const a = cli('import', '--json', known);
    const b = cli('import', '--json', newer);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    const ra = JSON.parse(a.stdout);
    const rb = JSON.parse(b.stdout);
    expect({ ...rb, imports: undefined }).toEqual({ ...ra, imports: undefined });
    expect(rb.imports[0]).toEqual({
      ...ra.imports[0],
      file: 'newer.zip',
      ignored: { ...ra.imports[0].ignored, 'Health Connect nicotine_intake_record_table': 1 },
    });
  });
});
