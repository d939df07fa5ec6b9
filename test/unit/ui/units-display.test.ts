import { describe, expect, it } from 'vitest';
import { cmFromFeetInches, feetInches } from '../../../models/units.ts';
import { riskReport } from '../../../models/risk/report.ts';
import type { Explanation } from '../../../models/risk/common.ts';
import type { RiskProfile } from '../../../models/risk/profile.ts';
import { bmiBand, hba1cLevel, twinStatus, type StatusInputs } from '../../../models/twin/status.ts';
import { personFromProfile } from '../../../models/twin/person-from-profile.ts';
import { framinghamOffspring } from '../../../models/risk/framingham-offspring.ts';
import { DEFAULT_SETTINGS, getAllSettings, setSetting, type Settings } from '../../../src/data/settings.ts';
import { display, displayInCategory, formatProbability, toDisplay, withUnit } from '../../../src/ui/format.ts';
import { driverLabel } from '../../../src/ui/risk/drivers.ts';
import { inputRows, sourceText } from '../../../src/ui/risk/inputs.ts';
import { cannotSimulateText, noteText } from '../../../src/ui/model-notes.ts';
import { regionSummary } from '../../../src/ui/twin/region-summary.ts';
import { useFreshDbs } from '../data/helpers.ts';

const US: Settings = DEFAULT_SETTINGS;
const SI: Settings = {
  ...DEFAULT_SETTINGS,
  glucoseUnit: 'mmol/L',
  hba1cUnit: 'mmol/mol',
  weightUnit: 'kg',
  creatinineUnit: 'µmol/L',
  heightUnit: 'cm',
};
const IMPERIAL: Settings = { ...DEFAULT_SETTINGS, weightUnit: 'lb', heightUnit: 'ft/in' };

/** No value left in a unit the settings did not choose. */
const noneOf = (text: string, ...units: RegExp[]): void => {
  for (const u of units) expect(text, `${u} in "${text}"`).not.toMatch(u);
};
const MG_DL = /mg\/dL/;
const PERCENT_A1C = /(HbA1c|GMI)[^,;.]* \d+([.,]\d+)? %/;

const db = useFreshDbs();

describe('unit settings', () => {
  it('creatinine and height are settings with defaults, so settings stored before them still load', async () => {
    const d = db();
    await d.settings.put({ key: 'glucoseUnit', value: 'mmol/L' }); // as an older version stored it
    expect(await getAllSettings(d)).toEqual({ ...DEFAULT_SETTINGS, glucoseUnit: 'mmol/L', creatinineUnit: 'mg/dL', heightUnit: 'cm' });
    await setSetting(d, 'creatinineUnit', 'µmol/L');
    await setSetting(d, 'heightUnit', 'ft/in');
    expect(await getAllSettings(d)).toMatchObject({ creatinineUnit: 'µmol/L', heightUnit: 'ft/in' });
    await expect(setSetting(d, 'heightUnit', 'yards' as never)).rejects.toThrow(/settings.heightUnit: "yards" is not one of cm, ft\/in/);
  });
});

describe('creatinine', () => {
  it('shows 2 decimals in mg/dL (1.61 is not "2") and whole µmol/L at 88.42 µmol/L per mg/dL', () => {
    expect(display('creatinine', 1.61, US)).toEqual({ text: '1.61', unit: 'mg/dL' });
    expect(display('creatinine', 1.61, SI)).toEqual({ text: '142', unit: 'µmol/L' });
    expect(toDisplay('creatinine', 1, SI)).toBeCloseTo(88.42, 10);
    expect(display('creatinine', 0.7, US).text).toBe('0.70');
  });
});

