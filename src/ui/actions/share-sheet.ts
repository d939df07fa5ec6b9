/**
 * The phone's share sheet (Web Share API level 2, `navigator.share` with files): the patient picks
 * the app that takes the file (mail, a messenger, Files). Used only where the browser says it can
 * share this very file (`navigator.canShare({ files })`); elsewhere the file is downloaded. The file
 * goes to the operating system only when the patient taps; Doppel itself sends nothing anywhere.
 */

/** Whether the share sheet can take `file` here (false on most desktop browsers). */
export function canShareFile(file: File): boolean {
  try {
    return typeof navigator.share === 'function' && typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });
  } catch {
    return false;
  }
}

/**
 * Whether the tap that made the file still counts as the patient's tap (browsers allow a share sheet
 * only within a few seconds of one); where the browser cannot tell, it is tried.
 */
export function tapStillCounts(): boolean {
  return (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation?.isActive ?? true;
}

/**
 * Opens the share sheet with the one file. `sent` when an app took it; `cancelled` when the patient
 * closed the sheet; `needsTap` when the browser wants a fresh tap (the file took long to make).
 */
export async function shareFile(file: File): Promise<'sent' | 'cancelled' | 'needsTap'> {
  try {
    await navigator.share({ files: [file] });
    return 'sent';
  } catch (e) {
    const name = e instanceof DOMException ? e.name : '';
    if (name === 'AbortError') return 'cancelled';
    if (name === 'NotAllowedError') return 'needsTap';
    throw e;
  }
}
