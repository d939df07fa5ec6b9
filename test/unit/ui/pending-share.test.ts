/**
 * pending-share.ts routes a `.doppel` file by its mode byte without loading the container code
 * (src/share/format.ts brings argon2 and fflate, which the first screen does not load): its backup
 * modes are written out, and these tests hold them to the format's own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_MODES, openDoppelFile, takePendingShare } from '../../../src/ui/actions/pending-share.ts';
import { isBackupMode, MAGIC, Mode } from '../../../src/share/format.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** A container's first ten bytes: the magic, the version, the mode. */
const headed = (mode: number): File => new File([new Uint8Array([...MAGIC, 1, mode]), new Uint8Array(32)], 'x.doppel');

describe('pending-share backup modes', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    takePendingShare();
  });

  it('are exactly the modes the container format calls backups', () => {
    expect([...BACKUP_MODES].sort()).toEqual([Mode.BackupPassphrase, Mode.BackupCode].sort());
    for (let m = 0; m < 256; m++) expect(BACKUP_MODES.includes(m), `mode ${m}`).toBe(isBackupMode(m));
  });

  it('send a backup to the restore screen and every other mode to the shared-twin screen, the file waiting there', async () => {
    for (const mode of [Mode.Plain, Mode.Passphrase, Mode.Code, Mode.BackupPassphrase, Mode.BackupCode]) {
      const location = { hash: '' };
      vi.stubGlobal('location', location);
      const f = headed(mode);
      await openDoppelFile(f);
      expect(location.hash, `mode ${mode}`).toBe(isBackupMode(mode) ? '#/backup?restore' : '#/open');
      expect(takePendingShare()).toBe(f);
    }
  });

  it('are written out, so the first screen does not load the container code', () => {
    const source = readFileSync(join(ROOT, 'src/ui/actions/pending-share.ts'), 'utf8');
    expect(source).not.toMatch(/^import(?! type)/m);
  });
});
