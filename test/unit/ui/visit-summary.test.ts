import { afterEach, describe, expect, it } from 'vitest';
import { egfrCkdEpi2021 } from '../../../models/risk/ckd-epi.ts';
import { commitImport } from '../../../src/data/imports.ts';
import { saveProfile, saveProfileForm } from '../../../src/data/profile.ts';
import { mergeImportedProfile } from '../../../src/data/profile.ts';
import type { ProfileRow } from '../../../src/data/rows.ts';
import { DEFAULT_SETTINGS } from '../../../src/data/settings.ts';
import { buildRiskProfile } from '../../../src/risk/profile-builder.ts';
import { setReader } from '../../../src/ui/i18n/index.ts';
import { ageWords, forecastWeight, weightChange } from '../../../src/ui/format.ts';
import { metricRows } from '../../../src/ui/summary/metric-rows.ts';
import { bmiValue, daysSinceDay, egfrValue, listItems, otherInputs, planSettings, staleFlag } from '../../../src/ui/summary/parts.ts';
import { batch, useFreshDbs } from '../data/helpers.ts';

const db = useFreshDbs();
const KG = DEFAULT_SETTINGS;
const LB = { ...DEFAULT_SETTINGS, weightUnit: 'lb' as const };
const MINUS = /^[-−]/;

afterEach(() => setReader('person'));

describe("a saved plan's settings on the visit summary", () => {
  it('says what the plan changes, signed, in the user’s units: not only its name', () => {
    const s = planSettings({ weightChangeKg: -5, activityMinutesPerWeek: 150 }, KG);
    expect(s.replace(MINUS, '-')).toBe('-5 kg weight, +150 min/week activity');
    // 5 kg is 11.02 lb: in pounds the same plan reads -11 lb.
    expect(planSettings({ weightChangeKg: -5, activityMinutesPerWeek: 150 }, LB).replace(MINUS, '-')).toBe(
      '-11 lb weight, +150 min/week activity',
    );
    expect(planSettings({ weightChangeKg: 2.5 }, KG)).toBe('+2.5 kg weight');
  });

  it("writes a plan's weight change as the what-if's slider and sentence do (one source, weightChange), with a true minus", () => {
    // 7.5 kg is 16.53 lb: the slider (1 lb steps) and the sentence say 17 lb; the summary said "-16.5 lb".
    expect(planSettings({ weightChangeKg: -7.5, activityMinutesPerWeek: 200 }, LB)).toBe('−17 lb weight, +200 min/week activity');
    expect(planSettings({ weightChangeKg: -7.5 }, KG)).toBe('−7.5 kg weight');
    const w = weightChange(-7.5, LB);
    expect(`${w.text} ${w.unit}`).toBe('−17 lb');
    expect(planSettings({ energyIntakeChangeKcalPerDay: -500 }, KG)).toBe('−500 kcal/day eaten');
  });

  it("writes a forecast weight band in whole units, as the what-if's sentence does (forecastWeight)", () => {
    // The summary wrote the 10-year band as "54.5–67.8 kg" where the what-if said "55 kg–68 kg".
    expect([forecastWeight(54.52, KG), forecastWeight(67.8, KG)]).toEqual([
      { text: '55', unit: 'kg' },
      { text: '68', unit: 'kg' },
    ]);
    expect(forecastWeight(54.52, LB)).toEqual({ text: '120', unit: 'lb' });
  });

  it('names intake, metformin, smoking and a later start, and says "no change" for a plan that changes nothing', () => {
    expect(
      planSettings({ energyIntakeChangeKcalPerDay: -500, metformin: true, smoking: 'non', startDay: 30 }, KG).replace(MINUS, '-'),
    ).toBe('-500 kcal/day eaten, metformin, stops smoking, from 30 days ahead');
    expect(planSettings({ smoking: 'heavy' }, KG)).toBe('smoking (heavy)');
    expect(planSettings({}, KG)).toBe('no change');
    expect(planSettings({ weightChangeKg: 0, activityMinutesPerWeek: 0, metformin: false }, KG)).toBe('no change');
    // A field of a later version, or a value that is no number, is not shown as a setting.
    expect(planSettings({ statin: true, weightChangeKg: 'a lot' } as Record<string, unknown>, KG)).toBe('no change');
  });
});

