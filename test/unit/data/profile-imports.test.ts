/**
 * The reported cases of imports overwriting what the person entered (issue 14, "Hardening"), on
 * real exports and real IndexedDB semantics: what the person entered stays; what the records say
 * is kept with where it came from and waits for the person's choice; measurements go by date.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitImport, undoImport } from '../../../src/data/imports.ts';
import { getProfile, saveProfileForm } from '../../../src/data/profile.ts';
import { buildRiskProfile } from '../../../src/risk/profile-builder.ts';
import { FIXTURES, importFile, report } from '../import/helpers.ts';
import { batch, useFreshDbs } from './helpers.ts';

const db = useFreshDbs();
const real = (dir: string, name: string): string => join(FIXTURES, 'real', dir, name);
/** Female, born 1972-06-12, height 172.9 cm measured 2020-01-20 (the newest of its heights). */
const FEMALE_1972 = real('fhir-r4', 'inferno_synthea-v2.5_prediabetes-glucose2345_dab4861f.transaction.json');
/** Male, born 1983-06-13, height 188.5 cm measured 2017-08-28. */
const MALE_1983 = real('fhir-r4', 'inferno_synthea-v2.4_prediabetes_7b4cf3d5.transaction.json');
/** Male, born 1982-04-07, height 181.9 cm measured 2019-05-01. */
const MALE_1982 = real('fhir-r4', 'smart-generated-sample-data_Lupe_Little_prediabetes.json');
const BB_EOB = real('blue-button', 'bluebutton-web-server_eob_search_v2.json');
const BB_PATIENT = real('blue-button', 'bluebutton-web-server_patient_read_v2.json');

describe('imports never replace what the person entered', () => {
  it('three imports leave Male / 15 Jun 1972 / 178 cm as the person entered them', async () => {
    const d = db();
    await saveProfileForm(d, { sex: 'male', birthDate: '1972-06-15', heightCm: 178 }, ['sex', 'birthDate', 'heightCm']);
    await importFile(d, MALE_1982);
    await importFile(d, BB_PATIENT);
    await importFile(d, FEMALE_1972);
    const p = await getProfile(d);
    expect(p).toMatchObject({ sex: 'male', birthDate: '1972-06-15', heightCm: 178 });
    // The records' values wait for the person: every differing one, the newest height only.
    const pending = (p?.pendingConflicts ?? []).map((c) => [c.field, c.value]).sort();
    expect(pending).toEqual([
      ['birthDate', '1972-06-12'],
      ['birthDate', '1982-04-07'],
      ['birthDate', '2014-06-01'],
      ['heightCm', 172.9],
      ['sex', 'female'],
    ]);
  });

  it('an older FHIR height imported after a newer one does not replace it (by date, not import order)', async () => {
    const d = db();
    await importFile(d, FEMALE_1972); // 172.9 cm on 2020-01-20
    await importFile(d, MALE_1983); // 188.5 cm on 2017-08-28
    expect((await getProfile(d))?.heightCm).toBe(172.9);
    expect((await report(d)).profile.heightCm).toBe(172.9);
  });

  it('a claim (Blue Button EOB) does not tick Insulin: it waits for the person to confirm', async () => {
    const d = db();
    const r = await importFile(d, BB_EOB);
    const p = await getProfile(d);
    expect(p?.medications ?? []).not.toContain('insulin');
    expect(p?.pendingConflicts).toEqual([expect.objectContaining({ field: 'medications', value: 'insulin', indirect: true })]);
    expect(r.profile).toEqual([expect.objectContaining({ field: 'medications', value: 'insulin', status: 'confirm' })]);
  });

  it("one 2021 week of watch data does not override an explicit No to 'active 150 min a week'", async () => {
    const d = db();
    await saveProfileForm(d, { answers: { physicallyActive: false } }, ['answers']);
    const days = ['03', '04', '05', '06', '07', '08', '09'].map(
      (dd) => [`2021-06-${dd}T18:00:00Z`, 60, 0, 0] as [string, number, number, number],
    );
    await commitImport(d, {
      fileName: 'export.xml',
      format: 'apple-health-xml',
      bytes: 1,
      sources: [{ name: "Ann's Apple Watch", model: 'Watch' }],
      batches: [batch('exercise_minutes', days)],
      rejected: [],
      ignored: {},
    });
    const built = await buildRiskProfile(d, Date.parse('2026-11-22T12:00:00Z'));
    expect(built.profile.physicallyActive).toBe(false);
    expect(built.provenance.physicallyActive).toBe('your answer');
    // The data's suggestion stays visible with its window and age, marked as too short and old to use.
    expect(built.activity).toMatchObject({
      from: '2021-06-03',
      to: '2021-06-09',
      days: 7,
      minutesPerWeek: 420,
      physicallyActive: true,
      sourceKind: 'watch',
      usable: false,
    });
    expect(built.activity!.ageDays).toBeGreaterThan(5 * 365);

    // Without an answer, the old week does not answer for the person either.
    await saveProfileForm(d, {}, ['answers']);
    const unanswered = await buildRiskProfile(d, Date.parse('2026-11-22T12:00:00Z'));
    expect(unanswered.profile.physicallyActive).toBeUndefined();
  });

  it('a recent, long enough window answers only a question the person left open', async () => {
    const d = db();
    const rows = Array.from({ length: 28 }, (_, i) => [Date.UTC(2026, 9, 25 + i, 18), 10, 0, 0] as [number, number, number, number]);
    await commitImport(d, {
      fileName: 'export.xml',
      format: 'apple-health-xml',
      bytes: 1,
      sources: [{ name: "Ann's iPhone", model: 'iPhone' }],
      batches: [batch('exercise_minutes', rows)],
      rejected: [],
      ignored: {},
    });
    const now = Date.parse('2026-11-22T12:00:00Z');
    const built = await buildRiskProfile(d, now);
    expect(built.profile.physicallyActive).toBe(false); // 70 min a week
    expect(built.provenance.physicallyActive).toBe('exercise 70 min/week from your phone, 2026-10-25 to 2026-11-21');
    await saveProfileForm(d, { answers: { physicallyActive: true } }, ['answers']);
    const answered = await buildRiskProfile(d, now);
    expect(answered.profile.physicallyActive).toBe(true);
    expect(answered.provenance.physicallyActive).toBe('your answer');
    expect(answered.activity).toMatchObject({ physicallyActive: false, usable: true });
  });

  it('an answer wins over a flag derived from stored records (high glucose found before)', async () => {
    const d = db();
    await commitImport(d, {
      fileName: 'lab.json',
      format: 'fhir-r4',
      bytes: 1,
      sources: [{ name: 'Lab' }],
      batches: [batch('hba1c', [['2024-06-01T09:00:00Z', 5.9]])],
      rejected: [],
      ignored: {},
    });
    expect((await buildRiskProfile(d)).profile.highGlucoseHistory).toBe(true);
    await saveProfileForm(d, { answers: { highGlucoseHistory: false } }, ['answers']);
    expect((await buildRiskProfile(d)).profile.highGlucoseHistory).toBe(false);
  });

  it('undoing an import takes back what it set in the profile', async () => {
    const d = db();
    const r = await importFile(d, FEMALE_1972);
    expect(await getProfile(d)).toMatchObject({ sex: 'female', birthDate: '1972-06-12', heightCm: 172.9 });
    await undoImport(d, r.importId);
    const p = await getProfile(d);
    expect(p?.sex).toBeUndefined();
    expect(p?.birthDate).toBeUndefined();
    expect(p?.heightCm).toBeUndefined();
    expect(p?.conditions).toBeUndefined();
  });
});
