/**
 * Unknown members of an input object (a CLI profile, scenario or trial). A misspelt field must not
 * run as if it were absent, so it is an error naming it with its path; a field of a later contract
 * version is "not supported yet"; a name close to a known one is suggested.
 */
import { snippet } from './text.ts';

/** Edit distance of two short strings, case-insensitive: insertions, deletions, substitutions and swaps of neighbours count 1. */
function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** The known name `name` is most likely a misspelling of, if any: one with the same letters in another case, an edit or two away, or the start of it. */
function nearest(name: string, known: readonly string[]): string | undefined {
  if (name.length > 64) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  if (best !== undefined && bestD <= Math.min(2, Math.floor(name.length / 4))) return best;
  // A name given without its unit (`hba1c` for `hba1cPercent`).
  return name.length >= 3 ? known.find((k) => k.toLowerCase().startsWith(name.toLowerCase())) : undefined;
}

/**
 * Why `o` has a member that is not one of `known`: `${where}.${name} is not supported yet` for one of
 * `later`, else `${where}.${name} is not a ${what} field`, with "(did you mean …?)" when one is close.
 */
export function unknownField(
  o: Record<string, unknown>,
  where: string,
  what: string,
  known: readonly string[],
  later: readonly string[] = [],
): string | undefined {
  for (const name of Object.keys(o)) {
    if (known.includes(name)) continue;
    const shown = `${where}.${snippet(name, 60)}`;
    if (later.includes(name)) return `${shown} is not supported yet`;
    const near = nearest(name, known);
    return `${shown} is not a ${what} field${near ? ` (did you mean ${near}?)` : ''}`;
  }
  return undefined;
}
