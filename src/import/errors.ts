import { printable } from '../../models/util/text.ts';

/** Why a file cannot be imported at all. Nothing of it is stored. */
export type ImportErrorCode =
  | 'UNKNOWN_FORMAT'
  | 'EMPTY_FILE'
  | 'UNREADABLE'
  | 'MALFORMED'
  | 'TRUNCATED'
  | 'TRUNCATED_ZIP'
  | 'ZIP_BOMB'
  | 'ENCRYPTED_ZIP'
  | 'UNSUPPORTED_ZIP'
  | 'TOO_LARGE'
  | 'NO_DATA';

/** Longest message an import error carries (a quoted snippet is cut long before). */
export const MAX_MESSAGE = 500;

/** Text for a person: printable characters only (models/util/text.ts), at most `max` of them. */
export function cleanMessage(s: string, max = MAX_MESSAGE): string {
  const p = printable(s);
  return p.length > max ? `${p.slice(0, max - 1)}…` : p;
}

export class ImportError extends Error {
  override name = 'ImportError';
  /** A location a person can find: "line 12", "byte 4096", "entry 3", "export.xml line 9". */
  readonly where?: string;

  /**
   * Whatever a parser puts in the message (a snippet of the file, a library's own message), it
   * reaches the person printable and short.
   */
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    where?: string,
  ) {
    const at = where === undefined ? undefined : cleanMessage(where, 200);
    super(cleanMessage(at ? `${message} (at ${at})` : message));
    this.where = at;
  }
}