describe('height and waist in feet and inches', () => {
  it('reads feet and inches, and a height entered in feet and inches comes back unchanged (no drift)', () => {
    expect(withUnit('height', 177.8, IMPERIAL)).toBe('5 ft 10 in');
    expect(withUnit('height', 178, US)).toBe('178 cm');
    for (let feet = 1; feet <= 8; feet++)
      for (let inches = 0; inches < 12; inches += 0.5) {
        const cm = cmFromFeetInches(feet, inches);
        expect(feetInches(cm)).toEqual({ feet, inches });
        // ...and again after a second trip: stored cm → shown → typed back → the same cm.
        const again = feetInches(cm);
        expect(cmFromFeetInches(again.feet, again.inches)).toBe(cm);
      }
    expect(cmFromFeetInches(6, 0)).toBeCloseTo(182.88, 12);
  });

  it('never writes 12 inches: the total is rounded before it is split', () => {
    expect(feetInches(182.8)).toEqual({ feet: 6, inches: 0 }); // 71.97 in
    expect(withUnit('height', 182.8, IMPERIAL)).toBe('6 ft 0 in');
  });

  it('waist follows the length setting', () => {
    expect(withUnit('waist_circumference', 101.6, IMPERIAL)).toBe('40.0 in');
    expect(withUnit('waist_circumference', 101.6, US)).toBe('102 cm');
  });
});

describe('a number shown with its category agrees with it', () => {
  const bmi = (v: number): string => displayInCategory('bmi', v, US, bmiBand);
  it('classifies the unrounded BMI and never shows a number of the other category', () => {
    expect([bmi(29.96), bmiBand(29.96)]).toEqual(['29.96', 'overweight']);
    expect([bmi(30.04), bmiBand(30.04)]).toEqual(['30.0', 'obesity']);
    expect([bmi(30), bmiBand(30)]).toEqual(['30.0', 'obesity']);
    expect([bmi(24.96), bmiBand(24.96)]).toEqual(['24.96', 'healthy']);
    expect(bmi(18.46)).toBe('18.46');
    expect(bmi(29.99996)).toBe('29.9999');
    expect(bmi(27.34)).toBe('27.3');
  });

  it('the weight card reads 29.96 overweight, 30.0 obesity', () => {
    const weight = (v: number): string => regionSummary(twinStatus({ bmi: v })[4]!, { bmi: v }, US);
    expect(weight(29.96)).toBe('BMI 29.96 kg/m²: overweight.');
    expect(weight(30.04)).toBe('BMI 30.0 kg/m²: obesity.');
  });

  it('also across units: HbA1c 5.69 % is not shown as 39 mmol/mol (that is prediabetes)', () => {
    expect(displayInCategory('hba1c', 5.69, SI, hba1cLevel)).toBe('38.7');
    expect(displayInCategory('hba1c', 5.69, US, hba1cLevel)).toBe('5.69');
    expect(displayInCategory('hba1c', 6.0, SI, hba1cLevel)).toBe('42');
  });
});

describe("the twin's region cards in the user's units", () => {
  const inputs: StatusInputs = {
    hba1cPercent: 6.0,
    fastingGlucoseMgDl: 113,
    cgmMeanMgDl: 125,
    cgmTimeInRangePercent: 97,
    systolicBpMmHg: 119,
    diastolicBpMmHg: 85,
    bmi: 30.1,
  };
  const cards = (s: Settings): string[] => twinStatus(inputs).map((r) => regionSummary(r, inputs, s));

  it('metabolic: HbA1c and GMI in mmol/mol, glucose and the range in mmol/L', () => {
    const metabolic = cards(SI)[0]!;
    expect(metabolic).toBe(
      'HbA1c 42 mmol/mol, fasting glucose 6.3 mmol/L, CGM GMI 45 mmol/mol, 97 % of time in 3.9–10.0 mmol/L: in the prediabetes range.',
    );
    noneOf(metabolic, MG_DL, PERCENT_A1C);
    expect(cards(US)[0]).toBe(
      'HbA1c 6.0 %, fasting glucose 113 mg/dL, CGM GMI 6.3 %, 97 % of time in 70–180 mg/dL: in the prediabetes range.',
    );
  });

  it('every card matches the model on its category', () => {
    expect(cards(US).slice(1)).toEqual([
      'Blood pressure 119/85 mmHg: stage 1 hypertension.',
      'No activity data yet.',
      'No sleep data yet.',
      'BMI 30.1 kg/m²: obesity.',
    ]);
  });
});

