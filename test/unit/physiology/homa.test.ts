import { describe, expect, it } from 'vitest';
import {
  fsiForHomaIr,
  HOMA_B_FACTOR_MG_DL,
  HOMA_B_FACTOR_MMOL_L,
  HOMA_B_GLUCOSE_OFFSET_MG_DL,
  HOMA_B_GLUCOSE_OFFSET_MMOL_L,
  HOMA_IR_DIVISOR_MG_DL,
  HOMA_IR_DIVISOR_MMOL_L,
  homaBPercent,
  homaBPercentMgDl,
  homaIr,
  homaIrMgDl,
  whigBetaFromFsi,
} from '../../../models/physiology/homa.ts';
import { whigFsiMicroIuMl } from '../../../models/physiology/whig.ts';
import { priorFsiMedian } from '../../../models/twin/members.ts';
import { PRIORS } from '../../../models/twin/priors.ts';

describe('HOMA (Matthews 1985)', () => {
  it('normalises to the normal young adult: glucose 4.5 mmol/L (81 mg/dL) and insulin 5 µU/mL give HOMA-IR 1 and HOMA-B 100 %', () => {
    expect(homaIr(4.5, 5)).toBeCloseTo(1, 12);
    expect(homaIrMgDl(81, 5)).toBeCloseTo(1, 12);
    expect(homaBPercent(4.5, 5)).toBeCloseTo(100, 12);
    expect(homaBPercentMgDl(81, 5)).toBeCloseTo(100, 12);
  });

  it('the mg/dL constants are the mmol/L ones with glucose × 18', () => {
    expect(HOMA_IR_DIVISOR_MG_DL).toBe(HOMA_IR_DIVISOR_MMOL_L * 18);
    expect(HOMA_B_FACTOR_MG_DL).toBe(HOMA_B_FACTOR_MMOL_L * 18);
    expect(HOMA_B_GLUCOSE_OFFSET_MG_DL).toBe(HOMA_B_GLUCOSE_OFFSET_MMOL_L * 18);
    for (const [g, i] of [
      [5.2, 9],
      [6.4, 17],
      [7.9, 31],
    ] as const) {
      expect(homaIrMgDl(g * 18, i)).toBeCloseTo(homaIr(g, i), 12);
      expect(homaBPercentMgDl(g * 18, i)).toBeCloseTo(homaBPercent(g, i), 10);
    }
  });

  it("the insulin for a HOMA-IR inverts HOMA-IR, and the twin's insulin prior uses it", () => {
    expect(homaIr(6.1, fsiForHomaIr(2.7, 6.1))).toBeCloseTo(2.7, 12);
    // At BMI 22 the prior's median HOMA-IR is homaIrMedianAtBmi22.
    expect(homaIr(5.8, priorFsiMedian(22, 5.8))).toBeCloseTo(PRIORS.homaIrMedianAtBmi22, 12);
  });

  it("WHIG's β-cell function from insulin inverts its insulin from β-cell function", () => {
    for (const b of [0.05, 0.4, 0.97]) expect(whigBetaFromFsi(whigFsiMicroIuMl(b, 6.2), 6.2)).toBeCloseTo(b, 12);
  });
});
