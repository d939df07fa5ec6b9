import { describe, expect, it } from 'vitest';
import { drawMember, type VirtualPerson } from '../../../models/twin/members.ts';
import { PRIORS } from '../../../models/twin/priors.ts';
import type { Rng } from '../../../models/util/random.ts';

const person: VirtualPerson = { sex: 'female', ageYears: 55, heightM: 1.62, weightKg: 80, fastingGlucoseMgDl: 104, hba1cPercent: 5.8 };

/** An Rng that hands out the given standard normals in order and counts what was drawn. */
function scripted(normals: readonly number[]): Rng & { drawn: number } {
  const r = {
    drawn: 0,
    next: (): number => {
      throw new Error('drawMember draws normals only');
    },
    normal: (): number => normals[r.drawn++] ?? 0,
  };
  return r;
}

describe('drawMember draws', () => {
  const zs = [0.3, -1.1, 0.7, 1.9, -0.4, 1.2, -0.8, 0.5];

  it('eight numbers for an observed person (usual glucose, usual HbA1c, insulin, then five parameters, adherence unused), six for a trial member', () => {
    const observed = scripted(zs);
    const m = drawMember(person, observed, PRIORS, true);
    expect(observed.drawn).toBe(8);
    expect(m.adherence).toBe(1);
    const trial = scripted(zs);
    drawMember(person, trial, PRIORS, false);
    expect(trial.drawn).toBe(6);
  });

  it("a trial member's parameters are the observed member's two draws earlier", () => {
    const observed = drawMember(person, scripted([9, 9, ...zs]), PRIORS, true);
    const trial = drawMember(person, scripted(zs), PRIORS, false);
    expect(trial.glycaemia.rbPerYear).toBe(observed.glycaemia.rbPerYear);
    expect(trial.glycaemia.scaleEfs).toBe(observed.glycaemia.scaleEfs);
    expect(trial.interventionResponse).toBe(observed.interventionResponse);
    expect(trial.intakeDriftKcalPerDay).toBe(observed.intakeDriftKcalPerDay);
    expect(trial.adherence).not.toBe(1);
  });

  it('without a stream, typical values and no draw', () => {
    const m = drawMember(person);
    expect(m.glycaemia.rbPerYear).toBe(PRIORS.rbMeanPerYear);
    expect(m.glycaemia.scaleEfs).toBe(PRIORS.scaleEfsMedian);
    expect(m).toMatchObject({ interventionResponse: 1, intakeDriftKcalPerDay: 0, adherence: 1 });
  });
});
