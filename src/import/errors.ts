/** Why a file cannot be imported at all. Nothing of it is stored. */
export type ImportErrorCode =
  'UNKNOWN_FORMAT' | 'EMPTY_FILE' | 'UNREADABLE' | 'MALFORMED' | 'TRUNCATED' | 'TRUNCATED_ZIP' | 'ZIP_BOMB' | 'TOO_LARGE' | 'NO_DATA';

export class ImportError extends Error {
  override name = 'ImportError';
  /**
   * @param where a location a person can find: "line 12", "byte 4096", "entry 3", "export.xml line 9"
   */
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${message} (at ${where})` : message);
  }
}
