/** The order sources count in when they overlap: the user's, else watch, then phone, then others (docs/metrics.md). */
import type { SourceRow } from '../../data/rows.ts';

const KIND_RANK = { watch: 0, phone: 1, other: 2 } as const;

export function effectiveOrder(sources: SourceRow[], userOrder: string[]): SourceRow[] {
  const rank = (s: SourceRow): [number, number, string] => {
    const u = userOrder.indexOf(s.key);
    return [u >= 0 ? u : userOrder.length, KIND_RANK[s.kind], s.name];
  };
  return [...sources].sort((a, b) => {
    const [ua, ka, na] = rank(a),
      [ub, kb, nb] = rank(b);
    return ua - ub || ka - kb || na.localeCompare(nb);
  });
}

/** Moves one source up (-1) or down (+1); returns the new list of keys. */
export function move(keys: string[], key: string, by: -1 | 1): string[] {
  const i = keys.indexOf(key),
    j = i + by;
  if (i < 0 || j < 0 || j >= keys.length) return keys;
  const out = [...keys];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
