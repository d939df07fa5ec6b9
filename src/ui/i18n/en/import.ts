/**
 * Import, received files and source priority. Where English always said the plural (a count of
 * records or points is rarely 1), `.one` keeps that text, so the English shown is unchanged; other
 * languages fill in their own forms.
 */
export const importing = {
  'import.title': 'Import your data',
  'import.intro':
    "Apple Health ({zip} or {xml}), FHIR records from a patient portal, Dexcom Clarity, LibreView, Nightscout, Fitbit, Google Fit, Withings, Garmin, Samsung Health, or Doppel's CSV; a zip of several works too. Files are read on this device; nothing is uploaded. Importing the same file again adds nothing, and every import can be undone.",
  'import.chooseFiles': 'Choose files…',
  'import.chooseFolder': 'Choose a folder…',
  'import.drop': 'or drop files or a folder here',
  'import.template': '<a>Download the CSV template</a> ({columns}).',
  'import.starting': 'Starting…',
  'import.fileOf': '(file {index} of {total})',
  'import.progress': 'Import progress',
  'import.rate.one': '{done} of {total} · {records} records · {rate}/s',
  'import.rate.other': '{done} of {total} · {records} records · {rate}/s',
  'import.eta': 'about {seconds} s left',
  'import.error': 'Nothing was imported from this file: {error}',
  'import.history': 'Import history',
  'import.noHistory': 'No imports yet.',
  'import.historyLine': '{format} · {date} · {added} added',
  'import.undo': 'Undo',
  'import.undoing': 'Undoing…',
  'import.undoFailed': 'The import was not undone: {error}',
  'import.notImported': 'Not imported: {error}',
  'import.result': '<b>{added}</b> added · {duplicates} already there · {rejected} rejected · format {format}',
  'import.rejected': 'Rejected records',
  'import.ignored': 'Not stored as measurements ({count})',
  'import.doses.one': '{count} carbohydrate or insulin record kept for the glucose forecaster',
  'import.doses.other': '{count} carbohydrate and insulin records kept for the glucose forecaster',

  'import.sources.title': 'Source priority',
  'import.sources.intro':
    'When two devices count the same steps or minutes, the one higher in this list counts and the other is left out, so nothing is counted twice.',
  'import.sources.kind.watch': 'watch',
  'import.sources.kind.phone': 'phone',
  'import.sources.kind.other': 'other device or app',
  'import.sources.moveUp': 'Move {name} up',
  'import.sources.moveDown': 'Move {name} down',
  'import.sources.movedUp': '{name} moved up.',
  'import.sources.movedDown': '{name} moved down.',
  'import.sources.defaultOrder': 'Back to the default order (watch, phone, others).',
  'import.sources.recomputed': '{what} Daily totals were recomputed.',
  'import.sources.notSaved': 'Not saved: {error}',
  'import.sources.reset': 'Reset to default',

  'inbox.title': 'Received files',
  'inbox.intro': 'Files shared into Doppel or opened with it wait here, on this device, until you import or discard them.',
  'inbox.empty': 'No files waiting.',
  'inbox.import': 'Import',
  'inbox.discard': 'Discard',
  'inbox.importing': 'Importing {name}…',
  'inbox.failed': 'Nothing was imported from {name}: {error}',
  'inbox.noResult': 'no result',
  'inbox.done': '{name}: {added} added, {duplicates} already there, {rejected} rejected.',
  // The service worker refused a share (src/sw/share-guard.ts).
  'inbox.refused.origin':
    'A web page tried to send files into Doppel. They were refused: only your device’s Share menu can send files here.',
  'inbox.refused.size':
    'The shared files were refused: they are larger than the inbox keeps, or storage is almost full. Import large exports from the Import page instead.',
} as const;
