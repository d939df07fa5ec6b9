import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../src/import/demo.ts';
import { buildRiskProfile } from '../../../src/risk/profile-builder.ts';
import { riskReport } from '../../../models/risk/report.ts';
import { egfrCkdEpi2021 } from '../../../models/risk/ckd-epi.ts';
import { commitImport } from '../../../src/data/imports.ts';
import { saveProfile } from '../../../src/data/profile.ts';
import { useFreshDbs, batch } from '../data/helpers.ts';

const db = useFreshDbs();

describe('risk profile from stored data', () => {
  it('the demo person: values with provenance, scores, and the missing input worth the most', async () => {
    const d = db();
    await loadDemo(d, { endDay: '2026-11-21', offsetMin: 60 });
    const now = Date.parse('2026-11-22T12:00:00Z');
    const { profile: p, provenance, suggestion } = await buildRiskProfile(d, now);
    expect(p).toMatchObject({
      sex: 'male',
      age: 52,
      heightCm: 178,
      ethnicity: 'white',
      smoking: 'ex',
      familyHistoryDiabetes: 'first_degree',
    });
    expect(p.weightKg).toBeGreaterThan(90);
    expect(p.hba1cPercent).toBeGreaterThanOrEqual(5.8);
    expect(p.fastingGlucoseMgDl).toBeGreaterThan(100);
    expect(provenance.bmi).toMatch(/^BMI \d+\.\d from weight on 2026-11-\d\d and height in the profile$/);
    expect(provenance.systolicBpMmHg).toMatch(/^(mean of \d readings|reading on) /);
    expect(provenance.physicallyActive).toMatch(/^exercise \d+ min\/week from your watch, 2026-10-25 to 2026-11-21$/);
    expect(p.physicallyActive).toBe(false);
    expect(p.highGlucoseHistory).toBe(true);
    const r = riskReport(p);
    expect(r.qdiabetes2018.A).toBeGreaterThan(5);
    expect(r.qdiabetes2018.C).not.toBeNull();
    expect(r.pce?.ascvd10yPercent).toBeGreaterThan(0);
    // No kidney function stored: PREVENT needs eGFR, which is what the suggestion asks for.
    expect(r.prevent.base10y).toBeNull();
    expect(suggestion).toEqual({ inputs: ['egfr'], gain: 3, why: 'adding egfr would give 3 more risk scores' });
  });

  it("uses the person's own answers, which make FINDRISC possible", async () => {
    const d = db();
    await loadDemo(d, { endDay: '2026-11-21', offsetMin: 60 });
    await commitImport(d, {
      fileName: 'tape',
      format: 'x',
      bytes: 1,
      sources: [{ name: 'Tape' }],
      batches: [batch('waist_circumference', [['2026-11-20T08:00:00Z', 104]])],
      rejected: [],
      ignored: {},
    });
    const before = await buildRiskProfile(d, Date.parse('2026-11-22T12:00:00Z'));
    expect(riskReport(before.profile).findrisc).toBeNull();
    await saveProfile(d, { answers: { dailyFruitVegetables: true, bpMedication: false } });
    const { profile: p, provenance } = await buildRiskProfile(d, Date.parse('2026-11-22T12:00:00Z'));
    expect(provenance.dailyFruitVegetables).toBe('your answer');
    // age 52 → 2, BMI > 30 → 3, waist 104 (man) → 4, not active daily → 2, high glucose before → 5, first-degree family → 5
    expect(riskReport(p).findrisc).toEqual({ points: 21, band: 'very_high', risk10yPercent: 50 });
  });

  it('eGFR from creatinine by CKD-EPI 2021 when no eGFR is stored', async () => {
    const d = db();
    await saveProfile(d, { sex: 'male', birthDate: '1974-01-01' });
    await commitImport(d, {
      fileName: 'lab',
      format: 'x',
      bytes: 1,
      sources: [{ name: 'Lab' }],
      batches: [batch('creatinine', [['2024-06-01T09:00:00Z', 1.0]])],
      rejected: [],
      ignored: {},
    });
    const { profile: p, provenance } = await buildRiskProfile(d, Date.parse('2024-06-02T00:00:00Z'));
    expect(p.egfr).toBe(Math.round(egfrCkdEpi2021(1.0, 50, 'male')));
    expect(p.egfr).toBe(92); // 142 × (1/0.9)^-1.2 × 0.9938^50
    expect(provenance.egfr).toBe('CKD-EPI 2021 from creatinine on 2024-06-01');
  });
});
