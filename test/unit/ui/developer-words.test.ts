/**
 * Developer words never reach a patient (issue 17): no message of the English catalog, nor any note
 * the models attach to a forecast or a score once the app has worded it, uses the engine's
 * vocabulary. Only the model cards' source citations (keys ending in `.source`) may name papers as
 * their authors wrote them.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/ui/i18n/en.ts';
import { riskReport } from '../../../models/risk/report.ts';
import type { RiskProfile } from '../../../models/risk/profile.ts';
import { personFromProfile } from '../../../models/twin/person-from-profile.ts';
import { anchorProgression, anchorReport } from '../../../models/twin/anchor.ts';
import { riskNoteText } from '../../../src/ui/risk/notes.ts';
import { twinNoteText } from '../../../src/ui/model-notes.ts';
import { restsText } from '../../../src/ui/twin/rests-text.ts';
import type { RestsOn } from '../../../models/twin/certainty.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/data/settings.ts';

/**
 * The vocabulary, each with why a plain text could still contain its letters: `townsend` is the
 * profile field (the proper noun "Townsend score" may be named), `member` the ensemble's (family
 * members are not), and ESS and NaN are matched in their own case.
 */
const DEVELOPER_WORDS: [string, RegExp][] = [
  ['WHIG', /\bWHIG\b/i],
  ['re-parameterization', /re-?parameteri[sz]/i],
  ['townsend (the field name)', /\btownsend\b/],
  ['atypicalAntipsychotic', /atypicalAntipsychotic/i],
  ['passes', /\bpasses\b/i],
  ['posterior', /posterior/i],
  ['ensemble', /ensemble/i],
  ['calibrate, calibration', /calibrat/i],
  ['Metropolis', /metropolis/i],
  ['ESS', /\bESS\b/],
  ['RMSE', /\bRMSE\b/i],
  ['MARD', /\bMARD\b/],
  ['p05 / p95', /\bp(05|25|50|75|95)\b/i],
  ['member', /(?<!family )\bmembers?\b/i],
  ['seed', /\bseeds?\b/i],
  ['null', /\bnull\b/i],
  ['undefined', /\bundefined\b/i],
  ['NaN', /\bNaN\b/],
];

/** A profile field's name (camelCase, "fastingGlucoseMgDl", "hba1cPercent") or an unfilled placeholder. */
const FIELD_OR_PLACEHOLDER = /\b[a-z][a-z0-9]*[A-Z][a-z]+\w*\b|\{\w+\}/;

const caught = (text: string): string[] => DEVELOPER_WORDS.filter(([, re]) => re.test(text)).map(([w]) => w);

describe('developer words', () => {
  it('the list catches what it is for, and not plain words that share its letters', () => {
    expect(caught('Fitted with the WHIG re-parameterization (13 / 10 passes)')).toEqual(['WHIG', 're-parameterization', 'passes']);
    expect(caught('townsend 0, atypicalAntipsychotic no')).toEqual(['townsend (the field name)', 'atypicalAntipsychotic']);
    expect(caught('the posterior ensemble of 1000 members, seed 1: ESS 2 %, RMSE 0.7, p05 NaN')).toHaveLength(8);
    expect(caught('Calibrated to null of undefined')).toEqual(['calibrate, calibration', 'null', 'undefined']);
    expect(caught('Family members with diabetes; Area deprivation (Townsend score); Fitted to your data; assessment')).toEqual([]);
    for (const field of ['it needs fastingGlucoseMgDl', 'hba1cPercent no', 'a {value}']) expect(field).toMatch(FIELD_OR_PLACEHOLDER);
    expect('Kidney function (eGFR), HbA1c, HDL').not.toMatch(FIELD_OR_PLACEHOLDER);
  });

  it('no message of the English catalog uses them (the model cards may cite papers in .source)', () => {
    const found = Object.entries(en)
      .filter(([k]) => !k.endsWith('.source'))
      .flatMap(([k, v]) => caught(v).map((w) => `${k}: ${w}`));
    expect(found).toEqual([]);
  });

  it('no note of the models, once worded, uses them or names a profile field', () => {
    const SI: Settings = {
      ...DEFAULT_SETTINGS,
      glucoseUnit: 'mmol/L',
      hba1cUnit: 'mmol/mol',
      weightUnit: 'kg',
      creatinineUnit: 'µmol/L',
      heightUnit: 'cm',
    };
    const profiles: RiskProfile[] = [
      {},
      { sex: 'male', age: 52, heightCm: 178, weightKg: 95.5 },
      { sex: 'female', age: 24, heightCm: 164, weightKg: 50, fastingGlucoseMgDl: 60, hba1cPercent: 4 },
      { sex: 'female', age: 86, heightCm: 150, weightKg: 90, hba1cPercent: 7, diabetes: true, cvd: true },
      { sex: 'female', age: 50, heightCm: 130, weightKg: 190 },
      {
        sex: 'male',
        age: 62,
        heightCm: 180,
        weightKg: 160,
        fastingGlucoseMgDl: 130,
        totalCholesterolMgDl: 340,
        hdlMgDl: 15,
        systolicBpMmHg: 210,
        egfr: 10,
        townsend: 20,
        pcos: true,
        waistCm: 0,
      },
      {
        sex: 'female',
        age: 45,
        heightCm: 160,
        weightKg: 45,
        fastingGlucoseMgDl: 70,
        totalCholesterolMgDl: 200,
        hdlMgDl: 50,
        systolicBpMmHg: 120,
        egfr: 90,
      },
    ];
    const texts: string[] = [];
    for (const p of profiles) {
      const r = riskReport(p);
      // Every English warning has its note.
      expect(r.notes).toHaveLength(r.warnings.length);
      const person = personFromProfile(p);
      const anchorNotes = person.ok ? anchorReport(anchorProgression(person.person, p)).notes : [];
      for (const units of [DEFAULT_SETTINGS, SI]) {
        texts.push(...r.notes.map((n) => riskNoteText(n, units)));
        if (person.ok) texts.push(...[...person.notes, ...anchorNotes].map((n) => twinNoteText(n, units)));
      }
    }
    const rests: RestsOn[] = [
      { code: 'fresh' },
      { code: 'typical' },
      { code: 'old', years: 8 },
      { code: 'oldLabs', years: 6 },
      { code: 'oldWeight', years: 7 },
      { code: 'noLabs' },
    ];
    texts.push(...rests.map(restsText));
    expect(texts.length).toBeGreaterThan(40);
    const codes = new Set(profiles.flatMap((p) => riskReport(p).notes.map((n) => (n.code === 'notComputed' ? n.why.kind : n.code))));
    for (const k of ['outside', 'needs', 'assumed', 'bmiClamped', 'lowGlucose', 'hasDiabetes', 'hasCvd', 'heightWeight', 'diabetesRange'])
      expect(codes, k).toContain(k);
    if (process.env.SHOW_NOTES) console.log([...new Set(texts)].join('\n'));
    for (const text of texts) {
      expect(caught(text), text).toEqual([]);
      expect(text, text).not.toMatch(FIELD_OR_PLACEHOLDER);
    }
  });
});