describe('how old a value is', () => {
  it('words an age in whole days, months or years, never rounding up', () => {
    expect(ageWords(1)).toBe('1 day old');
    expect(ageWords(45)).toBe('45 days old');
    expect(ageWords(61)).toBe('2 months old');
    // 730 days is 23.98 months: not yet two years.
    expect(ageWords(730)).toBe('23 months old');
    expect(ageWords(731)).toBe('2 years old');
    // 20 Jan 2020 to 3 Dec 2026 is 6 years and 10 months: 6 years old.
    expect(ageWords(2509)).toBe('6 years old');
    // The twin's newest data says how long ago in the same steps.
    expect([ageWords(45, 'ago'), ageWords(400, 'ago'), ageWords(2314, 'ago')]).toEqual(['45 days ago', '13 months ago', '6 years ago']);
  });

  it('flags a clinic or laboratory value after a year, a device reading after a month, and nothing younger', () => {
    expect(staleFlag('hba1c', 365)).toBeUndefined();
    expect(staleFlag('hba1c', 366)).toBe('12 months old');
    // Three years, one of them a leap year, are 1096 days.
    expect(staleFlag('egfr', 1096)).toBe('3 years old');
    expect(staleFlag('egfr', 1095)).toBe('2 years old');
    expect(staleFlag('body_weight', 200)).toBeUndefined();
    expect(staleFlag('cgm_glucose', 20)).toBeUndefined();
    expect(staleFlag('cgm_glucose', 40)).toBe('40 days old');
  });

  it('counts days from a reading’s local day to today on this device', () => {
    const now = new Date(2026, 11, 3, 9, 30).getTime();
    expect(daysSinceDay('2026-12-01', now)).toBe(2);
    expect(daysSinceDay('2025-12-03', now)).toBe(365);
  });
});

describe('which BMI and eGFR the summary shows (the values the risk scores used)', () => {
  const NOW = Date.parse('2026-12-03T12:00:00Z');
  const store = (d: ReturnType<typeof db>, batches: ReturnType<typeof batch>[]) =>
    commitImport(d, { fileName: 'lab.json', format: 'x', bytes: 1, sources: [{ name: 'Lab' }], batches, rejected: [], ignored: {} });

  it('BMI: calculated from the latest weight and the height, dated by the weight, even beside a recorded BMI', async () => {
    const d = db();
    await saveProfile(d, { heightCm: 172.9 });
    await store(d, [
      batch('body_weight', [
        ['2018-01-08T12:00:00Z', 85.3],
        ['2020-01-20T12:00:00Z', 88.1],
      ]),
      batch('bmi', [['2021-05-01T12:00:00Z', 31]]),
    ]);
    const v = bmiValue(await buildRiskProfile(d, NOW))!;
    expect(v.value).toBeCloseTo(88.1 / 1.729 ** 2, 6);
    expect(v.day).toBe('2020-01-20');
    expect(v.calculated).toBe('calculated from weight and height');
  });

  it('BMI: the latest recorded BMI, as recorded, without a height', async () => {
    const d = db();
    await store(d, [
      batch('bmi', [
        ['2019-01-14T12:00:00Z', 28.9],
        ['2020-01-20T12:00:00Z', 29.47],
      ]),
    ]);
    expect(bmiValue(await buildRiskProfile(d, NOW))).toEqual({ value: 29.5, day: '2020-01-20' });
    expect(bmiValue(await buildRiskProfile(db(), NOW))).toBeUndefined();
  });

  it('eGFR: calculated (CKD-EPI 2021) from the latest creatinine with the profile’s sex and age, in the user’s creatinine unit', async () => {
    const d = db();
    await saveProfile(d, { sex: 'female', birthDate: '1972-06-12' });
    await store(d, [
      batch('creatinine', [
        ['2019-01-14T12:00:00Z', 0.96],
        ['2020-01-20T12:00:00Z', 1.61],
      ]),
    ]);
    const built = await buildRiskProfile(d, NOW);
    const v = egfrValue(built, DEFAULT_SETTINGS)!;
    expect(v.value).toBe(Math.round(egfrCkdEpi2021(1.61, 54, 'female')));
    expect(v.day).toBe('2020-01-20');
    expect(v.calculated).toBe('calculated from creatinine 1.61 mg/dL (CKD-EPI 2021)');
    // 1.61 mg/dL is 142 µmol/L (88.42 µmol/L per mg/dL).
    expect(egfrValue(built, { ...DEFAULT_SETTINGS, creatinineUnit: 'µmol/L' })!.calculated).toBe(
      'calculated from creatinine 142 µmol/L (CKD-EPI 2021)',
    );
  });

  it('eGFR: a recorded eGFR wins over creatinine, and none without either', async () => {
    const d = db();
    await saveProfile(d, { sex: 'male', birthDate: '1994-07-17' });
    await store(d, [batch('creatinine', [['2019-10-20T12:00:00Z', 1.04]]), batch('egfr', [['2019-10-20T12:00:00Z', 113.44]])]);
    expect(egfrValue(await buildRiskProfile(d, NOW), DEFAULT_SETTINGS)).toEqual({ value: 113, day: '2019-10-20' });
    expect(egfrValue(await buildRiskProfile(db(), NOW), DEFAULT_SETTINGS)).toBeUndefined();
  });

  it('the inputs line under the scores leaves out what the page already shows, and keeps the rest', async () => {
    const d = db();
    await saveProfile(d, { sex: 'female', birthDate: '1972-06-12', heightCm: 172.9, conditions: ['hypertension'] });
    await store(d, [
      batch('body_weight', [['2020-01-20T12:00:00Z', 88.1]]),
      batch('hba1c', [['2020-01-20T12:00:00Z', 5.9]]),
      batch('systolic_bp', [['2020-01-20T12:00:00Z', 123]]),
      batch('diastolic_bp', [['2020-01-20T12:00:00Z', 76]]),
    ]);
    const built = await buildRiskProfile(d, NOW);
    const keys = otherInputs(built.sources, { body_weight: '2020-01-20', systolic_bp: '2020-01-20', diastolic_bp: '2020-01-20' });
    // HbA1c is not in the table here: it stays; weight, BP (one reading), BMI, sex, age and the conditions' flags go.
    expect(keys).toContain('hba1cPercent');
    expect(keys).toContain('heightCm');
    for (const k of ['weightKg', 'systolicBpMmHg', 'diastolicBpMmHg', 'bmi', 'sex', 'age', 'hypertension', 'diabetes'])
      expect(keys).not.toContain(k);
  });
});

