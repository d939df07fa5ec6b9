/**
 * How a Health Connect export is recognised, kept apart from its parser so that detection loads
 * nothing of it: the zip's one entry is `health_connect_export.db` (AOSP ExportManager.java,
 * LOCAL_EXPORT_DATABASE_FILE_NAME). The parser (health-connect.ts) checks the SQLite header.
 */

/** The database's name inside the export zip. */
export const HC_DB_NAME = 'health_connect_export.db';

/** Whether a zip entry (or a file) is a Health Connect export's database, by its name. */
export function isHealthConnectDb(name: string): boolean {
  return (name.split('/').pop() ?? '') === HC_DB_NAME;
}

/**
 * What to add to "the zip holds no file Doppel can read" when the zip is named as a Health Connect
 * export (`health_connect_export.zip`, or a copy such as `Health Connect (1).zip`): the one file it
 * should hold is missing.
 */
export function missingDatabase(fileName = ''): string {
  return /health[\s_-]*connect/i.test(fileName.split(/[\\/]/).pop() ?? '')
    ? `; a Health Connect export holds ${HC_DB_NAME}, which this zip lacks: export it again from Health Connect`
    : '';
}
