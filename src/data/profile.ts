import type { DoppelDb } from './db.ts';
import { DataError } from './errors.ts';
import type { ProfileRow } from './rows.ts';
import { writeTx } from './tx.ts';

export type ProfilePatch = Partial<Omit<ProfileRow, 'id' | 'updatedAt'>>;

const ETHNICITIES = new Set([
  'white',
  'indian',
  'pakistani',
  'bangladeshi',
  'other_asian',
  'black_caribbean',
  'black_african',
  'chinese',
  'african_american',
  'hispanic',
  'other',
  'not_stated',
]);
const SMOKING = new Set(['non', 'ex', 'light', 'moderate', 'heavy']);

/** Checks a profile patch; throws DataError naming the first bad field. */
export function validateProfile(p: ProfilePatch, now = Date.now()): void {
  const bad = (field: string, why: string): never => {
    throw new DataError('INVALID_PROFILE', `profile.${field}: ${why}`);
  };
  if (p.birthDate !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(p.birthDate)) bad('birthDate', `"${p.birthDate}" is not a YYYY-MM-DD date`);
    const t = Date.parse(`${p.birthDate}T00:00:00Z`);
    if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== p.birthDate)
      bad('birthDate', `"${p.birthDate}" is not a calendar date`);
    if (t > now) bad('birthDate', 'is in the future');
    if (t < Date.UTC(1900, 0, 1)) bad('birthDate', 'is before 1900');
  }
  if (p.sex !== undefined && p.sex !== 'female' && p.sex !== 'male') bad('sex', `must be "female" or "male", not "${String(p.sex)}"`);
  if (p.heightCm !== undefined && !(Number.isFinite(p.heightCm) && p.heightCm >= 40 && p.heightCm <= 272)) {
    bad('heightCm', `${p.heightCm} is outside 40-272 cm`);
  }
  if (p.ethnicity !== undefined && !ETHNICITIES.has(p.ethnicity)) bad('ethnicity', `unknown value "${p.ethnicity}"`);
  if (p.smoking !== undefined && !SMOKING.has(p.smoking)) bad('smoking', `unknown value "${p.smoking}"`);
  if (p.familyHistoryDiabetes !== undefined && !['none', 'second_degree', 'first_degree'].includes(p.familyHistoryDiabetes)) {
    bad('familyHistoryDiabetes', `unknown value "${p.familyHistoryDiabetes}"`);
  }
  for (const [k, v] of Object.entries(p.answers ?? {})) {
    if (k === 'townsend') {
      if (!(typeof v === 'number' && v >= -8 && v <= 14)) bad('answers.townsend', `${String(v)} is outside -8 to 14`);
    } else if (
      ![
        'dailyFruitVegetables',
        'physicallyActiveDaily',
        'physicallyActive',
        'highGlucoseHistory',
        'bpMedication',
        'hypertension',
        'gestationalDiabetes',
      ].includes(k)
    ) {
      bad(`answers.${k}`, 'is not a known question');
    } else if (typeof v !== 'boolean') bad(`answers.${k}`, 'must be true or false');
  }
}

/** Merges a validated patch into the profile. */
export async function saveProfile(db: DoppelDb, patch: ProfilePatch): Promise<ProfileRow> {
  validateProfile(patch);
  return writeTx(db, [db.profile], () => mergeProfile(db, patch));
}

/** Merges a patch into the profile inside the caller's read-write transaction over `profile`. */
export async function mergeProfile(db: DoppelDb, patch: ProfilePatch): Promise<ProfileRow> {
  const prev = await db.profile.get('self');
  const next: ProfileRow = { ...prev, ...patch, id: 'self', updatedAt: Date.now() };
  if (prev?.answers && patch.answers) next.answers = { ...prev.answers, ...patch.answers };
  // Lists from exports add to what is known; they never erase it.
  for (const k of ['conditions', 'medications'] as const) {
    if (prev?.[k] && patch[k]) next[k] = [...new Set([...prev[k]!, ...patch[k]!])];
  }
  await db.profile.put(next);
  return next;
}

export function getProfile(db: DoppelDb): Promise<ProfileRow | undefined> {
  return db.profile.get('self');
}

/** The fields the profile form owns: saving the form sets them exactly (a cleared field is removed). */
export const FORM_FIELDS = [
  'birthDate',
  'sex',
  'heightCm',
  'ethnicity',
  'smoking',
  'familyHistoryDiabetes',
  'conditions',
  'medications',
  'answers',
] as const;

/**
 * Saves the person's own profile form: unlike an import's patch, which only adds, the form replaces
 * the fields the person changed (`fields`, default all the form's), so that a person can correct or
 * remove what they entered (or an export brought), while a field they left alone keeps whatever an
 * import stored meanwhile.
 */
export async function saveProfileForm(
  db: DoppelDb,
  form: ProfilePatch,
  fields: readonly (typeof FORM_FIELDS)[number][] = FORM_FIELDS,
): Promise<ProfileRow> {
  validateProfile(form);
  return writeTx(db, [db.profile], async () => {
    const next: ProfileRow = { ...(await db.profile.get('self')), id: 'self', updatedAt: Date.now() };
    const target = next as unknown as Record<string, unknown>;
    for (const k of fields) {
      if (form[k] === undefined) delete target[k];
      else target[k] = form[k];
    }
    await db.profile.put(next);
    return next;
  });
}
