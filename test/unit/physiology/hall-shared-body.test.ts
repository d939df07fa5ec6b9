import { describe, expect, it } from 'vitest';
import { HallEnsemble, hallDeltaAtPal, type HallPerson } from '../../../models/physiology/hall-adult.ts';
import { SharedBodyHall, sameBody } from '../../../models/physiology/hall-shared-body.ts';
import { createRng } from '../../../models/util/random.ts';

describe('shared-body Hall ensemble (interpolated on a grid of full-model runs)', () => {
  it.each([
    ['man, intake changes −1100..+400 kcal/d', { sex: 'male', ageYears: 40, heightM: 1.8, weightKg: 90 }, -1100, 400, 1.5],
    ['woman, small spread −520..−480 kcal/d, more active', { sex: 'female', ageYears: 62, heightM: 1.6, weightKg: 70 }, -520, -480, 1.8],
  ] as const)('%s: every member within 1e-3 kg of its own full-model run for 10 years', (_n, body, lo, hi, pal) => {
    const rng = createRng(11);
    const dEi = Float64Array.from({ length: 300 }, () => lo + (hi - lo) * rng.next());
    const delta = hallDeltaAtPal(body as HallPerson, pal);
    const fast = new SharedBodyHall(body as HallPerson, dEi, delta);
    const full = new HallEnsemble(Array.from({ length: 300 }, () => body as HallPerson));
    full.deltaEi.set(dEi);
    full.deltaAfter.fill(delta);
    let worst = 0;
    for (let d = 0; d < 3650; d++) {
      fast.step();
      full.step();
      for (let i = 0; i < 300; i++) worst = Math.max(worst, Math.abs(fast.weight[i]! - full.weight[i]!));
    }
    expect(worst).toBeLessThan(1e-3);
  });

  it("its nodes never leave the members' range (a node outside it could leave the model's domain)", () => {
    const body: HallPerson = { sex: 'female', ageYears: 55, heightM: 1.65, weightKg: 80 };
    const dEi = new Float64Array([-1000, -600, 0, 500]);
    const e = new SharedBodyHall(body, dEi, hallDeltaAtPal(body, 1.5));
    for (let d = 0; d < 3650; d++) e.step();
    expect([...e.weight].every(Number.isFinite)).toBe(true);
    expect(() => new SharedBodyHall(body, new Float64Array([0, NaN]), 1)).toThrow(
      'SharedBodyHall: intake change NaN is not a finite number',
    );
  });

  it('one intake change for everyone is the full model itself', () => {
    const body: HallPerson = { sex: 'male', ageYears: 40, heightM: 1.8, weightKg: 90 };
    const e = new SharedBodyHall(body, new Float64Array(5).fill(-500), hallDeltaAtPal(body, 1.5));
    for (let d = 0; d < 364; d++) e.step();
    expect(e.weight[4]).toBeCloseTo(76.260804299583214, 6);
  });

  it('applies only when every member is the same person', () => {
    const a: HallPerson = { sex: 'male', ageYears: 40, heightM: 1.8, weightKg: 90 };
    expect(sameBody([a, { ...a }])).toBe(true);
    expect(sameBody([a, { ...a, weightKg: 91 }])).toBe(false);
    expect(sameBody([])).toBe(false);
  });
});
