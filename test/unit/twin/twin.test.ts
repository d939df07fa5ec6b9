import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hallWeightTrajectory } from '../../../models/physiology/hall-adult.ts';
import { runEnsemble, solveIntakeForWeightChange } from '../../../models/twin/engine.ts';
import { drawMember, memberFsi, type VirtualPerson } from '../../../models/twin/members.ts';
import { personFromProfile } from '../../../models/twin/person-from-profile.ts';
import { invalidScenario, scenarioOutOfRange } from '../../../models/twin/scenario.ts';
import { compareScenarios, simulate } from '../../../models/twin/simulate.ts';
import { createRng } from '../../../models/util/random.ts';

const person: VirtualPerson = { sex: 'male', ageYears: 40, heightM: 1.8, weightKg: 90, fastingGlucoseMgDl: 104, hba1cPercent: 5.8 };

describe('twin members', () => {
  it("a typical member starts exactly at the person's glucose and HbA1c, at steady state", () => {
    const m = drawMember(person);
    let first: [number, number] | undefined;
    runEnsemble([{ ...m, glycaemia: { ...m.glycaemia, rbPerYear: 0 }, intakeDriftKcalPerDay: 0 }], {}, 3650, (v) => {
      first ??= [v.fpgMmolL[0]! * 18.016, v.hba1cPercent[0]!];
      expect(v.fpgMmolL[0]! * 18.016).toBeCloseTo(104, 9);
      expect(v.hba1cPercent[0]!).toBeCloseTo(5.8, 9);
    });
    expect(first).toEqual([expect.closeTo(104, 9), expect.closeTo(5.8, 9)]);
  });

  it('a measured fasting insulin is honoured by the typical member', () => {
    expect(memberFsi(drawMember({ ...person, fastingInsulinMicroIuMl: 9 }))).toBeCloseTo(9, 6);
  });

  it('the intake solve reaches the asked weight change at one year to 0.01 kg', () => {
    const rng = createRng(3);
    const members = Array.from({ length: 20 }, () =>
      drawMember({ ...person, weightKg: 70 + 40 * rng.next(), sex: rng.next() < 0.5 ? 'female' : 'male' }, rng),
    );
    const people = members.map((m) => m.body);
    runEnsemble(
      members.map((m) => ({ ...m, intakeDriftKcalPerDay: 0, adherence: 1 })),
      { weightChangeKg: -5, startDay: 10 },
      375,
      (v) => {
        if (v.day === 375) v.weightKg.forEach((w, i) => expect(w - people[i]!.weightKg).toBeCloseTo(-5, 2));
      },
    );
  });

  it('a weight-change target is held after one year: different bodies (exact switch) and one shared body (superposed switch)', () => {
    const rng = createRng(5);
    const bodies = Array.from({ length: 12 }, () => drawMember({ ...person, weightKg: 70 + 40 * rng.next() }, rng));
    const shared = Array.from({ length: 12 }, () => drawMember(person, rng));
    for (const [members, startDay] of [
      [bodies, 0],
      [bodies, 30],
      [shared, 0],
    ] as const) {
      const held = members.map((m) => ({ ...m, intakeDriftKcalPerDay: 0, adherence: 1 }));
      runEnsemble(held, { weightChangeKg: -6, startDay }, startDay + 3650, (v) => {
        if (v.day < startDay + 365 || (v.day - startDay) % 365 !== 0) return;
        v.weightKg.forEach((w, i) =>
          expect(Math.abs(w - members[i]!.body.weightKg + 6)).toBeLessThan(v.day === startDay + 365 ? 0.01 : 0.35),
        );
      });
    }
  });

  it("the shared-body superposition follows each member's exact two-phase trajectory closely for any adherence", () => {
    const base = drawMember(person);
    const members = [0.3, 1, 2.5].map((adherence) => ({ ...base, adherence, intakeDriftKcalPerDay: 0 }));
    const fast: number[][] = [];
    runEnsemble(members, { weightChangeKg: -5 }, 1825, (v) => {
      if (v.day % 365 === 0) fast.push([...v.weightKg]);
    });
    // The same members on separate (identical) bodies take the exact path: a per-member intake switch.
    const exact: number[][] = [];
    const apart = members.map((m) => ({ ...m, body: { ...m.body, heightM: m.body.heightM + 1e-9 } }));
    runEnsemble(apart, { weightChangeKg: -5 }, 1825, (v) => {
      if (v.day % 365 === 0) exact.push([...v.weightKg]);
    });
    fast.forEach((row, y) => row.forEach((w, i) => expect(Math.abs(w - exact[y]![i]!)).toBeLessThan(0.25)));
  });

  it('asking for no weight change at baseline activity gives no intake change', () => {
    const p = drawMember(person).body;
    const delta = new Float64Array([((0.9 * 1.5 - 1) * (9.99 * 90 + 625 * 1.8 - 4.92 * 40 + 5)) / 90]);
    expect(Math.abs(solveIntakeForWeightChange([p], 0, delta, 0)[0]!)).toBeLessThan(1e-6);
  });
});

