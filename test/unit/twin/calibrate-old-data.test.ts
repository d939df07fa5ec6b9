/**
 * Calibration on old data (issue 17, "Certainty in plain words"): the newest value of each kind is
 * used however old, counted for less the older it is; a history inside the five years calibrates
 * exactly as before; the result says what the forecast rests on.
 */
import { describe, expect, it } from 'vitest';
import { calibrate, usableObservations, type Observation } from '../../../models/twin/calibrate.ts';
import { logLik } from '../../../models/twin/calibration/likelihood.ts';
import { CHANGE_PER_SQRT_YEAR, HISTORY_WINDOW_DAYS, newestAgeDays } from '../../../models/twin/calibration/old-values.ts';
import { restsMostlyOnTypical, restsOn } from '../../../models/twin/certainty.ts';
import { MG_DL_PER_MMOL_L, type Member, type VirtualPerson } from '../../../models/twin/members.ts';
import { whigFpgMmolL } from '../../../models/physiology/whig.ts';
import { simulateMembers } from '../../../models/twin/simulate.ts';
import { FLAG_FASTING, BatchBuilder, type SampleBatch } from '../../../models/samples.ts';
import type { MetricId } from '../../../models/metrics.ts';
import { commitImport } from '../../../src/data/imports.ts';
import { saveProfileForm } from '../../../src/data/profile.ts';
import { twinInputs } from '../../../src/twin/forecast-inputs.ts';
import { batch, useFreshDbs } from '../data/helpers.ts';
import { digest, FRESH_CASES } from './fixtures/fresh-histories.ts';
import before from './fixtures/fresh-calibration.json' with { type: 'json' };

const YEAR = 365;
const person: VirtualPerson = { sex: 'female', ageYears: 56, heightM: 1.64, weightKg: 82, fastingGlucoseMgDl: 104, hba1cPercent: 5.8 };
/** A weight, a fasting glucose and an HbA1c, all on one day. */
const visit = (day: number): Observation[] => [
  { day, kind: 'weightKg', value: 82 },
  { day, kind: 'fastingGlucoseMgDl', value: 104 },
  { day, kind: 'hba1cPercent', value: 5.8 },
];
const sd = (xs: number[]): number => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};
const usualFpg = (ms: Member[]): number[] => ms.map((m) => whigFpgMmolL(m.glycaemia.is0, m.glycaemia.b0) * MG_DL_PER_MMOL_L);

describe('old values', () => {
  it('of a kind with nothing in the five years, only the newest is used, moved to their start with its age', () => {
    const obs: Observation[] = [
      { day: -9 * YEAR, kind: 'weightKg', value: 80 },
      { day: -8 * YEAR, kind: 'weightKg', value: 82 },
      { day: -7 * YEAR, kind: 'hba1cPercent', value: 5.6 },
      { day: -2 * YEAR, kind: 'hba1cPercent', value: 5.9 },
      { day: -30, kind: 'fastingGlucoseMgDl', value: 101 },
      { day: -6 * YEAR, kind: 'fastingGlucoseMgDl', value: Number.NaN },
    ];
    expect(usableObservations(obs)).toEqual([
      { day: -HISTORY_WINDOW_DAYS, kind: 'weightKg', value: 82, agedYears: 3 },
      { day: -2 * YEAR, kind: 'hba1cPercent', value: 5.9 },
      { day: -30, kind: 'fastingGlucoseMgDl', value: 101 },
    ]);
    expect(newestAgeDays(obs)).toEqual({ weightKg: 8 * YEAR, hba1cPercent: 2 * YEAR, fastingGlucoseMgDl: 30 });
  });

  it('an old value is scored with its SD widened by the change expected over its age; a value inside the window as before', () => {
    expect(logLik('weightKg', 84, 80, undefined)).toBe(logLik('weightKg', 84, 80));
    expect(logLik('weightKg', 84, 80, 0)).toBe(-0.5 * (4 / 0.8) ** 2);
    // SD² = 0.8² + 1.137² × 4 years
    const widened = Math.sqrt(0.8 ** 2 + CHANGE_PER_SQRT_YEAR.weightKg ** 2 * 4);
    expect(logLik('weightKg', 84, 80, 4)).toBeCloseTo(-0.5 * (4 / widened) ** 2, 12);
    for (const k of ['fastingGlucoseMgDl', 'hba1cPercent', 'meanGlucoseMgDl', 'fastingInsulinMicroIuMl', 'ogtt2hGlucoseMgDl'] as const)
      expect(logLik(k, 120, 100, 6)).toBeGreaterThan(logLik(k, 120, 100));
  });

  it('a person whose only data are 8 years old is calibrated to them, and less surely than to the same values a month old', () => {
    const old = calibrate(person, visit(-8 * YEAR), { members: 600, seed: 2 });
    const fresh = calibrate(person, visit(-30), { members: 600, seed: 2 });
    expect(old.observationsUsed).toBe(3);
    expect(old.historyDays).toBe(8 * YEAR);
    expect(old.newestAgeDays).toEqual({ weightKg: 8 * YEAR, fastingGlucoseMgDl: 8 * YEAR, hba1cPercent: 8 * YEAR });
    expect(old.restsOn).toEqual({ code: 'old', years: 8 });
    expect(restsMostlyOnTypical(old.restsOn)).toBe(true);
    expect(fresh.restsOn).toEqual({ code: 'fresh' });
    // Today's usual fasting glucose is less sure: eight years of possible change since the reading.
    expect(sd(usualFpg(old.members))).toBeGreaterThan(2 * sd(usualFpg(fresh.members)));
    // And so is the weight: the newest is eight years old, so the floor is the change over 8 + h years.
    const w = (r: typeof old, y: number): number => {
      const f = simulateMembers(r.members, {}, 10, 2).weightKg;
      return f.p95[y]! - f.p05[y]!;
    };
    for (const y of [1, 10]) expect(w(old, y)).toBeGreaterThan(w(fresh, y));
    expect(old.floorDriftSdKcalPerDay).toBeGreaterThan(0);
  });
});

