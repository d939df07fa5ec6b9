import { describe, expect, it } from 'vitest';
import { checkEntry, fieldUnit, parseTyped, type EntryDraft, type EntryUnits } from '../../../../models/entry/measurement-entry.ts';
import { PLAUSIBLE } from '../../../../models/plausibility.ts';
import { FLAG_FASTING } from '../../../../models/samples.ts';
import { GLUCOSE_MG_DL_PER_MMOL_L } from '../../../../models/units.ts';

const METRIC: EntryUnits = { glucoseUnit: 'mg/dL', weightUnit: 'kg', hba1cUnit: '%', creatinineUnit: 'mg/dL', heightUnit: 'cm' };
const UK: EntryUnits = { glucoseUnit: 'mmol/L', weightUnit: 'kg', hba1cUnit: 'mmol/mol', creatinineUnit: 'µmol/L', heightUnit: 'cm' };
const US: EntryUnits = { ...METRIC, weightUnit: 'lb', heightUnit: 'ft/in' };
const NOW = Date.UTC(2026, 5, 1, 12);
const draft = (over: Partial<EntryDraft>): EntryDraft => ({ kind: 'weight', values: {}, atMs: NOW - 3_600_000, offsetMin: 60, ...over });

describe('parseTyped', () => {
  it('reads points and decimal commas, and says what is not a number', () => {
    expect(parseTyped('82.5')).toBe(82.5);
    expect(parseTyped(' 82,5 ')).toBe(82.5);
    expect(parseTyped('1,234.5')).toBe(1234.5);
    expect(parseTyped('')).toBeUndefined();
    expect(parseTyped('abc')).toBeNaN();
    expect(parseTyped('8 2')).toBeNaN();
  });
});

describe('checkEntry conversion to canonical units', () => {
  it('stores a weight in lb as kg (0.45359237 kg per lb)', () => {
    const r = checkEntry(draft({ values: { weight: '200' } }), US, NOW);
    expect(r.ok && r.samples).toEqual([{ metric: 'body_weight', value: 200 * 0.45359237, flags: 0 }]);
  });
  it('stores an HbA1c in mmol/mol as NGSP % (0.0915 × mmol/mol + 2.15)', () => {
    const r = checkEntry(draft({ kind: 'hba1c', values: { hba1c: '48' } }), UK, NOW);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.samples[0]!.value).toBeCloseTo(0.0915 * 48 + 2.15, 10);
  });
  it('stores a fasting glucose in mmol/L as mg/dL with the fasting flag; without the tick, no flag', () => {
    const r = checkEntry(draft({ kind: 'glucose', values: { glucose: '5.5' }, fasting: true }), UK, NOW);
    expect(r.ok && r.samples).toEqual([{ metric: 'blood_glucose', value: 5.5 * GLUCOSE_MG_DL_PER_MMOL_L, flags: FLAG_FASTING }]);
    const any = checkEntry(draft({ kind: 'glucose', values: { glucose: '5.5' } }), UK, NOW);
    expect(any.ok && any.samples[0]!.flags).toBe(0);
  });
  it('never marks a 2-hour OGTT glucose as fasting', () => {
    const r = checkEntry(draft({ kind: 'ogtt2h', values: { ogtt2h: '9.1' }, fasting: true }), UK, NOW);
    expect(r.ok && r.samples).toEqual([{ metric: 'ogtt_2h_glucose', value: 9.1 * GLUCOSE_MG_DL_PER_MMOL_L, flags: 0 }]);
  });
  it('stores blood pressure as two samples of one reading', () => {
    const r = checkEntry(draft({ kind: 'bloodPressure', values: { systolic: '132', diastolic: '84' } }), METRIC, NOW);
    expect(r.ok && r.samples.map((s) => [s.metric, s.value])).toEqual([
      ['systolic_bp', 132],
      ['diastolic_bp', 84],
    ]);
  });
  it('converts a cholesterol panel in mmol/L (38.67, triglycerides 88.57) and keeps only the results given', () => {
    const r = checkEntry(draft({ kind: 'cholesterol', values: { totalCholesterol: '5.2', hdl: '1.3', triglycerides: '1.7' } }), UK, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const by = Object.fromEntries(r.samples.map((s) => [s.metric, s.value]));
    expect(by.total_cholesterol).toBeCloseTo(5.2 * 38.67, 8);
    expect(by.hdl_cholesterol).toBeCloseTo(1.3 * 38.67, 8);
    expect(by.triglycerides).toBeCloseTo(1.7 * 88.57, 8);
    expect(by.ldl_cholesterol).toBeUndefined();
  });
  it('converts creatinine in µmol/L to mg/dL (÷ 88.42) and heights and waists in inches to cm', () => {
    const k = checkEntry(draft({ kind: 'kidney', values: { creatinine: '88.42' } }), UK, NOW);
    expect(k.ok && k.samples[0]!.value).toBeCloseTo(1, 10);
    const h = checkEntry(draft({ kind: 'height', values: { height: '70' } }), US, NOW);
    expect(h.ok && h.samples[0]!.value).toBeCloseTo(177.8, 10);
    expect(fieldUnit('waist', US)).toBe('in');
  });
});

