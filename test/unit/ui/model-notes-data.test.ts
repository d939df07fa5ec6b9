/**
 * The models' notes as data (issue 17): the app words them from the catalog, as it worded the English
 * notes before, and each score card gets the same notes as from the English warnings.
 */
import { describe, expect, it } from 'vitest';
import { riskReport } from '../../../models/risk/report.ts';
import type { RiskProfile } from '../../../models/risk/profile.ts';
import { personFromProfile } from '../../../models/twin/person-from-profile.ts';
import { anchorProgression, anchorReport } from '../../../models/twin/anchor.ts';
import { scoreNoteTexts } from '../../../src/ui/risk/notes.ts';
import { scoreCards, warningsFor } from '../../../src/ui/risk/scores.ts';
import { noteText, twinNoteText } from '../../../src/ui/model-notes.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/data/settings.ts';
import { withUnit } from '../../../src/ui/format.ts';

const SI: Settings = { ...DEFAULT_SETTINGS, glucoseUnit: 'mmol/L', hba1cUnit: 'mmol/mol', weightUnit: 'kg', heightUnit: 'cm' };
const CARDS = [
  'qdiabetes2018 A',
  'qdiabetes2018 B',
  'qdiabetes2018 C',
  'findrisc',
  'ada',
  'framinghamOffspring',
  'pce',
  'prevent base10y cvd',
  'prevent base30y cvd',
];

describe("the models' notes as data", () => {
  const profiles: RiskProfile[] = [
    { sex: 'male', age: 52, heightCm: 178, weightKg: 95.5 },
    { sex: 'female', age: 62, heightCm: 160, weightKg: 70, hba1cPercent: 6.0, totalCholesterolMgDl: 210, hdlMgDl: 55, systolicBpMmHg: 135 },
    { sex: 'male', age: 70, heightCm: 175, weightKg: 80, fastingGlucoseMgDl: 130, cvd: true },
  ];

  it('each score card gets as many notes as it got English warnings, in the same order of scores', () => {
    for (const p of profiles) {
      const r = riskReport(p);
      for (const key of CARDS) expect(scoreNoteTexts(key, r.notes, SI), key).toHaveLength(warningsFor(key, r.warnings).length);
    }
  });

  it("the twin's notes read as its English notes did, in the chosen units, with the exact value the person got", () => {
    const base = profiles[0]!;
    for (const p of [base, { ...base, hba1cPercent: 6.0 }, { ...base, fastingGlucoseMgDl: 113 }, { ...base, fastingGlucoseMgDl: 140 }]) {
      const r = personFromProfile(p);
      if (!r.ok) throw new Error('expected a person');
      expect(r.notes).toHaveLength(r.warnings.length);
      r.notes.forEach((n, i) => {
        const text = twinNoteText(n, SI);
        if (n.code === 'glucoseInferred')
          expect(text).toBe(
            `No fasting glucose: ${withUnit('blood_glucose', r.person.fastingGlucoseMgDl, SI)} was inferred from the HbA1c`,
          );
        else if (n.code === 'hba1cInferred')
          expect(text).toBe(`No HbA1c: ${withUnit('hba1c', r.person.hba1cPercent, SI)} was inferred from the fasting glucose`);
        else expect(text).toBe(noteText(r.warnings[i]!, SI));
      });
    }
  });

  it("the anchor's note when QDiabetes cannot score the person says why, in plain words", () => {
    const p: RiskProfile = { sex: 'female', age: 22, heightCm: 165, weightKg: 60, fastingGlucoseMgDl: 95 };
    const person = personFromProfile(p);
    if (!person.ok) throw new Error('expected a person');
    const { notes, warnings } = anchorReport(anchorProgression(person.person, p));
    expect(warnings[0]).toMatch(/^QDiabetes-2018 B: age 22 outside 25-84: the population prior/);
    expect(notes.map((n) => twinNoteText(n, SI))).toEqual([
      'QDiabetes-2018 (with your fasting glucose) could not work out your risk, so blood sugar in this forecast rises as it did in a high-risk trial group: Age 22 years is outside what the score was made for (25 to 84 years)',
    ]);
  });

  it('a published score in a twin note reads as the risk page writes it (5.5%, not "5.5 %" here and "6%" there)', () => {
    // A person whose QDiabetes-2018 C is below 10 %, where a whole percent and one decimal differ.
    const p: RiskProfile = { sex: 'male', age: 58, heightCm: 178, weightKg: 68.5, hba1cPercent: 5.9, treatedHypertension: true };
    const r = riskReport(p);
    const c = r.qdiabetes2018.C;
    if (c === null) throw new Error('expected QDiabetes-2018 C');
    expect(c).toBeLessThan(10);
    const card = scoreCards(r, {}).find((k) => k.key === 'qdiabetes2018 C')!;
    const text = twinNoteText({ code: 'anchorAbove', source: 'QDiabetes-2018 C', twinPercent: 13.4, targetPercent: c }, SI);
    expect(text).toContain(`against ${card.value}`);
    expect(text).toContain('13%');
    // Named as the headline and the risk page name it, not by its letter.
    expect(text).toContain('than QDiabetes-2018 (with your HbA1c) records');
  });
});
