/**
 * "What data would sharpen your forecast": the measurements the twin lacks or holds only in old
 * form, most useful first. Each entry says what to add and why it narrows the forecast, as message
 * keys with parameters: the engine does not word anything, the UI translates them
 * (src/ui/twin/sharpen-text.ts; texts in src/ui/i18n/en/twin.ts).
 */
import type { ProfileRow } from '../data/rows.ts';
import type { SnapshotState } from './snapshot.ts';

/** The profile fields the twin cannot simulate without. */
export type ProfileField = 'birthDate' | 'sex' | 'heightCm';

/** Every key the engine uses; the UI's `t()` accepts only catalog keys, so a key missing there fails type-checking. */
export type SharpenKey =
  | 'sharpen.profile'
  | 'sharpen.profile.why'
  | 'sharpen.weight.stale'
  | 'sharpen.weight.missing'
  | 'sharpen.weight.why'
  | 'sharpen.hba1c.stale'
  | 'sharpen.hba1c.missing'
  | 'sharpen.hba1c.why'
  | 'sharpen.fastingGlucose'
  | 'sharpen.fastingGlucose.why'
  | 'sharpen.cgm'
  | 'sharpen.cgm.why'
  | 'sharpen.activity'
  | 'sharpen.activity.why'
  | 'sharpen.lipidsBp'
  | 'sharpen.lipidsBp.why';

/** A text for the UI to word: a message key and the values its placeholders take. */
export interface EngineMessage<K extends string = SharpenKey> {
  key: K;
  params?: Record<string, string | number>;
}

export interface Sharpener {
  id: 'profile' | 'weight' | 'hba1c' | 'fasting_glucose' | 'cgm' | 'activity' | 'lipids_bp';
  what: EngineMessage;
  why: EngineMessage;
  /** `profile` only: the fields to add (the UI names them in `what`'s `{missing}`). */
  missing?: ProfileField[];
}

const DAY_MS = 86_400_000;

const tip = (id: Sharpener['id'], what: SharpenKey, why: SharpenKey): Sharpener => ({ id, what: { key: what }, why: { key: why } });

export function sharpeners(state: SnapshotState, profile: ProfileRow | null | undefined, nowMs: number): Sharpener[] {
  const out: Sharpener[] = [];
  const age = (atMs: number | undefined): number => (atMs === undefined ? Infinity : (nowMs - atMs) / DAY_MS);
  const missing = (['birthDate', 'sex', 'heightCm'] as const).filter((k) => profile?.[k] === undefined);
  if (
    missing.length &&
    !(missing.length === 1 && missing[0] === 'heightCm' && state.latest.body_weight && state.inputs.bmi !== undefined)
  ) {
    out.push({ ...tip('profile', 'sharpen.profile', 'sharpen.profile.why'), missing });
  }
  const w = state.latest.body_weight;
  if (!w || age(w.atMs) > 30) out.push(tip('weight', w ? 'sharpen.weight.stale' : 'sharpen.weight.missing', 'sharpen.weight.why'));
  const a1c = state.latest.hba1c;
  if (!a1c || age(a1c.atMs) > 365) out.push(tip('hba1c', a1c ? 'sharpen.hba1c.stale' : 'sharpen.hba1c.missing', 'sharpen.hba1c.why'));
  if (state.inputs.fastingGlucoseMgDl === undefined)
    out.push(tip('fasting_glucose', 'sharpen.fastingGlucose', 'sharpen.fastingGlucose.why'));
  if (!state.latest.cgm_glucose) out.push(tip('cgm', 'sharpen.cgm', 'sharpen.cgm.why'));
  if (state.inputs.exerciseMinPerWeek === undefined && state.inputs.stepsPerDay === undefined)
    out.push(tip('activity', 'sharpen.activity', 'sharpen.activity.why'));
  if (!state.latest.systolic_bp || !state.latest.hdl_cholesterol) out.push(tip('lipids_bp', 'sharpen.lipidsBp', 'sharpen.lipidsBp.why'));
  return out;
}