describe('checkEntry: a height in feet and inches', () => {
  const ftIn = (feet: string, inches: string): EntryDraft => draft({ kind: 'height', heightFeetInches: { feet, inches } });
  it('stores 5 ft 9.5 in as cm (2.54 cm per inch), and a bare number of feet as whole feet', () => {
    const r = checkEntry(ftIn('5', '9.5'), US, NOW);
    expect(r.ok && r.samples[0]!.value).toBeCloseTo((5 * 12 + 9.5) * 2.54, 10);
    const six = checkEntry(ftIn('6', ''), US, NOW);
    expect(six.ok && six.samples[0]!.value).toBeCloseTo(182.88, 10);
    expect(checkEntry(ftIn('5', '9,5'), US, NOW).ok).toBe(true);
  });
  it('refuses inches of 12 or more, fractions of a foot and text, and asks for a height when both are empty', () => {
    for (const [f, i] of [
      ['5', '12'],
      ['5.5', '0'],
      ['five', '9'],
      ['5', '-1'],
    ] as const) {
      const r = checkEntry(ftIn(f, i), US, NOW);
      expect(r.ok ? undefined : r.errors.height?.code, `${f} ft ${i} in`).toBe('notFeetInches');
    }
    const none = checkEntry(ftIn('', ''), US, NOW);
    expect(none.ok ? undefined : none.errors.height?.code).toBe('missing');
  });
  it('refuses a height outside the import range, with that range in inches', () => {
    const r = checkEntry(ftIn('12', '0'), US, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.height?.code).toBe('tooHigh');
    expect(r.errors.height!.max! * 2.54).toBeLessThanOrEqual(PLAUSIBLE.height[1]);
  });
  it('uses the typed feet and inches only under the ft/in setting', () => {
    const r = checkEntry(draft({ kind: 'height', values: { height: '175' }, heightFeetInches: { feet: '5', inches: '9' } }), METRIC, NOW);
    expect(r.ok && r.samples[0]!.value).toBe(175);
  });
});

describe('checkEntry refusals (the import plausibility ranges)', () => {
  it('refuses a weight outside the import range, with that range in the person unit', () => {
    const [lo, hi] = PLAUSIBLE.body_weight;
    const r = checkEntry(draft({ values: { weight: String(hi + 1) } }), METRIC, NOW);
    expect(r).toEqual({ ok: false, errors: { weight: { code: 'tooHigh', min: lo, max: hi } } });
    const low = checkEntry(draft({ values: { weight: '0.5' } }), METRIC, NOW);
    expect(!low.ok && low.errors.weight?.code).toBe('tooLow');
  });
  it('refuses a glucose typed in mmol/L while the setting says mg/dL (the unit mix-up the floor catches)', () => {
    const r = checkEntry(draft({ kind: 'ogtt2h', values: { ogtt2h: '7.8' } }), METRIC, NOW);
    expect(!r.ok && r.errors.ogtt2h?.code).toBe('tooLow');
  });
  it('asks for both blood-pressure values and a diastolic below the systolic', () => {
    const one = checkEntry(draft({ kind: 'bloodPressure', values: { systolic: '130' } }), METRIC, NOW);
    expect(!one.ok && one.errors).toEqual({ diastolic: { code: 'missing' } });
    const swapped = checkEntry(draft({ kind: 'bloodPressure', values: { systolic: '80', diastolic: '120' } }), METRIC, NOW);
    expect(!swapped.ok && swapped.errors).toEqual({ diastolic: { code: 'notBelowSystolic' } });
  });
  it('refuses an empty panel, text that is not a number, and a time in the future or before 1900', () => {
    const empty = checkEntry(draft({ kind: 'cholesterol', values: {} }), METRIC, NOW);
    expect(!empty.ok && empty.errors).toEqual({ totalCholesterol: { code: 'noValue' } });
    const text = checkEntry(draft({ values: { weight: 'eighty' } }), METRIC, NOW);
    expect(!text.ok && text.errors).toEqual({ weight: { code: 'notNumber' } });
    const future = checkEntry(draft({ values: { weight: '80' }, atMs: NOW + 2 * 86_400_000 }), METRIC, NOW);
    expect(!future.ok && future.errors).toEqual({ when: { code: 'future' } });
    const old = checkEntry(draft({ values: { weight: '80' }, atMs: Date.UTC(1899, 0, 1) }), METRIC, NOW);
    expect(!old.ok && old.errors).toEqual({ when: { code: 'tooEarly' } });
    const bad = checkEntry(draft({ values: { weight: '80' }, atMs: Number.NaN }), METRIC, NOW);
    expect(!bad.ok && bad.errors).toEqual({ when: { code: 'badDate' } });
  });
});
