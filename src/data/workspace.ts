import Dexie from 'dexie';
import { DoppelDb } from './db.ts';

/**
 * A workspace is one Dexie database. `main` holds the person's own data; `demo` holds the synthetic
 * demo person, kept apart so that removing the demo can never touch real data; `review` holds a
 * share file a clinician opened (read-only in the app, wiped on close unless kept), never mixed
 * with the device owner's data.
 */
export type Workspace = 'main' | 'demo' | 'review';

export const DB_NAMES: Record<Workspace, string> = { main: 'doppel', demo: 'doppel-demo', review: 'doppel-review' };

const open = new Map<Workspace, DoppelDb>();

/** The database of a workspace; one connection per workspace per JS realm. */
export function workspaceDb(ws: Workspace): DoppelDb {
  let db = open.get(ws);
  if (!db) {
    db = new DoppelDb(DB_NAMES[ws]);
    open.set(ws, db);
  }
  return db;
}

/** Deletes a workspace's database. Other connections (workers) close on the version change. */
export async function deleteWorkspace(ws: Workspace): Promise<void> {
  const db = open.get(ws);
  open.delete(ws);
  db?.close();
  await Dexie.delete(DB_NAMES[ws]);
}

export async function workspaceExists(ws: Workspace): Promise<boolean> {
  return (await Dexie.getDatabaseNames()).includes(DB_NAMES[ws]);
}
