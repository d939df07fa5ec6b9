/** Why a share file cannot be made or opened; `code` is stable, `message` says what and where. */
export type ShareErrorCode =
  | 'NOT_A_SHARE'
  | 'UNSUPPORTED_VERSION'
  | 'TRUNCATED'
  | 'WRONG_SECRET'
  | 'CORRUPT'
  | 'TOO_LARGE'
  | 'WEAK_PASSPHRASE'
  | 'BAD_CODE'
  | 'IS_BACKUP';

export class ShareError extends Error {
  override name = 'ShareError';
  constructor(
    readonly code: ShareErrorCode,
    message: string,
  ) {
    super(message);
  }
}
