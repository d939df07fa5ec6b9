/**
 * The person's choices on conflicts, undo, the form and old rows, on real exports and real
 * IndexedDB semantics (src/data/profile-merge.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitImport, undoImport } from '../../../src/data/imports.ts';
import { chooseProfileValue, getProfile, saveProfile, saveProfileForm } from '../../../src/data/profile.ts';
import { DataError } from '../../../src/data/errors.ts';
import { FIXTURES, importFile, report } from '../import/helpers.ts';
import { useFreshDbs } from './helpers.ts';

const db = useFreshDbs();
const real = (dir: string, name: string): string => join(FIXTURES, 'real', dir, name);
/** Female, born 1972-06-12, 172.9 cm on 2020-01-20, hypertension and prediabetes, an antihypertensive. */
const FEMALE_1972 = real('fhir-r4', 'inferno_synthea-v2.5_prediabetes-glucose2345_dab4861f.transaction.json');
/** Male, born 1983-06-13, 188.5 cm on 2017-08-28, prediabetes. */
const MALE_1983 = real('fhir-r4', 'inferno_synthea-v2.4_prediabetes_7b4cf3d5.transaction.json');
/** Male, born 1994-07-17: diabetes, hypertension, an active antihypertensive. */
const MALE_1994 = real('fhir-r4', 'inferno_synthea-v2.5_diabetes_2fda17e1.transaction.json');
const BB_EOB = real('blue-button', 'bluebutton-web-server_eob_search_v2.json');

const pending = async (d: ReturnType<typeof db>) =>
  ((await getProfile(d))?.pendingConflicts ?? []).map((c) => `${c.field}=${c.value}`).sort();

describe('choosing between the profile and a record', () => {
  it("use the record's value: applied as the person's choice, and it stays when the import is undone", async () => {
    const d = db();
    await saveProfileForm(d, { sex: 'male', birthDate: '1972-06-15' }, ['sex', 'birthDate']);
    const r = await importFile(d, FEMALE_1972);
    expect(r.profile?.slice(0, 3).map((o) => [o.field, o.status])).toEqual([
      ['birthDate', 'pending'],
      ['sex', 'pending'],
      ['heightCm', 'set'],
    ]);
    const after = await chooseProfileValue(d, { field: 'birthDate', value: '1972-06-12', use: 'record' });
    expect(after).toMatchObject({ birthDate: '1972-06-12', sex: 'male' });
    expect(after.provenance?.birthDate).toMatchObject({ by: 'person', source: r.file, importId: r.importId });
    expect(await pending(d)).toEqual(['sex=female']);
    await undoImport(d, r.importId);
    expect(await getProfile(d)).toMatchObject({ birthDate: '1972-06-12', sex: 'male' });
    expect((await getProfile(d))?.heightCm).toBeUndefined(); // the import set it; undo took it back
    expect(await pending(d)).toEqual([]);
  });

  it('keep mine: not asked again for the same value, asked for a new one', async () => {
    const d = db();
    await saveProfileForm(d, { sex: 'male' }, ['sex']);
    await importFile(d, FEMALE_1972);
    await chooseProfileValue(d, { field: 'sex', value: 'female', use: 'mine' });
    expect(await pending(d)).toEqual([]);
    const again = await importFile(d, FEMALE_1972);
    expect(again.profile?.find((o) => o.field === 'sex')?.status).toBe('declined');
    expect(await pending(d)).toEqual([]);
    expect((await getProfile(d))?.sex).toBe('male');
    // A choice about a value no record gives is refused, with the field named.
    await expect(chooseProfileValue(d, { field: 'sex', value: 'female', use: 'record' })).rejects.toThrow(
      new DataError('INVALID_PROFILE', 'profile.sex: nothing to choose about "female"'),
    );
  });

  it("a person's height stays; the record's newest measurement is offered, and taking it keeps its date", async () => {
    const d = db();
    await saveProfileForm(d, { heightCm: 178 }, ['heightCm']);
    await importFile(d, FEMALE_1972);
    const older = await importFile(d, MALE_1983);
    expect(older.profile?.find((o) => o.field === 'heightCm')).toEqual({
      field: 'heightCm',
      value: 188.5,
      observedAt: '2017-08-28',
      status: 'older',
    });
    const conflict = (await getProfile(d))?.pendingConflicts?.find((c) => c.field === 'heightCm');
    expect(conflict).toMatchObject({ value: 172.9, current: 178, currentBy: 'person', observedAt: '2020-01-20' });
    const after = await chooseProfileValue(d, { field: 'heightCm', value: 172.9, use: 'record' });
    expect(after.heightCm).toBe(172.9);
    expect(after.provenance?.heightCm).toMatchObject({ by: 'person', observedAt: '2020-01-20' });
  });

  it('a height within a centimetre of the one entered is the same height, not a conflict', async () => {
    const d = db();
    await saveProfileForm(d, { heightCm: 172.5 }, ['heightCm']);
    const r = await importFile(d, FEMALE_1972);
    expect(r.profile?.find((o) => o.field === 'heightCm')?.status).toBe('same');
    expect((await getProfile(d))?.heightCm).toBe(172.5);
  });
});

