import { describe, expect, it } from 'vitest';
import { drawParticipant, enrol, runCohortDetailed, type Trial } from '../../../models/twin/cohort.ts';
import { drawMember } from '../../../models/twin/members.ts';
import { screen } from '../../../models/twin/entry.ts';
import { runPhases } from '../../../models/twin/phases.ts';
import { randomStream } from '../../../models/util/random.ts';
import { DPP_TRIAL, DPS_TRIAL } from '../../../models/validation/trials.ts';

const mean = (xs: ArrayLike<number>): number => Array.from(xs).reduce((s, x) => s + x, 0) / xs.length;

describe('entry selection on noisy screening tests', () => {
  const pop = DPP_TRIAL.population;
  const person = (j: number): ReturnType<typeof drawParticipant> => drawParticipant(pop, j, 5, DPP_TRIAL.diagnosis);

  it('enrols only candidates whose screening values fall in the ranges, and regresses to the mean', () => {
    const one = screen(300, 5, { twoHourGlucoseMgDl: [140, 199], tests: 1 }, person, undefined);
    expect(one.members).toHaveLength(300);
    for (const v of one.screenedTwoHourMgDl) expect(v >= 140 && v <= 199).toBe(true);
    expect(one.candidates).toBeGreaterThan(300);
    // Selected on a high noisy value, the enrolled people's usual 2-hour glucose lies nearer the
    // population's than their screening value did.
    expect(mean(one.twoHourMgDl)).toBeLessThan(mean(one.screenedTwoHourMgDl) - 3);
    // Selecting on the mean of two tests halves the noise, and with it the regression.
    const two = screen(300, 5, { twoHourGlucoseMgDl: [140, 199], tests: 2 }, person, undefined);
    const gap = (s: typeof one): number => mean(s.screenedTwoHourMgDl) - mean(s.twoHourMgDl);
    expect(gap(two)).toBeLessThan(gap(one));
  });

  it('a population with a given 2-hour distribution gets members at those values, or as near as the model reaches', () => {
    const t: Trial = {
      ...DPP_TRIAL,
      n: 200,
      population: { ...pop, twoHourGlucoseMgDlMean: 150, twoHourGlucoseMgDlSd: 15, entry: undefined },
    };
    const e = enrol(t);
    const target = Array.from({ length: 200 }, (_, j) => drawParticipant(t.population, j, t.seed, t.diagnosis).twoHourMgDl!);
    let reached = 0;
    e.members.forEach((m, i) => {
      const err = e.twoHourMgDl[i]! - target[i]!;
      if (Math.abs(err) < 0.5) reached++;
      // Where the target is out of reach, the member's peripheral sensitivity sits at its bound, on the near side.
      else expect(Math.abs(Math.log(m.glycaemia.peripheralRatio!))).toBeCloseTo(4, 6);
    });
    expect(reached).toBeGreaterThan(100);
  });
});

describe('arms in phases', () => {
  it('switch the weight target and the drugs at the phase start, relative to the trial baseline', () => {
    const people = Array.from({ length: 60 }, (_, i) => drawParticipant(DPP_TRIAL.population, i, 8));
    const members = people.map((p, i) => drawMember(p, randomStream(8, 'prior', i), undefined, false));
    // Adherence 1 and no drift: the plan itself.
    for (const m of members) {
      m.adherence = 1;
      m.intakeDriftKcalPerDay = 0;
    }
    const w: number[] = [];
    const fpg: number[] = [];
    runPhases(
      members,
      [
        { fromDay: 0, scenario: { weightChangeKg: -6 } },
        { fromDay: 3 * 365, scenario: { weightChangeKg: -2, metformin: true } },
      ],
      6 * 365,
      (v) => {
        if (v.day % 365 !== 0) return;
        w.push(mean(Array.from(v.weightKg, (x, i) => x - members[i]!.body.weightKg)));
        fpg.push(mean(v.fpgMmolL));
      },
    );
    expect(w[1]).toBeCloseTo(-6, 1);
    expect(w[3]).toBeCloseTo(-6, 0);
    expect(w[4]).toBeCloseTo(-2, 1);
    expect(w[6]).toBeCloseTo(-2, 0);
    // Metformin from year 3: fasting glucose at year 4 is below what the regain alone would leave it at.
    const without: number[] = [];
    runPhases(
      members,
      [
        { fromDay: 0, scenario: { weightChangeKg: -6 } },
        { fromDay: 3 * 365, scenario: { weightChangeKg: -2 } },
      ],
      4 * 365,
      (v) => v.day === 4 * 365 && without.push(mean(v.fpgMmolL)),
    );
    expect(fpg[4]).toBeLessThan(without[0]! - 0.02);
  });

  it('a DPPOS-like trial runs in phases and reports the v2 outputs', () => {
    const t: Trial = {
      ...DPS_TRIAL,
      n: 150,
      years: 3,
      arms: {
        a: {
          phases: [
            { fromYear: 0, weightChangeKg: -4 },
            { fromYear: 2, weightChangeKg: -1, activityMinutesPerWeek: 100 },
          ],
        },
      },
    };
    const r = runCohortDetailed(t).result.arms.a!;
    expect(r.cumulativeIncidence).toHaveLength(3);
    expect(r.meanTwoHourGlucoseMgDl).toHaveLength(3);
    const by = r.diagnosedBy!;
    expect(by.fasting + by.twoHour + by.hba1c + by.several).toBe(Math.round(r.cumulativeIncidence[2]! * 150));
  });
});
