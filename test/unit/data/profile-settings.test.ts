import { describe, expect, it } from 'vitest';
import { getProfile, saveProfile, validateProfile, type ProfilePatch } from '../../../src/data/profile.ts';
import { DEFAULT_SETTINGS, getAllSettings, getSetting, setSetting } from '../../../src/data/settings.ts';
import { addSnapshot, latestSnapshot, saveScenario } from '../../../src/data/twin.ts';
import { DataError } from '../../../src/data/errors.ts';
import { useFreshDbs } from './helpers.ts';

const db = useFreshDbs();

describe('profile', () => {
  it('merges patches and keeps earlier fields', async () => {
    const d = db();
    await saveProfile(d, { birthDate: '1971-02-03', sex: 'male' });
    await saveProfile(d, { heightCm: 180 });
    expect(await getProfile(d)).toMatchObject({ id: 'self', birthDate: '1971-02-03', sex: 'male', heightCm: 180 });
  });

  const bad: [string, ProfilePatch, string][] = [
    ['non-date', { birthDate: '03/02/1971' }, 'profile.birthDate: "03/02/1971" is not a YYYY-MM-DD date'],
    ['impossible date', { birthDate: '1971-02-30' }, 'profile.birthDate: "1971-02-30" is not a calendar date'],
    ['future birth', { birthDate: '2999-01-01' }, 'profile.birthDate: is in the future'],
    ['before 1900', { birthDate: '1850-01-01' }, 'profile.birthDate: is before 1900'],
    ['sex', { sex: 'x' as never }, 'profile.sex: must be "female" or "male", not "x"'],
    ['height', { heightCm: 1800 }, 'profile.heightCm: 1800 is outside 40-272 cm'],
    ['height NaN', { heightCm: Number.NaN }, 'profile.heightCm: NaN is outside 40-272 cm'],
    ['ethnicity', { ethnicity: '<b>x</b>' }, 'profile.ethnicity: unknown value "<b>x</b>"'],
    ['smoking', { smoking: 'sometimes' }, 'profile.smoking: unknown value "sometimes"'],
  ];
  it.each(bad)('rejects a bad %s with a message naming the field, and stores nothing', async (_, patch, message) => {
    const d = db();
    await saveProfile(d, { sex: 'female' });
    await expect(saveProfile(d, patch)).rejects.toThrow(new DataError('INVALID_PROFILE', message));
    expect(await getProfile(d)).toMatchObject({ sex: 'female' });
    expect(() => validateProfile(patch)).toThrow(message);
  });
});

describe('settings', () => {
  it('returns defaults until set', async () => {
    const d = db();
    expect(await getAllSettings(d)).toEqual(DEFAULT_SETTINGS);
    await setSetting(d, 'glucoseUnit', 'mmol/L');
    expect(await getSetting(d, 'glucoseUnit')).toBe('mmol/L');
    expect(await getAllSettings(d)).toEqual({ ...DEFAULT_SETTINGS, glucoseUnit: 'mmol/L' });
  });
});

describe('twin snapshots and scenarios', () => {
  it('returns the newest snapshot', async () => {
    const d = db();
    await addSnapshot(d, { createdAt: 1, engine: 'e', watermark: { importId: 1, lastSampleMs: 1 }, state: { a: 1 } });
    await addSnapshot(d, { createdAt: 2, engine: 'e', watermark: { importId: 2, lastSampleMs: 2 }, state: { a: 2 } });
    expect((await latestSnapshot(d))?.state).toEqual({ a: 2 });
  });

  it('saves, renames and validates scenarios', async () => {
    const d = db();
    const id = await saveScenario(d, ' Lose 5 kg ', { weightChangeKg: -5 });
    expect(await d.scenarios.get(id)).toMatchObject({ name: 'Lose 5 kg', scenario: { weightChangeKg: -5 } });
    await saveScenario(d, 'Lose 5 kg by summer', { weightChangeKg: -5 }, id);
    expect(await d.scenarios.count()).toBe(1);
    await expect(saveScenario(d, '  ', {})).rejects.toThrow('A scenario needs a name');
    await expect(saveScenario(d, 'x'.repeat(81), {})).rejects.toThrow('Scenario name is 81 characters; at most 80');
  });
});

describe('the profile form', async () => {
  const { saveProfileForm } = await import('../../../src/data/profile.ts');
  it('replaces the fields it owns, so a person can remove what they or an export entered; other fields stay', async () => {
    const d = db();
    await saveProfile(d, { birthDate: '1971-02-03', sex: 'male', conditions: ['hypertension', 'prediabetes'], ethnicity: 'indian' });
    await d.profile.update('self', { answers: { townsend: 2 } });
    await saveProfileForm(d, { birthDate: '1971-02-04', sex: 'male', conditions: ['prediabetes'], answers: { physicallyActive: true } });
    const p = await getProfile(d);
    expect(p).toMatchObject({ birthDate: '1971-02-04', sex: 'male', conditions: ['prediabetes'], answers: { physicallyActive: true } });
    expect(p!.ethnicity).toBeUndefined();
    expect(p!.answers!.townsend).toBeUndefined();
  });

  it('stores nothing when a field is bad', async () => {
    const d = db();
    await saveProfile(d, { sex: 'female' });
    await expect(saveProfileForm(d, { sex: 'female', heightCm: 2000 })).rejects.toThrow('profile.heightCm: 2000 is outside 40-272 cm');
    expect(await getProfile(d)).toMatchObject({ sex: 'female' });
  });
});

describe('the profile form saves only what the person changed', async () => {
  const { saveProfileForm } = await import('../../../src/data/profile.ts');
  it('an import while the form was open keeps the fields the person left alone', async () => {
    const d = db();
    await saveProfile(d, { sex: 'female' });
    const formOpenedWith = { sex: 'female' as const };
    await saveProfile(d, { birthDate: '1960-05-05' }); // an import lands while the form is open
    await saveProfileForm(d, { ...formOpenedWith, heightCm: 170 }, ['heightCm']);
    expect(await getProfile(d)).toMatchObject({ sex: 'female', birthDate: '1960-05-05', heightCm: 170 });
    await saveProfileForm(d, { ...formOpenedWith, sex: undefined }, ['sex']);
    expect((await getProfile(d))!.sex).toBeUndefined();
  });
});
