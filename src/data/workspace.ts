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
  await deleteWorkspaceModels(ws);
}

/** tfjs's IndexedDB database and its stores (tfjs-core/src/io/indexed_db.ts), where the ml worker keeps networks. */
export const TFJS_DB = 'tensorflowjs';
const TFJS_STORES = ['models_store', 'model_info_store'];

/** Every network of a workspace has a key starting with this. */
export const glucoseModelPrefix = (ws: Workspace): string => `doppel-glucose-${ws}-`;

/** The key under which the ml worker keeps a workspace's glucose network for a horizon, one per training. */
export const glucoseModelPath = (ws: Workspace, horizonMin: number, training: string): string =>
  `${glucoseModelPrefix(ws)}${horizonMin}-${training}`;

/** Deletes the networks the ml worker trained on a workspace's data, except those in `keep`. */
export async function deleteWorkspaceModels(ws: Workspace, keep: readonly string[] = []): Promise<void> {
  // Dexie lists only the databases it made where indexedDB.databases() is missing: then open and see.
  const listed = typeof indexedDB.databases === 'function' ? (await indexedDB.databases()).some((d) => d.name === TFJS_DB) : true;
  if (!listed) return;
  const db = new Dexie(TFJS_DB);
  try {
    await db.open();
  } catch (e) {
    if (e instanceof Dexie.NoSuchDatabaseError) return;
    throw e;
  }
  try {
    const stores = TFJS_STORES.filter((n) => db.tables.some((t) => t.name === n));
    if (!stores.length) return;
    await db.transaction('rw', stores, async () => {
      for (const n of stores) {
        await db
          .table(n)
          .where(':id')
          .startsWith(glucoseModelPrefix(ws))
          .filter((row: { modelPath?: string }) => !keep.includes(row.modelPath ?? ''))
          .delete();
      }
    });
  } finally {
    db.close();
  }
}

export async function workspaceExists(ws: Workspace): Promise<boolean> {
  return (await Dexie.getDatabaseNames()).includes(DB_NAMES[ws]);
}