describe('medications and conditions', () => {
  it('a claim item is confirmed by the person; it then stays theirs when the claim import is undone', async () => {
    const d = db();
    const r = await importFile(d, BB_EOB);
    await chooseProfileValue(d, { field: 'medications', value: 'insulin', use: 'record' });
    expect((await getProfile(d))?.medications).toEqual(['insulin']);
    await undoImport(d, r.importId);
    expect((await getProfile(d))?.medications).toEqual(['insulin']);
  });

  it('a claim item turned down is not asked again; the same drug in a clinical record is', async () => {
    const d = db();
    await importFile(d, BB_EOB);
    await chooseProfileValue(d, { field: 'medications', value: 'insulin', use: 'mine' });
    expect(await pending(d)).toEqual([]);
    await importFile(d, BB_EOB);
    expect(await pending(d)).toEqual([]);
    expect((await getProfile(d))?.medications).toBeUndefined();
  });

  it('clinical records add items while the person has not given the list; once they have, items wait', async () => {
    const d = db();
    const first = await importFile(d, MALE_1994);
    expect((await getProfile(d))?.conditions?.sort()).toEqual(['diabetes', 'hypertension']);
    expect(first.profile?.filter((o) => o.field === 'conditions').map((o) => o.status)).toEqual(['set', 'set']);
    // The person unticks diabetes and saves: their list. A record with prediabetes now waits.
    await saveProfileForm(d, { conditions: ['hypertension'] }, ['conditions']);
    await importFile(d, MALE_1983);
    expect((await getProfile(d))?.conditions).toEqual(['hypertension']);
    expect(await pending(d)).toContain('conditions=prediabetes');
    // The unticked item is not brought back by importing its file again.
    await importFile(d, MALE_1994);
    expect((await getProfile(d))?.conditions).toEqual(['hypertension']);
    expect(await pending(d)).not.toContain('conditions=diabetes');
  });
});

describe('undo, the form and old rows', () => {
  it('undoing the newer of two heights falls back to the older one, and undoing both leaves none', async () => {
    const d = db();
    const newer = await importFile(d, FEMALE_1972);
    const older = await importFile(d, MALE_1983);
    expect((await report(d)).profile).toEqual({ birthDate: '1983-06-13', sex: 'male', heightCm: 172.9 });
    await undoImport(d, newer.importId);
    expect((await report(d)).profile).toEqual({ birthDate: '1983-06-13', sex: 'male', heightCm: 188.5 });
    await undoImport(d, older.importId);
    expect((await report(d)).profile).toEqual({});
    expect((await getProfile(d))?.fromImports).toEqual([]);
  });

  it('records that disagree with each other are listed for the person to settle', async () => {
    const d = db();
    await importFile(d, FEMALE_1972);
    await importFile(d, MALE_1983);
    // The latest import's sex stands; the other record's is offered.
    expect((await getProfile(d))?.sex).toBe('male');
    expect((await getProfile(d))?.pendingConflicts?.find((c) => c.field === 'sex')).toMatchObject({
      value: 'female',
      current: 'male',
      currentBy: 'import',
    });
  });

  it('the form changing or clearing an imported value turns it down: importing the file again does not bring it back', async () => {
    const d = db();
    await importFile(d, FEMALE_1972);
    await saveProfileForm(d, { sex: 'male', birthDate: undefined }, ['sex', 'birthDate']);
    expect(await pending(d)).toEqual([]);
    await importFile(d, FEMALE_1972);
    const p = await getProfile(d);
    expect(p?.sex).toBe('male');
    expect(p?.birthDate).toBeUndefined();
    expect(p?.provenance?.sex).toMatchObject({ by: 'person' });
  });

  it('a row saved before provenance keeps every value as the person’s; an import asks instead', async () => {
    const d = db();
    await d.profile.put({ id: 'self', sex: 'male', birthDate: '1972-06-15', heightCm: 178, medications: ['statin'], updatedAt: 1 });
    const r = await importFile(d, FEMALE_1972);
    expect(await getProfile(d)).toMatchObject({ sex: 'male', birthDate: '1972-06-15', heightCm: 178, medications: ['statin'] });
    // The old row had a list of medications (the person's) but no conditions: conditions are added.
    expect(await pending(d)).toEqual(['birthDate=1972-06-12', 'heightCm=172.9', 'medications=antihypertensive', 'sex=female']);
    expect((await getProfile(d))?.conditions).toEqual(['hypertension', 'prediabetes']);
    await undoImport(d, r.importId);
    const p = await getProfile(d);
    expect(p).toMatchObject({ sex: 'male', birthDate: '1972-06-15', heightCm: 178, medications: ['statin'], pendingConflicts: [] });
    expect(p?.conditions).toBeUndefined();
  });

  it('a large (staged) import follows the same rules', async () => {
    const d = db();
    await saveProfileForm(d, { sex: 'male' }, ['sex']);
    const r = await importFile(d, FEMALE_1972, { spillAt: 50 });
    expect((await getProfile(d))?.sex).toBe('male');
    expect(r.profile?.find((o) => o.field === 'sex')?.status).toBe('pending');
    await undoImport(d, r.importId);
    expect(await pending(d)).toEqual([]);
  });

  it("a patient's shared profile (review workspace) lands whole, answers included", async () => {
    const d = db();
    const profile = { sex: 'female' as const, smoking: 'ex', conditions: ['pcos'], answers: { physicallyActive: true, townsend: 1.5 } };
    await commitImport(d, {
      fileName: 'Shared by Ann',
      format: 'doppel-share',
      bytes: 1,
      sources: [],
      batches: [],
      rejected: [],
      ignored: {},
      profile,
    });
    expect(await getProfile(d)).toMatchObject(profile);
  });

  it('saveProfile (the demo person, scripts) stores values as the person’s', async () => {
    const d = db();
    await saveProfile(d, { sex: 'female', medications: ['statin'] });
    await saveProfile(d, { medications: ['metformin'], answers: { physicallyActive: true } });
    const p = await getProfile(d);
    expect(p).toMatchObject({ sex: 'female', medications: ['statin', 'metformin'], answers: { physicallyActive: true } });
    expect(p?.provenance?.sex?.by).toBe('person');
  });
});
