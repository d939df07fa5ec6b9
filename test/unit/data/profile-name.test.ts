import { describe, expect, it } from 'vitest';
import { getProfile, saveProfileForm, validateProfile, NAME_MAX_CHARS } from '../../../src/data/profile.ts';
import { DataError } from '../../../src/data/errors.ts';
import { buildPayload } from '../../../src/share/payload.ts';
import { useFreshDbs } from './helpers.ts';

const db = useFreshDbs();

/** The person's name: an optional field of the one profile record, kept on this device. */
describe('the name in the profile', () => {
  it('is saved with the form, kept beside the other fields, and removed when cleared', async () => {
    const d = db();
    await saveProfileForm(d, { name: 'Sam Example', birthDate: '1972-06-12', sex: 'female' });
    expect(await getProfile(d)).toMatchObject({ name: 'Sam Example', birthDate: '1972-06-12', sex: 'female' });
    expect((await getProfile(d))!.provenance!.name).toMatchObject({ by: 'person' });
    // Another field saved alone leaves the name as it is.
    await saveProfileForm(d, { heightCm: 170 }, ['heightCm']);
    expect((await getProfile(d))!.name).toBe('Sam Example');
    await saveProfileForm(d, { birthDate: '1972-06-12', sex: 'female' }, ['name']);
    expect((await getProfile(d))!.name).toBeUndefined();
    expect((await getProfile(d))!.birthDate).toBe('1972-06-12');
  });

  it('refuses an empty or padded name, one too long and one with control characters', () => {
    const bad = (name: string): void => {
      expect(() => validateProfile({ name })).toThrow(DataError);
    };
    bad('');
    bad('   ');
    bad(' Sam');
    bad('x'.repeat(NAME_MAX_CHARS + 1));
    bad('Sam\nExample');
    expect(() => validateProfile({ name: 'Zoë O’Brien-Ngũgĩ' })).not.toThrow();
  });

  it('never leaves the device in a share', async () => {
    const d = db();
    await saveProfileForm(d, { name: 'Sam Example', birthDate: '1972-06-12' });
    const p = await buildPayload(d, { metrics: [], scenarioIds: [] }, 'Sam');
    expect(p.profile).toEqual({ birthDate: '1972-06-12' });
    expect(JSON.stringify(p)).not.toContain('Sam Example');
  });
});
