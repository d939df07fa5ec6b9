import { describe, expect, it } from 'vitest';
import { riskReport } from '../../../models/risk/report.ts';
import { invalidProfile, type RiskProfile } from '../../../models/risk/profile.ts';
import { qdiabetes2018 } from '../../../models/risk/qdiabetes2018.ts';
import { pooledCohort } from '../../../models/risk/pce.ts';
import { framinghamOffspring } from '../../../models/risk/framingham-offspring.ts';
import { prevent } from '../../../models/risk/prevent.ts';

/** The contract profile → each model: mappings, exclusions, defaults that are said, ranges. */
const full: RiskProfile = {
  sex: 'female',
  age: 55,
  heightCm: 165,
  weightKg: 80,
  waistCm: 92,
  ethnicity: 'white',
  smoking: 'non',
  townsend: 0,
  fastingGlucoseMgDl: 100,
  hba1cPercent: 5.7,
  totalCholesterolMgDl: 200,
  hdlMgDl: 50,
  triglyceridesMgDl: 140,
  systolicBpMmHg: 130,
  diastolicBpMmHg: 82,
  egfr: 90,
  familyHistoryDiabetes: 'first_degree',
  diabetes: false,
  cvd: false,
  treatedHypertension: false,
  bpMedication: false,
  statin: false,
  corticosteroids: false,
  atypicalAntipsychotic: false,
  learningDisability: false,
  schizophreniaOrBipolar: false,
  gestationalDiabetes: false,
  pcos: false,
  highGlucoseHistory: false,
  physicallyActiveDaily: true,
  dailyFruitVegetables: true,
  physicallyActive: true,
  hypertension: false,
};

