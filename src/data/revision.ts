import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import type { DoppelDb } from './db.ts';

/**
 * The data revision: a counter in the `settings` table that every write transaction changing the
 * person's data raises, in that same transaction. Caches of what is computed from the data (the twin
 * worker's inputs and calibrated ensemble) are keyed on it, so a write from any path (a screen, an
 * import, undo, the CLI, a shared twin opened, a future sync) invalidates them, and no caller has to
 * remember to tell the caches.
 *
 * It is raised by a Dexie middleware (below `db.transaction` and every table method), not by each
 * write function: a write that forgets nothing cannot forget the revision either. A row in the
 * existing `settings` table keeps the schema unchanged.
 */
export const REVISION_KEY = 'dataRevision';

/** Tables whose rows are the person's data or decide what is computed from them. */
const DATA_TABLES = new Set(['profile', 'sampleChunks', 'daily', 'imports', 'sources', 'settings', 'doses']);
/**
 * Settings that change no computation from the data: display units (storage is canonical), the
 * glucose forecaster's own record (derived from the data), and the revision itself.
 */
const NOT_DATA_SETTINGS = new Set(['glucoseUnit', 'weightUnit', 'hba1cUnit', 'creatinineUnit', 'heightUnit', 'ml.glucose', REVISION_KEY]);

/** The current data revision (0 for a database never written to). */
export async function dataRevision(db: DoppelDb): Promise<number> {
  const row = await db.settings.get(REVISION_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

function changesData(table: string, req: DBCoreMutateRequest): boolean {
  if (!DATA_TABLES.has(table)) return false;
  if (table !== 'settings') return true;
  if (req.type === 'deleteRange') return true;
  const keys: unknown[] = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v: { key?: unknown }) => v?.key));
  return keys.some((k) => !NOT_DATA_SETTINGS.has(String(k)));
}

/**
 * The middleware: a read-write transaction over any data table also covers `settings`; its first
 * data write reads the revision (before the write, so that even a transaction that clears `settings`
 * ends one above where it began) and stores revision + 1.
 */
export const revisionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'DataRevision',
  create(down) {
    const next = new WeakMap<DBCoreTransaction, { value: Promise<number>; stored: boolean }>();
    const settings = (): ReturnType<DBCore['table']> => down.table('settings');
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && !stores.includes('settings') && stores.some((s) => DATA_TABLES.has(s));
        return down.transaction(widen ? [...stores, 'settings'] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          async mutate(req) {
            if (!changesData(name, req)) return table.mutate(req);
            let rev = next.get(req.trans);
            if (!rev) {
              const value = settings()
                .get({ trans: req.trans, key: REVISION_KEY })
                .then((row: { value?: unknown } | undefined) => (typeof row?.value === 'number' ? row.value : 0) + 1);
              next.set(req.trans, (rev = { value, stored: false }));
            }
            const value = await rev.value;
            const res = await table.mutate(req);
            // Stored once per transaction, and again after a write to settings (which may have removed it).
            if (!rev.stored || name === 'settings') {
              rev.stored = true;
              await settings().mutate({ type: 'put', trans: req.trans, values: [{ key: REVISION_KEY, value }] });
            }
            return res;
          },
        };
      },
    };
  },
};
