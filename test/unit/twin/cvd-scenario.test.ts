import { describe, expect, it } from 'vitest';
import type { RiskProfile } from '../../../models/risk/profile.ts';
import { riskReport } from '../../../models/risk/report.ts';
import { cvdUnderScenario } from '../../../models/twin/cvd-scenario.ts';

const smoker: RiskProfile = {
  sex: 'male',
  age: 55,
  heightCm: 178,
  weightKg: 92,
  smoking: 'moderate',
  totalCholesterolMgDl: 220,
  hdlMgDl: 42,
  systolicBpMmHg: 138,
  egfr: 88,
  treatedHypertension: false,
  statin: false,
  diabetes: false,
};

describe('CVD risk under a scenario (smoking)', () => {
  it('quitting is scored as the published equations score a non-smoker', () => {
    const c = cvdUnderScenario(smoker, { smoking: 'ex' });
    const quit = riskReport({ ...smoker, smoking: 'ex' });
    expect(c.prevent10yCvdPercent).toEqual({ today: riskReport(smoker).prevent.base10y!.cvd, scenario: quit.prevent.base10y!.cvd });
    expect(c.pce10yAscvdPercent.scenario).toBe(quit.pce!.ascvd10yPercent);
    expect(c.prevent10yCvdPercent.scenario!).toBeLessThan(c.prevent10yCvdPercent.today!);
    expect(c.pce10yAscvdPercent.scenario!).toBeLessThan(c.pce10yAscvdPercent.today!);
  });

  it('no smoking change, no change; missing inputs give null with the reason', () => {
    const same = cvdUnderScenario(smoker, {});
    expect(same.prevent10yCvdPercent.scenario).toBe(same.prevent10yCvdPercent.today);
    const bare = cvdUnderScenario({ sex: 'female', age: 50, heightCm: 165, weightKg: 70 }, { smoking: 'non' });
    expect(bare.pce10yAscvdPercent).toEqual({ today: null, scenario: null });
    expect(bare.warnings.some((w) => w.startsWith('pce'))).toBe(true);
  });
});
