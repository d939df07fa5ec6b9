import { describe, expect, it } from 'vitest';
import { riskValidationCases } from '../../../models/validation/risk-cases.ts';

describe('every published worked example (the cases `validate` prints)', () => {
  it.each(riskValidationCases().map((c) => [c.id, c] as const))('%s', (_, c) => {
    const got = c.got();
    expect(got).not.toBeNull();
    expect(Math.abs(got! - c.expected)).toBeLessThanOrEqual(c.tolerance + 1e-12);
  });
});
