import type { DoppelDb } from './db.ts';
import type { SourceKind, SourceRow } from './rows.ts';

export interface SourceInput {
  name: string;
  /** Device model where the export names one (Apple Health `device` model, e.g. `Watch`, `iPhone`). */
  model?: string;
}

/** Default priority class (docs/metrics.md "Overlapping sources"): a watch, then a phone, then the rest. */
export function sourceKind(s: SourceInput): SourceKind {
  const model = s.model ?? '';
  if (/watch/i.test(model) || /watch/i.test(s.name)) return 'watch';
  if (/iphone/i.test(model)) return 'phone';
  return 'other';
}

const sourceKey = (s: SourceInput): string => `${s.name}|${s.model ?? ''}`;

/**
 * Finds or creates the source rows and returns their ids in input order. Call inside the import's
 * read-write transaction over `sources`.
 */
export async function ensureSources(db: DoppelDb, inputs: SourceInput[]): Promise<number[]> {
  const keys = inputs.map(sourceKey);
  const found = await db.sources.where('key').anyOf(keys).toArray();
  const byKey = new Map(found.map((r) => [r.key, r.id!]));
  const ids: number[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const key = keys[i]!;
    let id = byKey.get(key);
    if (id === undefined) {
      const s = inputs[i]!;
      const row: SourceRow = { key, name: s.name, model: s.model ?? '', kind: sourceKind(s) };
      id = (await db.sources.add(row)) as number;
      byKey.set(key, id);
    }
    ids.push(id);
  }
  return ids;
}
