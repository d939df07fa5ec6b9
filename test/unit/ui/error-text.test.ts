import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DataError } from '../../../src/data/errors.ts';
import { StorageError } from '../../../src/data/storage.ts';
import { ImportError } from '../../../src/import/errors.ts';
import { WorkerError } from '../../../src/rpc/errors.ts';
import { open, seal } from '../../../src/share/format.ts';
import { ShareError } from '../../../src/share/errors.ts';
import { BackupError, type BackupErrorCode } from '../../../src/backup/errors.ts';
import { errorInfoText, errorText } from '../../../src/ui/error-text.ts';
import { en } from '../../../src/ui/i18n/en.ts';

vi.spyOn(console, 'error').mockImplementation(() => undefined);

/** An error as it arrives from a worker: its name, code and detail kept, its class not. */
function fromWorker(name: string, code: string, message: string, detail?: Record<string, unknown>): WorkerError {
  const e = new WorkerError(code, message, undefined, detail);
  e.name = name;
  return e;
}

describe('errors in plain words', () => {
  it('a full disk says how much to free, wherever the error came from', () => {
    const need = 5 * 2 ** 20 + 1;
    expect(errorText(new StorageError('x', { neededBytes: need }))).toMatch(/^Storage is almost full: free 6 MB or remove an import/);
    expect(errorText(fromWorker('StorageError', 'STORAGE_FULL', 'x', { neededBytes: need }))).toContain('free 6 MB');
    const io = new Dexie.AbortError('Transaction aborted', new DOMException('Failed to write blobs (IOError)', 'UnknownError'));
    expect(errorText(io)).toMatch(/could not write to this device's storage, which usually means it is almost full: free some space/);
    expect(errorText(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).not.toContain('quota');
  });

  it('never shows the engine message', () => {
    const cases: unknown[] = [
      new DataError('UNKNOWN_IMPORT', 'No import with id 6'),
      fromWorker('DataError', 'IMPORT_INTERRUPTED', 'Import 6 is not pending'),
      fromWorker('ShareError', 'TRUNCATED', 'The file ends at byte 12'),
      new ShareError('WRONG_SECRET', 'No passphrase was given for this file.'),
      new WorkerError('WORKER_STOPPED', 'The import worker stopped before answering: terminated'),
      new TypeError('ctr is not a constructor'),
      'a string',
      undefined,
    ];
    for (const e of cases) {
      const text = errorText(e);
      expect(text.length).toBeGreaterThan(10);
      if (e instanceof Error) expect(text).not.toContain(e.message);
      expect(Object.values(en)).toContain(text);
    }
    expect(errorText(new DataError('UNKNOWN_IMPORT', 'x'))).toBe(en['error.UNKNOWN_IMPORT']);
    expect(errorText(fromWorker('ShareError', 'TRUNCATED', 'x'))).toBe(en['error.share.TRUNCATED']);
  });

  it('a file that failed says what and where, in catalog words', () => {
    expect(errorInfoText({ code: 'MALFORMED', message: 'Bad tag (at line 12)', detail: { where: 'line 12' } })).toBe(
      `${en['error.MALFORMED']} (at line 12)`,
    );
    expect(errorInfoText({ code: 'INTERNAL', message: 'Doppel failed on this file: Failed to write blobs (IOError)' })).toBe(
      en['error.INTERNAL'],
    );
    expect(errorInfoText({ code: 'STORAGE_FULL', message: 'x', detail: { neededBytes: 2 ** 20 } })).toContain('free 1 MB');
  });

  it('every error code the engine throws has its words in the catalog', () => {
    const root = join(import.meta.dirname, '../../..');
    const codes = (path: string, type: string): string[] => {
      const src = readFileSync(join(root, path), 'utf8');
      const union = new RegExp(`type ${type} =([^;]+);`).exec(src)?.[1] ?? '';
      return [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
    };
    const all = [
      ...codes('src/import/errors.ts', 'ImportErrorCode'),
      ...codes('src/data/errors.ts', 'DataErrorCode'),
      ...codes('src/share/errors.ts', 'ShareErrorCode'),
      ...[...readFileSync(join(root, 'src/workers/bridge.ts'), 'utf8').matchAll(/new WorkerError\('([A-Z_]+)'/g)].map((m) => m[1]!),
    ];
    expect(all.length).toBeGreaterThan(20);
    expect(all.filter((c) => !(`error.${c}` in en))).toEqual([]);
  });

  it('an empty passphrase is a typed error, not Argon2 failing', async () => {
    const sealed = await seal(new TextEncoder().encode('{}'), { passphrase: 'correct horse battery staple' });
    const e = await open(sealed, { passphrase: '' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ShareError);
    expect((e as ShareError).code).toBe('WRONG_SECRET');
  });

  it('an import error keeps where it happened', () => {
    expect(new ImportError('MALFORMED', 'x', 'line 3').where).toBe('line 3');
  });
  it('a backup refused for restore says so in its own words, one sentence per reason, never of a share file but for IS_SHARE', () => {
    const codes: BackupErrorCode[] = [
      'NOT_A_BACKUP',
      'IS_SHARE',
      'UNSUPPORTED_VERSION',
      'TRUNCATED',
      'WRONG_SECRET',
      'CORRUPT',
      'WEAK_PASSPHRASE',
      'BAD_CODE',
      'CHANGED',
      'CANCELLED',
    ];
    const texts = codes.map((c) => errorText(fromWorker('BackupError', c, `engine words ${c}`)));
    for (const [i, text] of texts.entries()) {
      expect(text).toBe(en[`error.backup.${codes[i]!}` as keyof typeof en]);
      expect(text).not.toContain('engine words');
    }
    expect(new Set(texts).size).toBe(codes.length);
    expect(texts.filter((x) => /share file/.test(x))).toEqual([en['error.backup.IS_SHARE']]);
    // Thrown on the page (the header read before a restore), the class itself gives the same words.
    expect(errorText(new BackupError('IS_SHARE', 'x'))).toBe(en['error.backup.IS_SHARE']);
  });
});
