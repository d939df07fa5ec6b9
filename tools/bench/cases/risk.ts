import type { RiskProfile } from '../../../models/risk/profile.ts';
import { createRng } from '../../../models/util/random.ts';

/** n varied, complete profiles (every equation has its inputs), seeded. */
export function riskProfiles(n: number): RiskProfile[] {
  const r = createRng(4);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r.next() * xs.length)]!;
  return Array.from({ length: n }, (): RiskProfile => ({
    sex: pick(['female', 'male'] as const),
    age: 40 + Math.floor(r.next() * 25),
    heightCm: 150 + r.next() * 40,
    weightKg: 55 + r.next() * 60,
    waistCm: 70 + r.next() * 50,
    ethnicity: pick(['white', 'indian', 'black_african', 'chinese', 'hispanic'] as const),
    smoking: pick(['non', 'ex', 'light', 'heavy'] as const),
    fastingGlucoseMgDl: 80 + r.next() * 40,
    hba1cPercent: 4.8 + r.next() * 1.6,
    totalCholesterolMgDl: 150 + r.next() * 120,
    hdlMgDl: 30 + r.next() * 50,
    triglyceridesMgDl: 70 + r.next() * 200,
    systolicBpMmHg: 100 + r.next() * 70,
    diastolicBpMmHg: 60 + r.next() * 35,
    egfr: 50 + r.next() * 70,
    familyHistoryDiabetes: pick(['none', 'second_degree', 'first_degree'] as const),
    diabetes: false,
    cvd: false,
    bpMedication: r.next() < 0.3,
    treatedHypertension: r.next() < 0.2,
    statin: r.next() < 0.2,
    physicallyActive: r.next() < 0.5,
    physicallyActiveDaily: r.next() < 0.4,
    dailyFruitVegetables: r.next() < 0.6,
    highGlucoseHistory: r.next() < 0.2,
    hypertension: r.next() < 0.3,
  }));
}