describe('simulate', () => {
  it("deterministic: the daily weight is the published model's own trajectory", () => {
    const r = simulate(person, { energyIntakeChangeKcalPerDay: -500 }, { years: 1, deterministic: true });
    const ref = hallWeightTrajectory(person, -500, 365);
    expect(r.daily!.weightKg).toHaveLength(366);
    expect(r.daily!.weightKg[364]).toBeCloseTo(76.260804299583214, 6);
    r.daily!.weightKg.forEach((w, d) => expect(w).toBeCloseTo(ref[d]!, 9));
  });

  it('has the contract shape, ordered bands, and a non-decreasing T2D probability', () => {
    const r = simulate(person, {}, { years: 5, members: 300, seed: 4 });
    expect(r.years).toEqual([0, 1, 2, 3, 4, 5]);
    for (const s of [r.weightKg, r.fastingGlucoseMgDl, r.hba1cPercent]) {
      for (let y = 0; y <= 5; y++) {
        expect(s.p05[y]!).toBeLessThanOrEqual(s.p25[y]!);
        expect(s.p25[y]!).toBeLessThanOrEqual(s.p50[y]!);
        expect(s.p50[y]!).toBeLessThanOrEqual(s.p75[y]!);
        expect(s.p75[y]!).toBeLessThanOrEqual(s.p95[y]!);
      }
    }
    r.t2dCumulativeProbability.forEach((p, i) => i && expect(p).toBeGreaterThanOrEqual(r.t2dCumulativeProbability[i - 1]!));
    expect(r.weightKg.p95[5]! - r.weightKg.p05[5]!).toBeGreaterThan(2);
  });

  it('the same seed gives identical results; another seed does not', () => {
    const a = simulate(person, { weightChangeKg: -5 }, { years: 3, members: 200, seed: 9 });
    expect(simulate(person, { weightChangeKg: -5 }, { years: 3, members: 200, seed: 9 })).toEqual(a);
    expect(simulate(person, { weightChangeKg: -5 }, { years: 3, members: 200, seed: 10 })).not.toEqual(a);
  });

  it('property: on common random numbers, eating more never lowers weight or diabetes probability', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -800, max: 300 }),
        fc.integer({ min: 50, max: 500 }),
        fc.integer({ min: 0, max: 1000 }),
        (dEi, more, seed) => {
          const [lo, hi] = compareScenarios(
            person,
            { energyIntakeChangeKcalPerDay: dEi },
            { energyIntakeChangeKcalPerDay: dEi + more },
            { years: 4, members: 60, seed },
          );
          for (let y = 1; y <= 4; y++) {
            expect(hi.weightKg.p50[y]!).toBeGreaterThan(lo.weightKg.p50[y]!);
            expect(hi.fastingGlucoseMgDl.p50[y]!).toBeGreaterThanOrEqual(lo.fastingGlucoseMgDl.p50[y]!);
            expect(hi.t2dCumulativeProbability[y]!).toBeGreaterThanOrEqual(lo.t2dCumulativeProbability[y]!);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('property: on common random numbers, a bigger held weight loss never raises weight, glucose or diabetes probability', () => {
    fc.assert(
      fc.property(fc.integer({ min: -12, max: 6 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 1000 }), (kg, more, seed) => {
        const [a, b] = compareScenarios(person, { weightChangeKg: kg }, { weightChangeKg: kg - more }, { years: 5, members: 60, seed });
        for (let y = 1; y <= 5; y++) {
          expect(b.weightKg.p50[y]!).toBeLessThan(a.weightKg.p50[y]!);
          expect(b.fastingGlucoseMgDl.p50[y]!).toBeLessThanOrEqual(a.fastingGlucoseMgDl.p50[y]!);
          expect(b.t2dCumulativeProbability[y]!).toBeLessThanOrEqual(a.t2dCumulativeProbability[y]!);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('property: more activity and metformin never raise glucose or diabetes probability', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 30, max: 300 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (base, extra, met, seed) => {
          const [a, b] = compareScenarios(
            person,
            { activityMinutesPerWeek: base },
            { activityMinutesPerWeek: base + extra, metformin: met },
            { years: 3, members: 60, seed },
          );
          for (let y = 1; y <= 3; y++) {
            expect(b.weightKg.p50[y]!).toBeLessThan(a.weightKg.p50[y]!);
            expect(b.fastingGlucoseMgDl.p50[y]!).toBeLessThan(a.fastingGlucoseMgDl.p50[y]!);
            expect(b.t2dCumulativeProbability[y]!).toBeLessThanOrEqual(a.t2dCumulativeProbability[y]!);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('inputs', () => {
  it.each([
    [{ weightChangeKg: -5, energyIntakeChangeKcalPerDay: -500 }, 'scenario: give weightChangeKg or energyIntakeChangeKcalPerDay, not both'],
    [{ metformin: 'yes' }, 'scenario.metformin must be true or false'],
    [{ activityMinutesPerWeek: 1e9 }, 'scenario.activityMinutesPerWeek 1000000000 is outside 0 to 2100'],
    [{ startDay: 1.5 }, 'scenario.startDay must be a whole number of days'],
    [
      { calories: 3 },
      'scenario.calories is not a scenario field (energyIntakeChangeKcalPerDay, physicalActivityLevel, activityMinutesPerWeek, weightChangeKg, startDay, metformin, smoking)',
    ],
  ])('scenario %j → %s', (s, why) => expect(invalidScenario(s)).toBe(why));

  it('a profile with diabetes, or values in its range, is simulated with a warning that the twin is for prevention', () => {
    const r = personFromProfile({ sex: 'male', age: 60, heightCm: 175, weightKg: 95, fastingGlucoseMgDl: 140, hba1cPercent: 7.1 });
    expect(r.ok && r.warnings.some((w) => w.startsWith('the profile already has diabetes or values in its range'))).toBe(true);
    const ok = personFromProfile({ sex: 'male', age: 60, heightCm: 175, weightKg: 95, fastingGlucoseMgDl: 104, hba1cPercent: 5.8 });
    expect(ok.ok && ok.warnings).toEqual([]);
  });

  it('a profile needs sex, age, height and weight; missing glucose values are inferred with a warning', () => {
    expect(personFromProfile({ age: 50, heightCm: 170, weightKg: 80 })).toEqual({
      ok: false,
      reason: 'profile.sex is needed to simulate',
      why: { kind: 'missing', field: 'sex' },
    });
    const r = personFromProfile({ sex: 'female', age: 50, heightCm: 165, bmi: 30, hba1cPercent: 5.7 });
    expect(r.ok && r.person.weightKg).toBeCloseTo(30 * 1.65 ** 2, 9);
    expect(r.ok && r.warnings[0]).toMatch(/^no fasting glucose: \d+ mg\/dL inferred from HbA1c$/);
  });
});

describe("the model's domain", () => {
  it("extreme but valid scenarios never give NaN: intake changes are held inside the Hall model's domain", () => {
    const small: VirtualPerson = { sex: 'female', ageYears: 25, heightM: 1.5, weightKg: 45, fastingGlucoseMgDl: 90, hba1cPercent: 5.2 };
    for (const s of [
      { energyIntakeChangeKcalPerDay: -2500 },
      { energyIntakeChangeKcalPerDay: 2500 },
      { weightChangeKg: -10 },
      { energyIntakeChangeKcalPerDay: -2500, startDay: 30 },
    ]) {
      const r = simulate(small, s, { years: 10, members: 200, seed: 1 });
      for (const series of [r.weightKg, r.fastingGlucoseMgDl, r.hba1cPercent])
        for (const band of Object.values(series)) expect(band.every(Number.isFinite)).toBe(true);
      expect(Math.min(...r.weightKg.p05)).toBeGreaterThan(20);
    }
  });

  it('a weight change the body cannot reach is refused with the BMI it would mean', () => {
    expect(scenarioOutOfRange({ weightKg: 80, heightM: 1.65 }, { weightChangeKg: -60 })).toBe(
      "scenario.weightChangeKg -60 would take BMI to 7.3, outside the body-weight model's 15-70",
    );
    expect(scenarioOutOfRange({ weightKg: 80, heightM: 1.65 }, { weightChangeKg: -10 })).toBeUndefined();
  });

  it('a fasting insulin that is not a plausible number is refused', () => {
    const r = personFromProfile({ sex: 'male', age: 50, heightCm: 180, weightKg: 90, fastingInsulinMicroIuMl: 'abc' as unknown as number });
    expect(r).toEqual({
      ok: false,
      reason: 'profile.fastingInsulinMicroIuMl must be a number from 1 to 300 µIU/mL (got "abc")',
      why: { kind: 'outside', field: 'fastingInsulin', value: null, min: 1, max: 300 },
    });
  });
});
