export type DataErrorCode =
  | 'INVALID_PROFILE'
  | 'INVALID_BATCH'
  | 'UNKNOWN_IMPORT'
  | 'INVALID_SCENARIO'
  | 'UNKNOWN_SOURCE'
  | 'INVALID_SETTING'
  | 'IMPORT_INTERRUPTED'
  | 'INVALID_ENTRY';

/** A rejected write to the data layer: the caller's input, not the database, is at fault. */
export class DataError extends Error {
  override name = 'DataError';
  constructor(
    readonly code: DataErrorCode,
    message: string,
  ) {
    super(message);
  }
}
