import { isStorageFailure } from '../data/storage.ts';
import type { ErrorInfo } from '../rpc/result.ts';
import { en } from './i18n/en.ts';
import { t, type MessageKey } from './i18n/index.ts';

/**
 * Every error a person sees, in plain words from the message catalog (src/ui/i18n/en/errors.ts),
 * chosen by its stable `code`: a typed error from the data layer, an import, a share file, a worker
 * or a full disk. The engine's English `message` goes to the console for developers, never on
 * screen (test/unit/ui/no-raw-error-message.test.ts checks the UI).
 */
export function errorText(e: unknown): string {
  console.error(e);
  const err = (e ?? {}) as { name?: unknown; code?: unknown; detail?: unknown };
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (code === 'STORAGE_FULL' || isStorageFailure(e)) return storageFullText(err.detail);
  if (err.name === 'ShareError' && code) return shareText(code);
  if (err.name === 'BackupError' && code) return backupText(code);
  return codeText(code);
}

/** A failure reported as data (one file of an import): the same wording, with where it happened. */
export function errorInfoText(info: ErrorInfo): string {
  console.error(info.code, info.message);
  if (info.code === 'STORAGE_FULL') return storageFullText(info.detail);
  const text = codeText(info.code, 'error.INTERNAL');
  const where = (info.detail as { where?: unknown } | undefined)?.where;
  return typeof where === 'string' && where ? t('error.where', { message: text, where }) : text;
}

function storageFullText(detail: unknown): string {
  const needed = (detail as { neededBytes?: unknown } | undefined)?.neededBytes;
  if (typeof needed !== 'number' || !(needed > 0)) return t('error.STORAGE_FULL.unknown');
  return t('error.STORAGE_FULL', { mb: Math.max(1, Math.ceil(needed / 2 ** 20)).toLocaleString() });
}

function shareText(code: string): string {
  if (code === 'TRUNCATED' || code === 'TOO_LARGE') return t(`error.share.${code}`);
  return codeText(code);
}

/** A backup's refusal (src/backup/errors.ts), in its own words: a backup is not a share file. */
function backupText(code: string): string {
  const key = `error.backup.${code}`;
  return key in en ? t(key as MessageKey) : codeText(code);
}

function codeText(code: string | undefined, fallback: MessageKey = 'error.unknown'): string {
  const key = `error.${code ?? ''}`;
  return code && key in en ? t(key as MessageKey) : t(fallback);
}
