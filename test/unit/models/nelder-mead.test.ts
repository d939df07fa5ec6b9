import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../models/util/nelder-mead.ts';

describe('Nelder–Mead', () => {
  it("finds the minimum of Rosenbrock's valley", () => {
    const rosen = ([x, y]: number[]): number => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;
    const m = nelderMead(rosen, [-1.2, 1], [0.5, 0.5], 2000, 1e-14);
    expect(m.x[0]).toBeCloseTo(1, 3);
    expect(m.x[1]).toBeCloseTo(1, 3);
  });
  it('minimises a shifted quadratic in four dimensions', () => {
    const c = [0.5, -2, 3, 1.25];
    const m = nelderMead((x) => x.reduce((s, v, i) => s + (i + 1) * (v - c[i]!) ** 2, 0), [0, 0, 0, 0], [1, 1, 1, 1], 3000, 1e-14);
    m.x.forEach((v, i) => expect(v).toBeCloseTo(c[i]!, 3));
  });
});
