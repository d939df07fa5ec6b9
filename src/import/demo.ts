import { generateDemoPerson, type DemoOptions } from '../../models/demo/synthetic-person.ts';
import type { DoppelDb } from '../data/db.ts';
import { commitImport } from '../data/imports.ts';
import { saveProfile } from '../data/profile.ts';
import type { ImportRow } from '../data/rows.ts';

/**
 * Fills a workspace with the synthetic demo person through the same atomic import path a real
 * export takes. Running it again adds nothing (every sample is a duplicate).
 */
export async function loadDemo(db: DoppelDb, opts: DemoOptions): Promise<ImportRow> {
  const person = generateDemoPerson(opts);
  const bytes = person.batches.reduce(
    (s, b) => s + b.start.byteLength * 3 + b.offsetMin.byteLength + b.source.byteLength + b.flags.byteLength,
    0,
  );
  const row = await commitImport(db, {
    fileName: 'Demo person (synthetic)',
    format: 'doppel-demo',
    bytes,
    sources: person.sources,
    batches: person.batches,
    rejected: [],
    ignored: {},
  });
  await saveProfile(db, person.profile);
  return row;
}