describe('a history inside the five years calibrates as before', () => {
  // fresh-calibration.json: digests of the members calibrate() gave at commit 8839d34, before old
  // values were used and before the weight floor (fixtures/fresh-calibration.gen.ts).
  const recorded = before as Record<string, ReturnType<typeof digest>>;
  for (const c of FRESH_CASES)
    it(`${c.name}: the same members bit for bit without the floor; with it, only the drift differs, its mean unchanged`, () => {
      const was = recorded[c.name]!;
      const posterior = digest(calibrate(c.person, c.observations, { members: c.members, seed: c.seed, floor: false }));
      expect(posterior.members).toBe(was.members);
      expect(posterior.report).toBe(was.report);
      const floored = calibrate(c.person, c.observations, { members: c.members, seed: c.seed });
      const now = digest(floored);
      expect(now.membersWithoutDrift).toBe(was.membersWithoutDrift);
      expect(now.report).toBe(was.report);
      expect(now.meanDriftKcalPerDay).toBeCloseTo(was.meanDriftKcalPerDay, 9);
      expect(floored.restsOn).toEqual({ code: c.observations.some((x) => x.kind !== 'weightKg') ? 'fresh' : 'noLabs' });
    });
});

describe('what the forecast rests on', () => {
  const D = HISTORY_WINDOW_DAYS;
  it.each([
    [{}, { code: 'typical' }],
    [{ weightKg: 10, hba1cPercent: 400 }, { code: 'fresh' }],
    [{ weightKg: 10 }, { code: 'noLabs' }],
    [{ hba1cPercent: 10 }, { code: 'fresh' }],
    [
      { weightKg: D + 400, fastingGlucoseMgDl: 11 * 365 },
      { code: 'old', years: 6 },
    ],
    [{ weightKg: 8 * 365 }, { code: 'old', years: 8 }],
    [
      { weightKg: 3, hba1cPercent: 7 * 365 + 20, meanGlucoseMgDl: 6 * 365 + 1 },
      { code: 'oldLabs', years: 6 },
    ],
    [
      { weightKg: 9 * 365, ogtt2hGlucoseMgDl: 100 },
      { code: 'oldWeight', years: 9 },
    ],
    [{ weightKg: D, hba1cPercent: D }, { code: 'fresh' }],
  ] as const)('%o → %o', (ages, code) => {
    expect(restsOn(ages)).toEqual(code);
  });
});

/** A batch of fasting glucose readings. */
function fasting(rows: [number, number][]): SampleBatch {
  const b = new BatchBuilder('blood_glucose' as MetricId, 4);
  for (const [t, v] of rows) b.push(t, t, v, 0, 0, FLAG_FASTING);
  return b.build();
}

describe("the twin's inputs read the newest value however old", () => {
  const db = useFreshDbs();
  it('a person whose data stop eight years ago gets their newest weight, glucose, HbA1c and CGM day', async () => {
    const NOW = Date.UTC(2026, 10, 21, 12);
    const DAY = 86_400_000;
    const d = db();
    await saveProfileForm(d, { birthDate: '1970-05-04', sex: 'female', heightCm: 164 });
    // One whole UTC day of five-minute readings, three days before the newest weight.
    const cgmStart = Math.floor((NOW - (8 * YEAR + 3) * DAY) / DAY) * DAY;
    await commitImport(d, {
      fileName: 'old.csv',
      format: 'generic-csv',
      bytes: 1,
      sources: [{ name: 'Old', model: '' }],
      batches: [
        batch('body_weight', [
          [NOW - 9 * YEAR * DAY, 80],
          [NOW - 8 * YEAR * DAY, 82],
        ]),
        batch('hba1c', [[NOW - 8 * YEAR * DAY, 5.8]]),
        fasting([
          [NOW - 10 * YEAR * DAY, 99],
          [NOW - 8 * YEAR * DAY, 104],
        ]),
        batch(
          'cgm_glucose',
          Array.from({ length: 288 }, (_, i): [number, number] => [cgmStart + i * 300_000, 100 + (i % 2) * 10]),
        ),
      ],
      rejected: [],
      ignored: {},
    });
    const inputs = await twinInputs(d, NOW);
    expect(inputs.ok).toBe(true);
    if (!inputs.ok) return;
    const byKind = (k: Observation['kind']): Observation[] => inputs.observations.filter((x) => x.kind === k);
    expect(byKind('weightKg')).toEqual([{ day: -8 * YEAR, kind: 'weightKg', value: 82 }]);
    expect(byKind('hba1cPercent')).toEqual([{ day: -8 * YEAR, kind: 'hba1cPercent', value: 5.8 }]);
    expect(byKind('fastingGlucoseMgDl')).toEqual([{ day: -8 * YEAR, kind: 'fastingGlucoseMgDl', value: 104 }]);
    expect(byKind('meanGlucoseMgDl')).toHaveLength(1);
    expect(byKind('meanGlucoseMgDl')[0]!.value).toBeCloseTo(105, 6);
    expect(byKind('meanGlucoseMgDl')[0]!.day).toBeLessThan(-8 * YEAR);
    const r = calibrate(inputs.person, inputs.observations, { members: 200, seed: 1 });
    expect(r.observationsUsed).toBe(4);
    expect(r.restsOn).toEqual({ code: 'old', years: 8 });
  });
});
