/**
 * Keyed random streams in the twin (models/util/random.ts): a draw added for one purpose or one member
 * never shifts another's. "Extra draws" makes every stream of one purpose consume more numbers, as a
 * new draw for that purpose would (e.g. the twin v2 adding an OGTT to a visit).
 */
import { describe, expect, it, vi } from 'vitest';
import { calibrate, type Observation } from '../../../models/twin/calibrate.ts';
import { cohortMembers, drawParticipants, runCohort, type Trial } from '../../../models/twin/cohort.ts';
import { runEnsemble } from '../../../models/twin/engine.ts';
import type { Member, VirtualPerson } from '../../../models/twin/members.ts';
import { ensembleFor } from '../../../models/twin/simulate.ts';
import { forecastBands } from '../../../models/twin/track-record.ts';
import { DPP_CONTRACT_TRIAL, DPP_TRIAL } from '../../../models/validation/trials.ts';
import { withExtraDraws } from '../support/extra-draws.ts';

vi.mock('../../../models/util/random.ts', async (importOriginal) =>
  (await import('../support/extra-draws.ts')).mockRandom(await importOriginal()),
);

const params = (m: Member) => ({
  rb: m.glycaemia.rbPerYear,
  efs: m.glycaemia.scaleEfs,
  drift: m.intakeDriftKcalPerDay,
  adherence: m.adherence,
  response: m.interventionResponse,
});
const person: VirtualPerson = { sex: 'male', ageYears: 56, heightM: 1.76, weightKg: 97, fastingGlucoseMgDl: 122, hba1cPercent: 6.2 };

describe('members are keyed', () => {
  it('the first k members of a larger ensemble are the k of a smaller one', () => {
    expect(ensembleFor(person, 300, 9).slice(0, 40)).toEqual(ensembleFor(person, 40, 9));
  });

  it("a member's test errors at visits do not depend on the other members (diagnoses of the first 60 of 240 are theirs alone)", () => {
    const members = ensembleFor(person, 240, 5);
    const diagnosedBy = (ms: readonly Member[]): number[] => {
      const days: number[] = new Array<number>(ms.length).fill(-1);
      runEnsemble(ms, {}, 4 * 365, (v) => v.diagnosed.forEach((d, i) => d && days[i]! < 0 && (days[i] = v.day)), {
        noiseSeed: 3,
        screenAtBaseline: false,
      });
      return days;
    };
    const all = diagnosedBy(members);
    // Near the thresholds the tests' errors decide who is diagnosed when: enough members are diagnosed for that to show.
    expect(all.filter((d) => d > 0).length).toBeGreaterThan(30);
    expect(all.slice(0, 60)).toEqual(diagnosedBy(members.slice(0, 60)));
  });
});

