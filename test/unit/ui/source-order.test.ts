import { describe, expect, it } from 'vitest';
import { effectiveOrder, move } from '../../../src/ui/sources/order.ts';
import type { SourceRow } from '../../../src/data/rows.ts';

const src = (name: string, kind: SourceRow['kind']): SourceRow => ({ key: `${name}|`, name, model: '', kind });
const sources = [src('Zepp', 'other'), src('iPhone', 'phone'), src('Apple Watch', 'watch'), src('Fitbit', 'other')];

describe('source priority', () => {
  it('defaults to watch, then phone, then others by name (the import rule)', () => {
    expect(effectiveOrder(sources, []).map((s) => s.name)).toEqual(['Apple Watch', 'iPhone', 'Fitbit', 'Zepp']);
  });
  it("puts the user's order first; sources it does not name keep the default after it", () => {
    expect(effectiveOrder(sources, ['Zepp|', 'iPhone|']).map((s) => s.name)).toEqual(['Zepp', 'iPhone', 'Apple Watch', 'Fitbit']);
  });
  it('moves one step at a time and never off the ends', () => {
    expect(move(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 'x', 1)).toEqual(['a', 'b', 'c']);
  });
});
