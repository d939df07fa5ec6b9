import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The CLI as users run it (`npm run cli`): a separate Node process running its esbuild bundle. */
function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['tools/cli/launch.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const A = 'test/fixtures/real/cgm/glyco_tiny_sample_type6_libreview_mmol.csv';
const B = 'test/fixtures/real/fhir-r4/smart-generated-sample-data_Lupe_Little_prediabetes.json';
const SHARE_TEXT = 'test/fixtures/synthetic/apple-health-old-steps-weight.xml';

describe('CLI backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doppel-cli-backup-'));
  const pass = join(dir, 'pass.txt');
  writeFileSync(pass, 'correct horse battery staple\nsecond line ignored\n');
  const wrong = join(dir, 'wrong.txt');
  writeFileSync(wrong, 'correct horse battery stapler\n');
  const backupA = join(dir, 'a.doppel');
  const backupAB = join(dir, 'ab.doppel');

  it('import --save-backup, then restore and import: the report of importing the files together', () => {
    const a = cli('import', '--json', A, '--save-backup', backupA, '--passphrase-file', pass);
    expect(a.code, a.stderr).toBe(0);
    const ab = cli('import', '--json', A, B, '--save-backup', backupAB, '--passphrase-file', pass);
    expect(ab.code, ab.stderr).toBe(0);
    const together = JSON.parse(ab.stdout);
    expect(together.imports).toHaveLength(2);
    // A backup of A, then B imported: exactly the report of importing A and B.
    const r1 = cli('restore', '--json', backupA, '--passphrase-file', pass, B);
    expect(r1.code, r1.stderr).toBe(0);
    expect(JSON.parse(r1.stdout)).toEqual(together);
    // A backup of A and B, then B again: exactly the report of importing A and B (B reported once).
    const r2 = cli('restore', '--json', backupAB, '--passphrase-file', pass, B);
    expect(r2.code, r2.stderr).toBe(0);
    expect(JSON.parse(r2.stdout)).toEqual(together);
    // A backup of A, then A and B: A's second import folds into the backup's, B is new.
    const r4 = cli('restore', '--json', backupA, '--passphrase-file', pass, A, B);
    expect(JSON.parse(r4.stdout)).toEqual(together);
    // A restore alone reports the backup's store.
    const r3 = cli('restore', '--json', backupAB, '--passphrase-file', pass);
    expect(JSON.parse(r3.stdout)).toEqual(together);
  });

  // Uses the backup the first test made.
  it('exits 2 with a reason for a wrong passphrase, a changed byte, a cut file, a share file and another file', () => {
    const bytes = readFileSync(backupAB);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 0x10;
    writeFileSync(join(dir, 'flipped.doppel'), flipped);
    writeFileSync(join(dir, 'cut.doppel'), bytes.subarray(0, bytes.length - 7));
    const share = Buffer.from(bytes);
    share[9] = 1; // a passphrase share's mode byte: the share reader's file, not a backup
    writeFileSync(join(dir, 'share.doppel'), share);
    for (const [file, p, reason] of [
      [backupAB, wrong, /passphrase or code is wrong/],
      [join(dir, 'flipped.doppel'), pass, /changed or damaged|passphrase or code is wrong/],
      [join(dir, 'cut.doppel'), pass, /incomplete/],
      [join(dir, 'share.doppel'), pass, /share file.*restores nothing/],
      [SHARE_TEXT, pass, /not a Doppel backup/],
    ] as const) {
      const r = cli('restore', '--json', file, '--passphrase-file', p);
      expect(r.code, `${file}: ${r.stderr}`).toBe(2);
      expect(JSON.parse(r.stdout).error).toMatch(reason);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(reason);
    }
    const short = join(dir, 'short.txt');
    writeFileSync(short, 'short\n');
    const r = cli('import', '--json', A, '--save-backup', join(dir, 'x.doppel'), '--passphrase-file', short);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatch(/at least 10 characters/);
  });
});
