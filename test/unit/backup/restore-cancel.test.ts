/**
 * The import worker's restore call can be cancelled by its token (src/backup/handlers.ts), as an
 * import can: the restore stops while it reads, with a BackupError CANCELLED, and nothing changed.
 */
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../../src/backup/backup.ts';
import { backupHandlers } from '../../../src/backup/handlers.ts';
import type { DoppelDb } from '../../../src/data/db.ts';
import { commitImport } from '../../../src/data/imports.ts';
import { REVISION_KEY } from '../../../src/data/revision.ts';
import { workspaceDb } from '../../../src/data/workspace.ts';
import { generateCode } from '../../../src/share/format.ts';
import { batch, useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();
const code = generateCode();

const weights = (fileName: string, days: number) => ({
  fileName,
  format: 'apple-health-xml',
  bytes: 100,
  sources: [{ name: 'Scale', model: '' }],
  batches: [
    batch(
      'body_weight',
      Array.from({ length: days }, (_, i): [number, number, number] => [Date.UTC(2020, 0, 1) + i * 86_400_000, 80 + (i % 7) / 10, 0]),
    ),
  ],
  rejected: [],
  ignored: {},
});

async function dump(d: DoppelDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of d.tables) out[t.name] = (await t.toArray()).filter((r: { key?: unknown }) => r.key !== REVISION_KEY);
  return out;
}

describe('cancelling a restore in the import worker', () => {
  it('stops it with CANCELLED and leaves the workspace exactly as it was; without a cancel the same file restores', async () => {
    // Five years of daily weights on the old device: 60 monthly chunks, read one record at a time.
    const old = db();
    await commitImport(old, weights('old.xml', 5 * 365));
    const { blob } = await createBackup(old, { code });
    const main = workspaceDb('main');
    await commitImport(main, weights('here.xml', 10));
    const before = await dump(main);

    const seen: string[] = [];
    const token = 'restore-1';
    const running = backupHandlers.restoreBackup(blob, 'old.doppel', { code }, (p) => void seen.push(p.phase), token);
    // Registered before the call's first await: the cancel finds it, and the restore stops at its next record.
    backupHandlers.cancelRestore(token);
    await expect(running).rejects.toMatchObject({ name: 'BackupError', code: 'CANCELLED' });
    expect(seen).not.toContain('committing');
    expect(await dump(main)).toEqual(before);
    // The token is forgotten: cancelling again is harmless, and another restore runs to its end.
    backupHandlers.cancelRestore(token);
    const r = await backupHandlers.restoreBackup(blob, 'old.doppel', { code }, undefined, 'restore-2');
    expect(r).toMatchObject({ mode: 'merged', imports: 1, samples: 5 * 365 });
  });
});
