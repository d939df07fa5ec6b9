/**
 * What went wrong, in plain words, by the error's stable `code` (src/ui/error-text.ts picks the
 * message). The engine's English message is for logs and the CLI; a person reads these.
 */
export const errors = {
  // Storage (src/data/storage.ts): a full or failing disk.
  'error.STORAGE_FULL': 'Storage is almost full: free {mb} MB or remove an import, then try again. Nothing was changed.',
  'error.STORAGE_FULL.unknown':
    "The browser could not write to this device's storage, which usually means it is almost full: free some space on this device or remove an import, then try again. Nothing was changed.",
  // Stored data (src/data/errors.ts).
  'error.INVALID_PROFILE': 'A profile value is outside what Doppel accepts; check what was entered.',
  'error.INVALID_BATCH': 'Some values could not be stored because they are not valid.',
  'error.UNKNOWN_IMPORT': 'This import is no longer on this device (it may have been undone in another tab).',
  'error.INVALID_SCENARIO': 'This plan holds a value Doppel cannot use; check it.',
  'error.UNKNOWN_SOURCE': 'One of these devices or apps is no longer among the sources; reload the page.',
  'error.INVALID_SETTING': 'This setting has a value Doppel cannot use.',
  'error.INVALID_ENTRY': 'This value cannot be a measurement, so nothing was saved.',
  'error.IMPORT_INTERRUPTED': 'The import was stopped before it finished and nothing of it was kept. Import the file again.',
  // Files that cannot be imported (src/import/errors.ts); "where" is added when known.
  'error.UNKNOWN_FORMAT': 'Doppel does not recognise this kind of file.',
  'error.EMPTY_FILE': 'The file is empty.',
  'error.UNREADABLE': 'The file could not be read from this device.',
  'error.MALFORMED': 'The file is damaged or not in the format it claims to be.',
  'error.TRUNCATED': 'The file ends too early: it is incomplete.',
  'error.TRUNCATED_ZIP': 'The zip file ends too early: it is incomplete. Export it again.',
  'error.ENCRYPTED_ZIP': 'A file in the zip is encrypted: export it again without a password.',
  'error.UNSUPPORTED_ZIP':
    'A file in the zip is compressed in a way Doppel cannot read (such as Deflate64): re-zip it with standard compression.',
  'error.ZIP_BOMB': 'The zip file unpacks to far more than any export; Doppel refuses it.',
  'error.TOO_LARGE': 'The file is larger than Doppel can read.',
  'error.NO_DATA': 'The file holds no health data Doppel can use.',
  'error.INTERNAL': 'Doppel could not finish with this file. Nothing of it was kept; try again.',
  'error.where': '{message} (at {where})',
  // Share files (src/share/errors.ts).
  'error.NOT_A_SHARE': 'This is not a Doppel share file.',
  'error.UNSUPPORTED_VERSION': 'This share file was made by a newer Doppel; update Doppel to open it.',
  'error.WRONG_SECRET': 'The share code or passphrase is wrong, or the file was changed after it was made; check what was typed.',
  'error.CORRUPT': 'The share file is damaged or was changed after it was made.',
  'error.WEAK_PASSPHRASE': 'This passphrase is too short: use several words (they are easiest to remember).',
  'error.BAD_CODE': 'A share code has 32 letters and digits in 8 groups of 4; check what was typed.',
  'error.IS_BACKUP':
    "This is a Doppel backup of someone's own twin, not a shared twin: its owner restores it in Settings, under Back up and restore.",
  'error.share.TRUNCATED': 'The share file ends too early: it is incomplete.',
  'error.share.TOO_LARGE': 'The share file unpacks to more than Doppel reads; it refuses it.',
  // Backups offered for restore (src/backup/errors.ts).
  'error.backup.NOT_A_BACKUP':
    'This file is not a Doppel backup nor an export of everything from Doppel, so there is nothing in it to restore.',
  'error.backup.IS_SHARE':
    'This is a Doppel share file, a part of a twin made for a clinician, not a backup: it restores nothing. Open it with "Open a shared twin", where it opens read-only, apart from your own data.',
  'error.backup.UNSUPPORTED_VERSION': 'This backup was made by a newer Doppel; update Doppel on this device, then restore it.',
  'error.backup.TRUNCATED': 'The backup ends too early: it is incomplete. Copy it again from where you kept it.',
  'error.backup.WRONG_SECRET': 'The code or passphrase is wrong, or the file was changed after it was made; check what was typed.',
  'error.backup.CORRUPT': 'The backup is damaged or was changed after it was made.',
  'error.backup.WEAK_PASSPHRASE': 'This passphrase is too short: use at least 10 characters (several words are easiest to remember).',
  'error.backup.BAD_CODE': 'A backup code has 32 letters and digits in 8 groups of 4; check what was typed.',
  'error.backup.CHANGED': 'Your data changed while the backup was being made; make it again.',
  'error.backup.CANCELLED': 'The restore was stopped.',
  // Workers (src/workers/bridge.ts).
  'error.WORKER_FAILED': 'A part of Doppel stopped unexpectedly. Try again; if it happens again, reload the page.',
  'error.WORKER_STOPPED': 'A part of Doppel stopped before it answered. Try again; if it happens again, reload the page.',
  'error.WORKER_MESSAGE': 'A part of Doppel sent an answer that could not be read. Reload the page.',
  'error.unknown': 'Something went wrong. Try again; if it happens again, reload the page.',
} as const;