const PROFILE: RiskProfile = {
  sex: 'male',
  age: 52,
  heightCm: 178,
  weightKg: 95.5,
  ethnicity: 'white',
  smoking: 'ex',
  familyHistoryDiabetes: 'first_degree',
  fastingGlucoseMgDl: 113,
  hba1cPercent: 6.0,
  totalCholesterolMgDl: 216,
  hdlMgDl: 42,
  triglyceridesMgDl: 198,
  systolicBpMmHg: 119,
  diastolicBpMmHg: 85,
  egfr: 88,
  statin: false,
  bpMedication: false,
};

describe('risk drivers, inputs and their sources in the chosen units', () => {
  const drivers: Record<string, Explanation[]> = {};
  riskReport(PROFILE, drivers);

  it('no driver keeps mg/dL or HbA1c in % when mmol/L and mmol/mol are chosen', () => {
    const labels = Object.entries(drivers).flatMap(([score, list]) => list.map((d) => driverLabel(score, d, PROFILE, SI)));
    expect(labels.length).toBeGreaterThan(10);
    for (const l of labels) noneOf(l, MG_DL, /HbA1c: [\d.]+ %/);
    expect(labels).toContain('HbA1c: 42 mmol/mol');
    expect(labels).toContain('Fasting glucose: 6.3 mmol/L');
    expect(labels).toContain('Non-HDL cholesterol: 4.5 mmol/L');
    // The models' own labels were in mg/dL: the test would fail on them.
    expect(
      Object.values(drivers)
        .flat()
        .some((d) => MG_DL.test(d.label)),
    ).toBe(true);
  });

  it('inputs and their sources: values in the chosen units, days as the locale writes them', () => {
    const rows = inputRows(
      {
        profile: { ...PROFILE, highGlucoseHistory: true },
        sources: {
          hba1cPercent: { from: 'reading', metric: 'hba1c', day: '2026-09-11' },
          egfr: { from: 'egfr', creatinineMgDl: 1.61, day: '2026-09-11' },
          highGlucoseHistory: { from: 'highHba1c', hba1cPercent: 5.8, day: '2024-12-13' },
          heightCm: { from: 'profile' },
        },
      },
      { ...SI, heightUnit: 'ft/in' },
    );
    const text = rows.map((r) => `${r.name} ${r.value} (${r.from})`).join(' · ');
    noneOf(text, MG_DL, /\d %/, /\bcm\b/);
    expect(text).toContain('HbA1c 42 mmol/mol (measured on Sep 11, 2026)');
    expect(text).toContain('CKD-EPI 2021 from creatinine 142 µmol/L on Sep 11, 2026');
    expect(text).toContain('High glucose found before Yes (HbA1c 40 mmol/mol on Dec 13, 2024)');
    expect(text).toContain('Height 5 ft 10.1 in (profile)');
    expect(sourceText({ from: 'egfr', creatinineMgDl: 1.61, day: '2026-09-11' }, US)).toBe(
      'CKD-EPI 2021 from creatinine 1.61 mg/dL on Sep 11, 2026',
    );
  });
});

