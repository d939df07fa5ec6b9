// The total diet replacement schedule (models/twin/tdr.ts) through the Hall body model.
import { describe, expect, it } from 'vitest';
import { hallBaseline, type HallPerson } from '../../../models/physiology/hall-adult.ts';
import { TDR_LIMITS, tdrDays, tdrProblem, tdrSchedule, weightUnderSteps } from '../../../models/twin/tdr.ts';

// DiRECT-like people (cohort means: age 54, BMI 34.6; heights of the ITT cohort, Taylor 2018 Table 1).
const man: HallPerson = { sex: 'male', ageYears: 54, heightM: 1.759, weightKg: 105.8 };
const woman: HallPerson = { sex: 'female', ageYears: 54, heightM: 1.607, weightKg: 91.2 };
const people = [man, woman];
const noActivity = Float64Array.from(people, (p) => hallBaseline(p).deltaKcalPerKgPerDay);
const tdr = { weeks: 12, kcalPerDay: 850, reintroductionWeeks: 6 };

describe('total diet replacement', () => {
  const steps = tdrSchedule(people, tdr, noActivity);
  const { dietEndDay, maintenanceDay } = tdrDays(tdr);

  it('the diet is the stated energy exactly, below the floor other plans keep', () => {
    expect(steps[0]!.day).toBe(0);
    people.forEach((p, i) => {
      const ei0 = hallBaseline(p).energyIntakeKcalPerDay;
      expect(ei0 + steps[0]!.dEi[i]!).toBeCloseTo(850, 6);
      // More than the 40 % cut a weight target may ask for.
      expect(-steps[0]!.dEi[i]! / ei0).toBeGreaterThan(0.4);
    });
  });

  it('food comes back in equal weekly steps to the intake that then holds the weight reached', () => {
    expect(steps.map((s) => s.day)).toEqual([0, 84, 91, 98, 105, 112, 119, 126]);
    expect(maintenanceDay).toBe(dietEndDay + 42);
    people.forEach((_, i) => {
      const dEi = steps.map((s) => s.dEi[i]!);
      for (let k = 1; k < dEi.length; k++) expect(dEi[k]!).toBeGreaterThan(dEi[k - 1]!);
      const gaps = dEi.slice(1).map((v, k) => v - dEi[k]!);
      for (const g of gaps) expect(g).toBeCloseTo(gaps[0]!, 6);
    });
    const atStart = weightUnderSteps(people, steps, noActivity, maintenanceDay);
    const twoYearsOn = weightUnderSteps(people, steps, noActivity, maintenanceDay + 730);
    const fiveYearsOn = weightUnderSteps(people, steps, noActivity, maintenanceDay + 1825);
    people.forEach((_, i) => {
      expect(Math.abs(twoYearsOn[i]! - atStart[i]!)).toBeLessThan(0.01);
      expect(Math.abs(fiveYearsOn[i]! - atStart[i]!)).toBeLessThan(0.3);
    });
  });

  it('loses weight fastest on the diet and less each week as food returns', () => {
    const at = (d: number) => weightUnderSteps(people, steps, noActivity, d);
    const dietLoss = at(dietEndDay);
    const reintroLoss = Float64Array.from(at(maintenanceDay), (w, i) => w - dietLoss[i]!);
    people.forEach((_, i) => {
      expect(dietLoss[i]!).toBeLessThan(-8);
      expect(reintroLoss[i]!).toBeLessThan(0);
      expect(Math.abs(reintroLoss[i]!)).toBeLessThan(Math.abs(dietLoss[i]!) / 2);
    });
  });

  it('refuses a programme outside its limits, naming the field and range', () => {
    expect(tdrProblem(tdr)).toBeUndefined();
    expect(tdrProblem({ ...tdr, weeks: 30 })).toBe(`totalDietReplacement.weeks must be ${TDR_LIMITS.weeks[0]} to ${TDR_LIMITS.weeks[1]}`);
    expect(tdrProblem({ ...tdr, kcalPerDay: 400 })).toMatch(/kcalPerDay must be 600 to 1200/);
    expect(tdrProblem({ weeks: 12, kcalPerDay: 850 })).toBeUndefined();
    expect(tdrProblem({ ...tdr, reintroductionWeeks: Number.NaN })).toMatch(/reintroductionWeeks/);
    expect(() => tdrSchedule(people, { ...tdr, weeks: 2 }, noActivity)).toThrow(RangeError);
  });
});
