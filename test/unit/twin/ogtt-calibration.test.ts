/**
 * Calibration to an OGTT 2-hour glucose (issue 16 item 5): the observation is scored against each
 * member's usual 2-hour glucose that day (post-load.ts) and moves the peripheral insulin sensitivity;
 * a person without one calibrates as before (test/unit/twin/streams.test.ts: no peripheral draws).
 */
import { describe, expect, it } from 'vitest';
import { calibrate, personAtStart, usableObservations, type Observation } from '../../../models/twin/calibrate.ts';
import { logLik, replayHistory } from '../../../models/twin/calibration/likelihood.ts';
import { baselineTwoHourMgDl } from '../../../models/twin/entry.ts';
import { drawMember, type VirtualPerson } from '../../../models/twin/members.ts';
import { keyedStreams } from '../../../models/util/random.ts';
import { commitImport } from '../../../src/data/imports.ts';
import { saveProfileForm } from '../../../src/data/profile.ts';
import { twinInputs } from '../../../src/twin/forecast-inputs.ts';
import { batch, useFreshDbs } from '../data/helpers.ts';

const person: VirtualPerson = { sex: 'male', ageYears: 55, heightM: 1.78, weightKg: 100, fastingGlucoseMgDl: 114, hba1cPercent: 6.0 };
const DAY = -730;
const ogtt: Observation = { day: DAY, kind: 'ogtt2hGlucoseMgDl', value: 190 };
const weights: Observation[] = [
  { day: DAY, kind: 'weightKg', value: 100 },
  { day: 0, kind: 'weightKg', value: 100 },
];
const mean = (xs: ArrayLike<number>): number => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;

/** Prior draws of the person two years ago (as the calibration draws them) and their usual 2-hour glucose on the OGTT's day. */
function priorTwoHour(draws: number, seed: number): number[] {
  const obs = usableObservations([...weights, ogtt]);
  const past = personAtStart(person, obs, -DAY);
  const s = keyedStreams(seed);
  const members = Array.from({ length: draws }, (_, k) => drawMember(past, s('prior', k), undefined, true, s('prior.peripheral', k)));
  const g = new Float64Array(draws);
  replayHistory(members, [ogtt], DAY, seed, (_x, i, model) => (g[i] = model));
  return Array.from(g);
}

describe('calibration to an OGTT 2-hour glucose', () => {
  it("centres the members' 2-hour glucose on the day of the test near the value, where the prior was far from it", () => {
    const prior = priorTwoHour(1000, 3);
    expect(prior.every(Number.isFinite)).toBe(true);
    expect(190 - mean(prior)).toBeGreaterThan(30);

    const r = calibrate(person, [...weights, ogtt], { members: 1000, seed: 3 });
    expect(r.observationsUsed).toBe(3);
    // One observation: the RMSE is |posterior mean − 190|.
    const off = r.rmse.ogtt2hGlucoseMgDl!;
    expect(off).toBeLessThan(15);

    // The posterior is Bayes's: a self-normalised importance estimate over independent prior draws
    // (another seed) of the mean 2-hour glucose given the test lands where the calibration does.
    const g = priorTwoHour(4000, 11);
    const w = g.map((x) => Math.exp(logLik('ogtt2hGlucoseMgDl', x, 190)));
    const bayes = g.reduce((a, x, i) => a + x * w[i]!, 0) / w.reduce((a, b) => a + b, 0);
    expect(bayes).toBeLessThan(190);
    expect(Math.abs(190 - bayes - off)).toBeLessThan(5);

    // The moves re-spread the peripheral sensitivity, and today's members carry it forward.
    expect(new Set(r.members.map((m) => m.glycaemia.peripheralRatio)).size).toBeGreaterThan(300);
    const without = calibrate(person, weights, { members: 1000, seed: 3 });
    expect(mean(baselineTwoHourMgDl(r.members))).toBeGreaterThan(mean(baselineTwoHourMgDl(without.members)) + 20);
    expect(without.rmse.ogtt2hGlucoseMgDl).toBeUndefined();
  });

  it('a normal 2-hour value pulls the other way', () => {
    const low = calibrate(person, [...weights, { ...ogtt, value: 100 }], { members: 500, seed: 4 });
    const high = calibrate(person, [...weights, ogtt], { members: 500, seed: 4 });
    expect(mean(baselineTwoHourMgDl(low.members))).toBeLessThan(mean(baselineTwoHourMgDl(high.members)) - 40);
  });
});

describe("the twin's inputs", () => {
  const db = useFreshDbs();
  it('read stored ogtt_2h_glucose samples as OGTT observations on their day', async () => {
    const NOW = Date.UTC(2026, 10, 21, 12);
    const D = 86_400_000;
    const d = db();
    await saveProfileForm(d, { birthDate: '1971-05-04', sex: 'male', heightCm: 178 });
    await commitImport(d, {
      fileName: 'labs.csv',
      format: 'generic-csv',
      bytes: 1,
      sources: [{ name: 'Lab', model: '' }],
      batches: [
        batch('body_weight', [
          [NOW - 730 * D, 100],
          [NOW - D, 100],
        ]),
        batch('ogtt_2h_glucose', [[NOW - 730 * D, 190]]),
      ],
      rejected: [],
      ignored: {},
    });
    const inputs = await twinInputs(d, NOW);
    expect(inputs.ok).toBe(true);
    if (!inputs.ok) return;
    expect(inputs.observations.filter((x) => x.kind === 'ogtt2hGlucoseMgDl')).toEqual([
      { day: -730, kind: 'ogtt2hGlucoseMgDl', value: 190 },
    ]);
  });
});
