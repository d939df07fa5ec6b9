/** Why a backup cannot be made or restored; `code` is stable, `message` says what and where. */
export type BackupErrorCode =
  | 'NOT_A_BACKUP'
  | 'IS_SHARE'
  | 'UNSUPPORTED_VERSION'
  | 'TRUNCATED'
  | 'WRONG_SECRET'
  | 'CORRUPT'
  | 'WEAK_PASSPHRASE'
  | 'BAD_CODE'
  | 'CHANGED'
  | 'CANCELLED';

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}