describe('a purpose that draws more shifts no other purpose', () => {
  // Without entry selection: with it, extra draws for the baselines change who enrols (below).
  const trial: Trial = { ...DPP_CONTRACT_TRIAL, n: 400 };

  it("cohort: extra draws in the visits' tests leave the people, their parameters and their weights unchanged; only diagnoses move", () => {
    const base = runCohort(trial);
    const more = withExtraDraws('visit.tests', () => runCohort(trial));
    expect(withExtraDraws('visit.tests', () => cohortMembers(trial))).toEqual(cohortMembers(trial));
    for (const arm of Object.keys(trial.arms)) {
      expect(more.arms[arm]!.meanWeightChangeKg).toEqual(base.arms[arm]!.meanWeightChangeKg);
    }
    expect(
      Object.keys(trial.arms).some((arm) => more.arms[arm]!.cumulativeIncidence.join() !== base.arms[arm]!.cumulativeIncidence.join()),
    ).toBe(true);
  });

  it("cohort: extra draws for the participants' baselines leave every member's drawn parameters unchanged, and the other way round", () => {
    const base = cohortMembers(trial);
    const people = withExtraDraws('cohort.population', () => cohortMembers(trial));
    expect(people.map(params)).toEqual(base.map(params));
    expect(people.map((m) => m.body)).not.toEqual(base.map((m) => m.body));
    expect(withExtraDraws('prior', () => drawParticipants(trial.population, trial.n, trial.seed))).toEqual(
      drawParticipants(trial.population, trial.n, trial.seed),
    );
    expect(withExtraDraws('prior', () => cohortMembers(trial)).map(params)).not.toEqual(base.map(params));
  });

  it('a trial under its own ascertainment: extra draws in the OGTT tests leave who enrols, their parameters and weights alone; only diagnoses move', () => {
    const v2: Trial = { ...DPP_TRIAL, n: 300, arms: { placebo: DPP_TRIAL.arms.placebo! } };
    const base = runCohort(v2);
    const more = withExtraDraws('visit.ogtt', () => runCohort(v2));
    expect(withExtraDraws('visit.ogtt', () => cohortMembers(v2))).toEqual(cohortMembers(v2));
    expect(more.arms.placebo!.meanWeightChangeKg).toEqual(base.arms.placebo!.meanWeightChangeKg);
    expect(more.arms.placebo!.diagnosedBy).not.toEqual(base.arms.placebo!.diagnosedBy);
    // Extra draws for the peripheral sensitivity leave every other parameter of the members as it was.
    const peripheral = withExtraDraws('prior.peripheral', () => cohortMembers({ ...DPP_CONTRACT_TRIAL, n: 200 }));
    const plain = cohortMembers({ ...DPP_CONTRACT_TRIAL, n: 200 });
    const noRatio = (ms: typeof plain) => ms.map((m) => ({ ...m, glycaemia: { ...m.glycaemia, peripheralRatio: 0 } }));
    expect(noRatio(peripheral)).toEqual(noRatio(plain));
    expect(peripheral.map((m) => m.glycaemia.peripheralRatio)).not.toEqual(plain.map((m) => m.glycaemia.peripheralRatio));
  });

  it("calibration: extra draws for the intervention response change nothing but the response; extra Metropolis draws leave the importance sampling's ESS", () => {
    const obs: Observation[] = [];
    for (let m = 24; m >= 0; m--) obs.push({ day: -m * 30, kind: 'weightKg', value: 93 + (4 * (24 - m)) / 24 });
    [112, 116, 122].forEach((v, k) => obs.push({ day: -(2 - k) * 360, kind: 'fastingGlucoseMgDl', value: v }));
    const o = { members: 150, seed: 8 };
    const base = calibrate(person, obs, o);
    const response = withExtraDraws('calibration.response', () => calibrate(person, obs, o));
    const withoutResponse = (r: typeof base) => r.members.map((m) => ({ ...m, interventionResponse: 0 }));
    expect(withoutResponse(response)).toEqual(withoutResponse(base));
    expect(response.members.map((m) => m.interventionResponse)).not.toEqual(base.members.map((m) => m.interventionResponse));
    const mh = withExtraDraws('calibration.mh', () => calibrate(person, obs, o));
    expect(mh.essFraction).toBe(base.essFraction);
    expect(mh.members).not.toEqual(base.members);
  });

  it('calibration without an OGTT draws nothing of the peripheral sensitivity, so it is what it was before the OGTT kind; with one it does', () => {
    const obs: Observation[] = [];
    for (let m = 24; m >= 0; m--) obs.push({ day: -m * 30, kind: 'weightKg', value: 93 + (4 * (24 - m)) / 24 });
    [112, 116, 122].forEach((v, k) => obs.push({ day: -(2 - k) * 360, kind: 'fastingGlucoseMgDl', value: v }));
    obs.push({ day: -200, kind: 'hba1cPercent', value: 6.0 }, { day: -100, kind: 'fastingInsulinMicroIuMl', value: 14 });
    const o = { members: 150, seed: 8 };
    // Extra draws in the peripheral stream change nothing at all: the stream is not read.
    expect(withExtraDraws('prior.peripheral', () => calibrate(person, obs, o))).toEqual(calibrate(person, obs, o));
    // With an OGTT the members draw it (and the moves step it), so the stream shows.
    const withOgtt = [...obs, { day: -300, kind: 'ogtt2hGlucoseMgDl' as const, value: 170 }];
    const base = calibrate(person, withOgtt, o);
    expect(withExtraDraws('prior.peripheral', () => calibrate(person, withOgtt, o)).members).not.toEqual(base.members);
  });

  it("a stored forecast: extra draws for its measurement errors leave the members' visits alone and the other way round", () => {
    const members = ensembleFor(person, 100, 4);
    const base = forecastBands(members, 365, 30, 2);
    expect(withExtraDraws('visit.tests', () => forecastBands(members, 365, 30, 2))).toEqual(base);
    expect(withExtraDraws('forecast.measurement', () => forecastBands(members, 365, 30, 2))).not.toEqual(base);
  });
});
