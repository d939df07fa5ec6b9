/** Making a backup as one Blob (the app's "Back up"); the CLI streams it to a file instead (writer.ts). */
import type { DoppelDb } from '../data/db.ts';
import type { BackupSecret } from './format.ts';
import { writeBackup, type BackupSummary } from './writer.ts';

/** The backup's file name: `doppel-backup-<YYYY-MM-DD>.doppel` (the local day; nothing from the data). */
export function backupFileName(nowMs = Date.now()): string {
  const d = new Date(nowMs);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `doppel-backup-${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}.doppel`;
}

/** The backup as a Blob built a segment at a time (the browser keeps Blob parts outside the JS heap). */
export async function createBackup(
  db: DoppelDb,
  secret: BackupSecret,
  nowMs = Date.now(),
): Promise<{ blob: Blob; summary: BackupSummary }> {
  const parts: BlobPart[] = [];
  const summary = await writeBackup(db, secret, (bytes) => void parts.push(new Blob([bytes as Uint8Array<ArrayBuffer>])), nowMs);
  return { blob: new Blob(parts, { type: 'application/octet-stream' }), summary };
}
