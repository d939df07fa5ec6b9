import type { DoppelDb } from './db.ts';
import { DataError } from './errors.ts';
import {
  applyImport,
  changedFields,
  choose,
  heldBy,
  importedFacts,
  isListField,
  LIST_FIELDS,
  redoImport,
  saveForm,
  undoImport,
  type ProfileChoice,
  type ProfileMeta,
} from './profile-merge.ts';
import type { ImportedProfileValue, ProfileFieldOutcome, ProfileRow } from './rows.ts';
import { writeTx } from './tx.ts';

/** Profile values (what a form saves or an import says), without the row's bookkeeping. */
export type ProfilePatch = Partial<Omit<ProfileRow, 'id' | 'updatedAt' | 'provenance' | 'fromImports' | 'pendingConflicts'>>;

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
/** The longest name kept (a name, not a document). */
export const NAME_MAX_CHARS = 100;

/** Checks a profile patch; throws DataError naming the first bad field. */
export function validateProfile(p: ProfilePatch, now = Date.now()): void {
  const bad = (field: string, why: string): never => {
    throw new DataError('INVALID_PROFILE', `profile.${field}: ${why}`);
  };
  if (p.name !== undefined) {
    if (typeof p.name !== 'string' || p.name.trim() === '') bad('name', 'must be a non-empty text');
    else if (p.name !== p.name.trim()) bad('name', 'has spaces around it');
    else if (p.name.length > NAME_MAX_CHARS) bad('name', `is longer than ${NAME_MAX_CHARS} characters`);
    // eslint-disable-next-line no-control-regex
    else if (/[\u0000-\u001f\u007f]/.test(p.name)) bad('name', 'holds control characters');
  }
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

/**
 * Saves values as the person's own (the demo person's profile, scripts): fields in the patch are
 * set, list items and answers are added to those already there.
 */
export async function saveProfile(db: DoppelDb, patch: ProfilePatch): Promise<ProfileRow> {
  validateProfile(patch);
  return writeTx(db, [db.profile], async () => {
    const prev = await db.profile.get('self');
    const form: ProfilePatch = { ...patch };
    for (const k of LIST_FIELDS) if (patch[k]) form[k] = [...new Set([...(prev?.[k] ?? []), ...patch[k]!])];
    if (patch.answers) form.answers = { ...prev?.answers, ...patch.answers };
    const fields = FORM_FIELDS.filter((k) => patch[k] !== undefined);
    const next = saveForm(prev, form, fields, Date.now());
    await db.profile.put(next);
    return next;
  });
}

/**
 * Adds what an import says about the person, inside the caller's read-write transaction over
 * `profile` (the import's own transaction). Nothing the person entered is replaced: see
 * profile-merge.ts. Returns what became of each value.
 */
export async function mergeImportedProfile(
  db: DoppelDb,
  importId: number,
  source: string,
  patch: ProfilePatch,
  meta: ProfileMeta = {},
): Promise<ProfileFieldOutcome[]> {
  const facts = importedFacts(patch, meta);
  if (!facts.length) return [];
  const { row, outcome } = applyImport(await db.profile.get('self'), importId, source, facts, Date.now());
  await db.profile.put(row);
  return outcome;
}

/**
 * Takes back what one import set in the profile, inside the caller's transaction (undo). Returns the
 * values it held (for redo) and what changed in the profile.
 */
export async function undoImportedProfile(db: DoppelDb, importId: number): Promise<{ held: ImportedProfileValue[]; changed: string[] }> {
  const prev = await db.profile.get('self');
  const held = heldBy(prev, importId);
  const row = undoImport(prev, importId, Date.now());
  if (row) await db.profile.put(row);
  return { held, changed: row ? changedFields(prev, row) : [] };
}

/** Redo: gives an undone import back the profile values it held, inside the caller's transaction. */
export async function redoImportedProfile(db: DoppelDb, importId: number, held: readonly ImportedProfileValue[]): Promise<void> {
  const row = redoImport(await db.profile.get('self'), importId, held, Date.now());
  if (row) await db.profile.put(row);
}

/** The person's choice on a conflict between their profile and a record (keep mine / use the record's). */
export async function chooseProfileValue(db: DoppelDb, choice: ProfileChoice): Promise<ProfileRow> {
  if (choice.use === 'record' && !isListField(choice.field)) {
    const patch: Record<string, unknown> = {};
    if (choice.field.startsWith('answers.')) patch.answers = { [choice.field.slice(8)]: choice.value };
    else patch[choice.field] = choice.value;
    validateProfile(patch as ProfilePatch);
  }
  return writeTx(db, [db.profile], async () => {
    const prev = await db.profile.get('self');
    if (!prev?.pendingConflicts?.some((c) => c.field === choice.field && c.value === choice.value)) {
      throw new DataError('INVALID_PROFILE', `profile.${choice.field}: nothing to choose about "${String(choice.value)}"`);
    }
    const next = choose(prev, choice, Date.now());
    await db.profile.put(next);
    return next;
  });
}

export function getProfile(db: DoppelDb): Promise<ProfileRow | undefined> {
  return db.profile.get('self');
}

/** The fields the profile form owns: saving the form sets them exactly (a cleared field is removed). */
export const FORM_FIELDS = [
  'name',
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
 * Saves the person's own profile form: the fields the person changed (`fields`, default all the
 * form's) are set exactly and become the person's (a cleared field is removed), so that a person can
 * correct or remove what they entered or an export brought; a field they left alone keeps whatever
 * an import stored meanwhile. Imports never replace what is saved here (profile-merge.ts).
 */
export async function saveProfileForm(
  db: DoppelDb,
  form: ProfilePatch,
  fields: readonly (typeof FORM_FIELDS)[number][] = FORM_FIELDS,
): Promise<ProfileRow> {
  validateProfile(form);
  return writeTx(db, [db.profile], async () => {
    const next = saveForm(await db.profile.get('self'), form, fields, Date.now());
    await db.profile.put(next);
    return next;
  });
}
