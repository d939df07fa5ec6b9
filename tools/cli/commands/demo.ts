// The in-memory IndexedDB the store opens, installed before Dexie loads.
import 'fake-indexeddb/auto';
import { DEMO_SEED } from '../../../models/demo/synthetic-person.ts';
import { DoppelDb } from '../../../src/data/db.ts';
import { storeReport } from '../../../src/data/report.ts';
import { loadDemo } from '../../../src/import/demo.ts';
import { UsageError } from '../args.ts';
import type { CommandResult } from '../command.ts';
import type { Parsed } from '../args.ts';

/** `demo` (usage and help: ./index.ts). */
export async function run(p: Parsed): Promise<CommandResult> {
  const endDay = p.option('end-day') ?? new Date().toISOString().slice(0, 10);
  const offsetMin = Number(p.option('offset') ?? 0);
  const seed = Number(p.option('seed') ?? DEMO_SEED);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endDay)) throw new UsageError(`--end-day "${endDay}" is not YYYY-MM-DD`);
  if (!Number.isInteger(offsetMin) || Math.abs(offsetMin) > 14 * 60)
    throw new UsageError(`--offset ${p.option('offset')} is not whole minutes within ±840`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed ${p.option('seed')} is not an integer`);
  const db = new DoppelDb(`cli-${process.pid}-${Date.now()}`);
  try {
    const row = await loadDemo(db, { endDay, offsetMin, seed });
    return {
      imports: [
        {
          file: row.fileName,
          format: row.format,
          added: row.added,
          duplicates: row.duplicates,
          rejected: row.rejected,
          ignored: row.ignored,
        },
      ],
      ...(await storeReport(db)),
    };
  } finally {
    await db.delete();
  }
}