describe('problems and medications with where each came from', () => {
  const FILE = 'record.json';
  it('a record’s items, a record’s item the person kept, the person’s own, and one waiting for confirmation', async () => {
    const d = db();
    await d.transaction('rw', d.profile, () =>
      mergeImportedProfile(d, 1, FILE, { conditions: ['hypertension'], medications: ['antihypertensive'] }),
    );
    // The person ticks a statin: the medicine from the record stays on their list, with the record named.
    await saveProfileForm(d, { medications: ['antihypertensive', 'statin'] }, ['medications']);
    // A later claim lists metformin: it waits for the person.
    await d.transaction('rw', d.profile, () => mergeImportedProfile(d, 2, 'claims.json', {}, { indirect: { medications: ['metformin'] } }));
    const p = (await d.profile.get('self')) as ProfileRow;
    expect(listItems(p, 'conditions', false)).toEqual([{ value: 'hypertension', label: 'High blood pressure', from: `from ${FILE}` }]);
    expect(listItems(p, 'medications', false)).toEqual([
      { value: 'antihypertensive', label: 'Blood-pressure medication', from: `from ${FILE}, confirmed by you` },
      { value: 'statin', label: 'A statin', from: 'entered by you' },
      { value: 'metformin', label: 'Metformin', from: 'in an insurance claim (claims.json), not confirmed yet', unconfirmed: true },
    ]);
  });

  it('speaks of the patient to a clinician, and of the shared profile in a review', async () => {
    const d = db();
    await saveProfile(d, { medications: ['statin'] });
    const p = (await d.profile.get('self')) as ProfileRow;
    setReader('clinician');
    expect(listItems(p, 'medications', false)[0]!.from).toBe('entered by the patient');
    expect(listItems(p, 'medications', true)[0]!.from).toBe('in the shared profile');
    expect(listItems(null, 'conditions', false)).toEqual([]);
  });
});

describe("the summary's key measurements name a reading as the twin's card does", () => {
  it('a fasting blood glucose is "Fasting glucose" (the demo\'s summary said "Blood glucose" where its twin and risk page said fasting)', () => {
    const atMs = Date.UTC(2026, 8, 12, 8);
    const row = (fasting: boolean) =>
      metricRows(
        { regions: [], inputs: {}, latest: { blood_glucose: { value: 113, atMs, ...(fasting ? { fasting } : {}) } } },
        undefined,
        DEFAULT_SETTINGS,
        atMs + 86_400_000,
      ).find((r) => r.key === 'blood_glucose')!;
    expect(row(true).label).toBe('Fasting glucose');
    expect(row(false).label).toBe('Blood glucose');
  });
});
