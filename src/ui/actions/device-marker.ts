import { deviceNote } from './device-note.ts';

/**
 * A small note, kept outside the databases (localStorage), that this device holds the person's twin
 * with N imports. When the browser wipes IndexedDB (Chromium deletes every database of a site it
 * finds "corrupted", which a full disk causes) the note survives, so the app can say what happened
 * instead of showing the welcome screen as if nothing had been there. Undoing the last import and
 * "Delete everything" clear it: only a loss the person did not ask for is reported. Clearing the
 * browser's site data removes the note with the data.
 */
const KEY = 'doppel.deviceHolds';

interface Marker {
  imports: number;
}

const note = deviceNote([KEY]);
const changed = note.changed;

function read(): Marker | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    const m = raw ? (JSON.parse(raw) as Partial<Marker>) : undefined;
    return m && typeof m.imports === 'number' && m.imports > 0 ? { imports: m.imports } : undefined;
  } catch {
    return undefined;
  }
}

/** Records that the person's own workspace holds `imports` committed imports (0 records nothing). */
export function noteImports(imports: number): void {
  if (!(imports > 0) || read()?.imports === imports) return;
  try {
    localStorage.setItem(KEY, JSON.stringify({ imports } satisfies Marker));
  } catch {
    /* private mode or full: no note, no report */
  }
  changed();
}

/** The person removed their data (Delete everything, undo of the last import): nothing to report. */
export function clearMarker(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* ignore */
  }
  changed();
}

/**
 * How many imports this device held when its database is found empty (`committed` is 0) without
 * the person having removed them; 0 when nothing was lost.
 */
export function lostImports(committed: number | undefined): number {
  return committed === 0 ? (read()?.imports ?? 0) : 0;
}

/** Re-renders when the note changes in this tab or another (the storage event). */
export const useMarkerVersion = note.useVersion;