describe("the models' notes in the chosen units", () => {
  const notes = (p: RiskProfile): string[] => {
    const r = personFromProfile(p);
    return r.ok ? r.warnings : [r.reason];
  };
  const base = { sex: 'male', age: 52, heightCm: 178, weightKg: 95.5 } as const;

  it("the twin's notes about glucose and HbA1c", () => {
    const all = [
      ...notes(base),
      ...notes({ ...base, hba1cPercent: 6.0 }),
      ...notes({ ...base, fastingGlucoseMgDl: 113 }),
      ...notes({ ...base, fastingGlucoseMgDl: 140 }),
    ];
    expect(all.length).toBe(5);
    const si = all.map((n) => noteText(n, SI));
    for (const n of si) noneOf(n, MG_DL, /\d %/);
    expect(si[0]).toBe(
      'No fasting glucose or HbA1c: the population averages 5.5 mmol/L and 36 mmol/mol were used, so the forecast is not personal',
    );
    expect(si[1]).toMatch(/^No fasting glucose: \d+\.\d mmol\/L was inferred from the HbA1c$/);
    expect(si[2]).toMatch(/^No HbA1c: \d+ mmol\/mol was inferred from the fasting glucose$/);
    expect(noteText(all[0]!, US)).toBe(
      'No fasting glucose or HbA1c: the population averages 99 mg/dL and 5.4 % were used, so the forecast is not personal',
    );
  });

  it('values inside any other note', () => {
    const r = framinghamOffspring({
      sex: 'male',
      ageYears: 52,
      bmiKgM2: 30,
      parentalHistory: false,
      systolicBpMmHg: 120,
      diastolicBpMmHg: 80,
      bpTreated: false,
      hdlMgDl: 42,
      triglyceridesMgDl: 150,
      fastingGlucoseMgDl: 130,
    });
    expect(r.ok).toBe(false);
    expect(noteText(r.ok ? '' : r.reason, SI)).toBe('fasting glucose 7.2 mmol/L is in the diabetes range');
    expect(noteText('total cholesterol 340 mg/dL outside 130-320', SI)).toBe('total cholesterol 8.8 mmol/L outside 3.4–8.3 mmol/L');
  });
});

describe('why the twin cannot forecast, in plain words and the chosen units', () => {
  const why = (p: RiskProfile): string => {
    const r = personFromProfile(p);
    if (r.ok) throw new Error('expected no forecast');
    return `${cannotSimulateText(r.why, SI)} | ${cannotSimulateText(r.why, US)}`;
  };
  const base = { sex: 'male', age: 52, heightCm: 178, weightKg: 95.5 } as const;

  it('names what is missing without field names', () => {
    const { sex: _sex, ...noSex } = base;
    expect(why(noSex)).toBe('your profile does not say your sex | your profile does not say your sex');
    const { heightCm: _h, ...noHeight } = base;
    expect(why(noHeight)).toMatch(/^your profile does not have your height \|/);
    const { weightKg: _w, ...noWeight } = base;
    expect(why(noWeight)).toMatch(/^no weight has been recorded yet/);
    for (const text of [why(noSex), why(noHeight), why(noWeight)]) expect(text).not.toMatch(/profile\.|Cm\b|Kg\b|simulate/);
  });

  it('says which range a value is outside, in the units chosen', () => {
    expect(why({ ...base, fastingGlucoseMgDl: 450 })).toBe(
      'your fasting glucose of 25.0 mmol/L is outside the 3.3 to 22.2 mmol/L its glucose model covers | ' +
        'your fasting glucose of 450 mg/dL is outside the 60 to 400 mg/dL its glucose model covers',
    );
    expect(why({ ...base, age: 16 })).toMatch(/^its models are built for adults aged 18 to 100, and you are 16 \|/);
    expect(why({ ...base, weightKg: 260 })).toMatch(/^your BMI of 82\.1 is outside the 15 to 70 its body-weight model covers/);
  });
});

describe("the twin's probabilities", () => {
  it('read as whole percents, and never as a certain "0%" or "100%"', () => {
    // The walk of issue 17 found a plan's 10-year risk shown as "0%" on the what-if and the summary.
    expect([0.12, 0.005, 0.0049, 0, 0.994, 0.995, 1].map(formatProbability)).toEqual(['12%', '1%', '<1%', '<1%', '99%', '>99%', '>99%']);
  });
});