describe('riskReport', () => {
  it('keeps every score at full precision (rounding is for display)', () => {
    const r = riskReport(full);
    const fr = framinghamOffspring({
      sex: 'female',
      ageYears: 55,
      bmiKgM2: 80 / 1.65 ** 2,
      parentalHistory: true,
      systolicBpMmHg: 130,
      diastolicBpMmHg: 82,
      bpTreated: false,
      hdlMgDl: 50,
      triglyceridesMgDl: 140,
      fastingGlucoseMgDl: 100,
    });
    expect(fr.ok && r.framinghamOffspring!.risk8yPercent).toBe(fr.ok && fr.value);
    expect(Number.isInteger(r.framinghamOffspring!.risk8yPercent * 10)).toBe(false);
    const pce = pooledCohort({
      sex: 'female',
      africanAmerican: false,
      ageYears: 55,
      totalCholesterolMgDl: 200,
      hdlMgDl: 50,
      systolicBpMmHg: 130,
      bpTreated: false,
      currentSmoker: false,
      diabetes: false,
    });
    expect(pce.ok && r.pce!.ascvd10yPercent).toBe(pce.ok && pce.value);
    const pr = prevent(
      {
        sex: 'female',
        ageYears: 55,
        totalCholesterolMgDl: 200,
        hdlMgDl: 50,
        systolicBpMmHg: 130,
        bmiKgM2: 80 / 1.65 ** 2,
        egfr: 90,
        diabetes: false,
        currentSmoker: false,
        bpTreated: false,
        statin: false,
        hba1cPercent: 5.7,
      },
      'base10y',
      'cvd',
    );
    expect(pr.ok && r.prevent.base10y!.cvd).toBe(pr.ok && pr.value);
  });

  it('a complete profile gets every score and no warnings', () => {
    const r = riskReport(full);
    expect(r.warnings).toEqual([]);
    expect(Object.values(r.qdiabetes2018).every((x) => typeof x === 'number')).toBe(true);
    expect(r.prevent.base30y).not.toBeNull();
  });

  it('BMI comes from height and weight when both are given, else from bmi', () => {
    const byHw = riskReport({ ...full, bmi: 40 }).qdiabetes2018.A;
    expect(byHw).toBe(riskReport(full).qdiabetes2018.A);
    const { heightCm: _h, weightKg: _w, ...noHw } = full;
    expect(riskReport({ ...noHw, bmi: 80 / 1.65 ** 2 }).qdiabetes2018.A).toBeCloseTo(byHw!, 5);
  });

  it('maps ethnicity per model: African-American is Black African in QDiabetes and the AA equations in PCE; Hispanic is Other / white', () => {
    const aa = riskReport({ ...full, ethnicity: 'african_american' });
    const q = qdiabetes2018(
      {
        sex: 'female',
        ageYears: 55,
        bmiKgM2: 80 / 1.65 ** 2,
        ethnicity: 'BlackAfrican',
        smoking: 'Non',
        townsend: 0,
        fastingGlucoseMgDl: 100,
        hba1cPercent: 5.7,
        atypicalAntipsychotic: false,
        corticosteroids: false,
        cvd: false,
        gestationalDiabetes: false,
        learningDisability: false,
        schizophreniaOrBipolar: false,
        pcos: false,
        statin: false,
        treatedHypertension: false,
        familyHistoryFirstDegree: true,
      },
      'A',
    );
    expect(aa.qdiabetes2018.A).toBeCloseTo(q.ok ? q.value : NaN, 5);
    const pceAa = pooledCohort({
      sex: 'female',
      africanAmerican: true,
      ageYears: 55,
      totalCholesterolMgDl: 200,
      hdlMgDl: 50,
      systolicBpMmHg: 130,
      bpTreated: false,
      currentSmoker: false,
      diabetes: false,
    });
    expect(aa.pce!.ascvd10yPercent).toBe(pceAa.ok ? pceAa.value : NaN);
    expect(riskReport({ ...full, ethnicity: 'hispanic' }).pce).toEqual(riskReport(full).pce);
  });

  it('counts light, moderate and heavy smokers as current smokers, ex-smokers not', () => {
    const base = riskReport(full).pce!.ascvd10yPercent;
    expect(riskReport({ ...full, smoking: 'ex' }).pce!.ascvd10yPercent).toBe(base);
    expect(riskReport({ ...full, smoking: 'light' }).pce!.ascvd10yPercent).toBeGreaterThan(base);
  });

  it('reads blood-pressure treatment from bpMedication or treatedHypertension alike', () => {
    const a = riskReport({ ...full, hypertension: true, bpMedication: true, treatedHypertension: undefined });
    const b = riskReport({ ...full, hypertension: true, bpMedication: undefined, treatedHypertension: true });
    expect(a.qdiabetes2018).toEqual(b.qdiabetes2018);
    expect(a.pce).toEqual(b.pce);
    expect(a.prevent).toEqual(b.prevent);
    expect(a.findrisc).toEqual(b.findrisc);
    // a treated person needs no readings for Framingham's blood-pressure criterion
    expect(
      riskReport({ ...full, treatedHypertension: true, systolicBpMmHg: undefined, diastolicBpMmHg: undefined }).framinghamOffspring,
    ).not.toBeNull();
  });

  it('excludes people the equations are not for, saying why', () => {
    const dm = riskReport({ ...full, diabetes: true });
    expect(dm.qdiabetes2018).toEqual({ A: null, B: null, C: null });
    expect(dm.findrisc).toBeNull();
    expect(dm.prevent.base10y).not.toBeNull(); // diabetes is an input of PREVENT
    expect(dm.warnings).toContain('qdiabetes2018: already has diabetes (the score predicts new diabetes); not computed');
    const labs = riskReport({ ...full, hba1cPercent: 7.5 });
    expect(labs.qdiabetes2018.A).toBeNull();
    expect(labs.warnings).toContain(
      'qdiabetes2018 A: HbA1c 7.5 % is in the diabetes range (the score predicts new diabetes); not computed',
    );
    const cvd = riskReport({ ...full, cvd: true });
    expect([cvd.pce, cvd.prevent.base10y]).toEqual([null, null]);
    expect(cvd.warnings).toContain('pce: has cardiovascular disease (the equations are for primary prevention); not computed');
  });

  it('says which inputs it assumed, and clamps BMI out loud', () => {
    const r = riskReport({ sex: 'male', age: 62, bmi: 45, totalCholesterolMgDl: 210, hdlMgDl: 45, systolicBpMmHg: 135, egfr: 80 });
    expect(r.qdiabetes2018.A).not.toBeNull();
    expect(r.warnings).toContain("qdiabetes2018: BMI 45 used as 40 (the model's clamp)");
    expect(r.warnings.find((w) => w.startsWith('qdiabetes2018: not given, assumed'))).toMatch(
      /ethnicity white or not stated, smoking non, townsend 0, /,
    );
    expect(r.warnings).toContain('pce: not given, assumed smoking non, diabetes no, bpTreatment no (bpMedication/treatedHypertension)');
    expect(r.warnings).toContain(
      'prevent: not given, assumed smoking non, diabetes no, bpTreatment no (bpMedication/treatedHypertension), statin no',
    );
  });

  it('one warning per PREVENT model when every outcome fails for one reason', () => {
    const r = riskReport({ ...full, age: 25 });
    expect(r.warnings.filter((w) => w.startsWith('prevent base10y'))).toEqual(['prevent base10y: age 25 outside 30-79; not computed']);
  });

  it('refuses impossible profiles (exit 2 in the CLI)', () => {
    expect(invalidProfile({ bmi: -3 })).toBe('profile.bmi -3 is outside 8-150');
    expect(invalidProfile({ age: 200 })).toBe('profile.age 200 is outside 0-120');
    expect(invalidProfile([])).toBe('profile is not an object');
    expect(invalidProfile(full)).toBeUndefined();
  });
});
