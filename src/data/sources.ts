import type { DoppelDb } from './db.ts';
import type { SourceKind } from './rows.ts';

export interface SourceInput {
  name: string;
  /** Device model where the export names one (Apple Health `device` model, e.g. `Watch`, `iPhone`). */
  model?: string;
  /**
   * IANA zone this import placed the source's offset-less records in (ImportSink); remembered with
   * the source on its first such import, so that later imports place them the same way.
   */
  wallZone?: string;
  /** The device's kind where the export says it (Health Connect's device type); else read from the names. */
  kind?: SourceKind;
}

/** Default priority class (docs/metrics.md "Overlapping sources"): a watch, then a phone, then the rest. */
export function sourceKind(s: SourceInput): SourceKind {
  if (s.kind) return s.kind;
  const model = s.model ?? '';
  if (/watch/i.test(model) || /watch/i.test(s.name)) return 'watch';
  if (/iphone/i.test(model)) return 'phone';
  return 'other';
}

const sourceKey = (s: SourceInput): string => `${s.name}|${s.model ?? ''}`;

/**
 * Finds or creates the source rows and returns their ids in input order, remembering the zone an
 * import placed a source's offset-less records in where none is remembered yet. Call inside the
 * import's read-write transaction over `sources`.
 */
export async function ensureSources(db: DoppelDb, inputs: SourceInput[]): Promise<number[]> {
  const keys = inputs.map(sourceKey);
  const found = await db.sources.where('key').anyOf(keys).toArray();
  const byKey = new Map(found.map((r) => [r.key, r]));
  const ids: number[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const key = keys[i]!;
    const s = inputs[i]!;
    let row = byKey.get(key);
    if (row === undefined) {
      row = { key, name: s.name, model: s.model ?? '', kind: sourceKind(s), ...(s.wallZone ? { wallZone: s.wallZone } : {}) };
      row.id = (await db.sources.add(row)) as number;
      byKey.set(key, row);
    } else if (s.wallZone && !row.wallZone) {
      // The first zone stays: a later import never moves what an earlier one placed.
      row.wallZone = s.wallZone;
      await db.sources.update(row.id!, { wallZone: s.wallZone });
    }
    ids.push(row.id!);
  }
  return ids;
}
