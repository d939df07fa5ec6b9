import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, ensureCli, staleReason } from '../../tools/build/cli.mjs';

/** The CLI's esbuild bundle (tools/build/cli.mjs), built into a temporary folder. */
describe('CLI bundle', () => {
  const outfile = join(mkdtempSync(join(tmpdir(), 'doppel-cli-bundle-')), 'doppel.mjs');
  const record = outfile.replace(/\.mjs$/, '.inputs.json');
  const rewriteRecord = (edit: (r: { esbuild: string; files: Record<string, [number, number]> }) => void): void => {
    const r = JSON.parse(readFileSync(record, 'utf8'));
    edit(r);
    writeFileSync(record, JSON.stringify(r));
  };
  afterAll(() => rmSync(dirname(outfile), { recursive: true, force: true }));

  it('is built when missing, records its inputs, and then is up to date', async () => {
    expect(staleReason(outfile)).toMatch(/does not exist/);
    expect(await buildCli(outfile)).toBeGreaterThan(100_000);
    expect(staleReason(outfile)).toBeNull();
    const files = Object.keys(JSON.parse(readFileSync(record, 'utf8')).files);
    for (const f of ['tools/cli/main.ts', 'src/import/pipeline.ts', 'models/risk/report.ts', 'package-lock.json', 'tools/build/cli.mjs'])
      expect(files).toContain(f);
    expect(files.some((f) => f.startsWith('node_modules/dexie/'))).toBe(true);
  });

  it('runs on its own in plain Node: help and a command that reads a file', () => {
    const help = spawnSync(process.execPath, [outfile, 'help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('import [--json] FILE...');
    const dir = dirname(outfile);
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ sex: 'male', age: 45, bmi: 35 }));
    const risk = spawnSync(process.execPath, [outfile, 'risk', '--json', join(dir, 'p.json')], { encoding: 'utf8' });
    expect(risk.status).toBe(0);
    expect(JSON.parse(risk.stdout).qdiabetes2018).toEqual({ A: 9.88593, B: null, C: null });
  });

  it('is stale when a source it was built from changed, or esbuild did, and ensureCli rebuilds it', async () => {
    expect(staleReason(outfile)).toBeNull();
    rewriteRecord((r) => (r.files['models/risk/report.ts']![1] -= 1000));
    expect(staleReason(outfile)).toBe('models/risk/report.ts changed');
    await ensureCli(outfile);
    expect(staleReason(outfile)).toBeNull();
    rewriteRecord((r) => (r.files['src/import/pipeline.ts']![0] += 1));
    expect(staleReason(outfile)).toBe('src/import/pipeline.ts changed');
    await ensureCli(outfile);
    rewriteRecord((r) => (r.esbuild = '0.0.1'));
    expect(staleReason(outfile)).toMatch(/^esbuild .* differs from 0\.0\.1$/);
    await ensureCli(outfile);
    expect(staleReason(outfile)).toBeNull();
  });

  it('is stale when a file it was built from is gone', () => {
    rewriteRecord((r) => (r.files['tools/cli/removed-since.ts'] = [10, 1]));
    expect(staleReason(outfile)).toBe('tools/cli/removed-since.ts changed');
  });
});
