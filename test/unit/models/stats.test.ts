import { describe, expect, it } from 'vitest';
import { mean, sd } from '../../../models/util/stats.ts';

describe('mean and sd', () => {
  it('skip values that do not apply (NaN), and have no mean without any value', () => {
    expect(mean([1, 2, NaN, 3])).toBe(2);
    expect(mean(new Float64Array([NaN]))).toBeNaN();
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  });
});
