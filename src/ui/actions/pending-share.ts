/** A .doppel file the OS opened with the app (File Handling API) or picked on Import, waiting for its screen to take it. */
let pending: File | undefined;

export function setPendingShare(f: File): void {
  pending = f;
}

export function takePendingShare(): File | undefined {
  const f = pending;
  pending = undefined;
  return f;
}

/**
 * Container modes of a backup (src/share/format.ts `Mode.BackupPassphrase`, `Mode.BackupCode`), at byte 9
 * of the header. Written out, not imported: format.ts brings the crypto code, which the first screen does
 * not load (test/unit/ui/pending-share.test.ts holds the two together).
 */
export const BACKUP_MODES: readonly number[] = [3, 4];

/**
 * Sends a `.doppel` file to the screen that takes it: a backup to "Restore a backup", a share file
 * to "Open a shared twin" (which refuses anything else in plain words).
 */
export async function openDoppelFile(f: File): Promise<void> {
  const head = new Uint8Array(await f.slice(0, 10).arrayBuffer());
  setPendingShare(f);
  location.hash = head.length === 10 && BACKUP_MODES.includes(head[9]!) ? '#/backup?restore' : '#/open';
}
