import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HallEnsemble,
  hallBaseline,
  hallDeltaAtPal,
  hallWeightTrajectory,
  type HallPerson,
} from '../../../models/physiology/hall-adult.ts';
import { stepReference } from '../../../models/physiology/hall-adult-reference-step.ts';

const man: HallPerson = { sex: 'male', ageYears: 40, heightM: 1.8, weightKg: 90 };

describe('Hall adult model (docs/equations.md §7)', () => {
  it('initialises to the published intermediates', () => {
    const b = hallBaseline(man);
    expect(b.rmrKcalPerDay).toBeCloseTo(1832.3, 9);
    expect(b.energyIntakeKcalPerDay).toBeCloseTo(2748.45, 9);
    expect(b.ecfKg).toBeCloseTo(23.016, 9);
    expect(b.fatKg).toBeCloseTo(23.118532078523476, 12);
    expect(b.leanKg).toBeCloseTo(42.01546792147652, 12);
    expect(b.deltaKcalPerKgPerDay).toBeCloseTo(7.125611111111113, 12);
    expect(b.kKcalPerDay).toBeCloseTo(1111.455610086697, 9);
  });

  it('reproduces the reference trajectory: −500 kcal/d → 76.2608 kg on day 364', () => {
    const w = hallWeightTrajectory(man, -500, 364);
    expect(w[0]).toBe(90);
    expect(Math.abs(w[364]! - 76.260804299583214)).toBeLessThan(1e-6);
  });

  it('stays at baseline weight at energy balance', () => {
    const w = hallWeightTrajectory({ ...man, sex: 'female', weightKg: 70, heightM: 1.65 }, 0, 3650);
    expect(Math.abs(w[3650]! - 70)).toBeLessThan(1e-9);
  });

  it('a member of an ensemble follows the same trajectory as when run alone', () => {
    const people: HallPerson[] = [man, { sex: 'female', ageYears: 55, heightM: 1.6, weightKg: 82 }, { ...man, weightKg: 120 }];
    const e = new HallEnsemble(people);
    e.deltaEi.set([-500, 200, -800]);
    e.startDay = 30;
    for (let d = 0; d < 400; d++) e.step();
    people.forEach((p, i) => expect(e.weight[i]).toBeCloseTo(hallWeightTrajectory(p, [-500, 200, -800][i]!, 400, 30)[400]!, 10));
  });

  it('the fast kernel agrees with the reference step to 1e-8 kg every day for 10 years', () => {
    const people: HallPerson[] = [
      man,
      { sex: 'female', ageYears: 30, heightM: 1.58, weightKg: 52 },
      { sex: 'male', ageYears: 70, heightM: 1.9, weightKg: 140 },
    ];
    const make = (): HallEnsemble => {
      const e = new HallEnsemble(people);
      e.deltaEiBefore.set([50, -100, 0]);
      e.deltaEi.set([-500, 300, -900]);
      e.deltaAfter[2] = hallDeltaAtPal(people[2]!, 1.8);
      e.startDay = 200;
      return e;
    };
    const fast = make();
    const ref = make();
    for (let d = 0; d < 3650; d++) {
      fast.step();
      stepReference(ref, (d & 63) === 63);
      (ref as { day: number }).day++;
      for (let i = 0; i < 3; i++) expect(Math.abs(fast.weight[i]! - ref.weight[i]!)).toBeLessThan(1e-8);
    }
  });

  const personArb = fc
    .record({
      sex: fc.constantFrom<'male' | 'female'>('male', 'female'),
      ageYears: fc.double({ min: 20, max: 80, noNaN: true }),
      heightM: fc.double({ min: 1.5, max: 2.0, noNaN: true }),
      bmi: fc.double({ min: 20, max: 45, noNaN: true }),
    })
    .map(({ bmi, ...p }) => ({ ...p, weightKg: bmi * p.heightM ** 2 }));

  // The model's domain: intake changes up to a 40 % cut or a 25 % rise for two years. (Beyond it, e.g.
  // a 45-kg woman eating 1000 kcal/d less for two years, lean mass runs out: starvation, not a what-if.)
  it('property: no negative masses; more intake never means less weight', () => {
    fc.assert(
      fc.property(
        personArb,
        fc.double({ min: -0.4, max: 0.25, noNaN: true }),
        fc.double({ min: 0.005, max: 0.15, noNaN: true }),
        (p, frac, moreFrac) => {
          const ei = hallBaseline(p).energyIntakeKcalPerDay;
          const dEi = frac * ei;
          const e = new HallEnsemble([p, p]);
          e.deltaEi.set([dEi, dEi + moreFrac * ei]);
          for (let d = 0; d < 730; d++) {
            e.step();
            for (const arr of [e.fat, e.lean, e.ecf, e.glycogen, e.weight]) expect(Math.min(...arr)).toBeGreaterThan(0);
            expect(e.weight[1]!).toBeGreaterThanOrEqual(e.weight[0]!);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('property: a higher activity level at the same intake means less weight', () => {
    fc.assert(
      fc.property(personArb, fc.double({ min: 0.05, max: 0.4, noNaN: true }), (p, more) => {
        const e = new HallEnsemble([p, p]);
        e.deltaAfter[1] = hallDeltaAtPal(p, 1.5 + more);
        for (let d = 0; d < 365; d++) e.step();
        expect(e.weight[1]!).toBeLessThan(e.weight[0]!);
        expect(Math.abs(e.weight[0]! - p.weightKg)).toBeLessThan(1e-9);
      }),
      { numRuns: 40 },
    );
  });
});
