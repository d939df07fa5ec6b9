/**
 * "What data would sharpen your forecast": the measurements the twin lacks or holds only in old
 * form, most useful first. Each entry says what to add and why it narrows the forecast.
 */
import type { ProfileRow } from '../data/rows.ts';
import type { SnapshotState } from './snapshot.ts';

export interface Sharpener {
  id: 'profile' | 'weight' | 'hba1c' | 'fasting_glucose' | 'cgm' | 'activity' | 'lipids_bp';
  what: string;
  why: string;
}

const DAY_MS = 86_400_000;

export function sharpeners(state: SnapshotState, profile: ProfileRow | null | undefined, nowMs: number): Sharpener[] {
  const out: Sharpener[] = [];
  const age = (atMs: number | undefined): number => (atMs === undefined ? Infinity : (nowMs - atMs) / DAY_MS);
  const missing = (['birthDate', 'sex', 'heightCm'] as const).filter((k) => profile?.[k] === undefined);
  if (missing.length && !(missing.length === 1 && missing[0] === 'heightCm' && state.latest.body_weight && state.inputs.bmi !== undefined)) {
    out.push({ id: 'profile', what: `Add your ${missing.map((k) => ({ birthDate: 'birth date', sex: 'sex', heightCm: 'height' })[k]).join(', ')} to your profile`, why: 'the twin cannot simulate you without them' });
  }
  const w = state.latest.body_weight;
  if (!w || age(w.atMs) > 30) out.push({ id: 'weight', what: w ? 'Weigh yourself again (the last weight is over a month old)' : 'Add your weight, ideally once a week', why: 'weights over time show your energy balance, which drives every weight and glucose forecast' });
  const a1c = state.latest.hba1c;
  if (!a1c || age(a1c.atMs) > 365) out.push({ id: 'hba1c', what: a1c ? 'A new HbA1c test (the last is over a year old)' : 'An HbA1c test result', why: 'HbA1c pins down your average glucose, the twin\'s main glucose anchor' });
  if (state.inputs.fastingGlucoseMgDl === undefined) out.push({ id: 'fasting_glucose', what: 'A fasting glucose result', why: 'fasting glucose separates insulin resistance from β-cell decline, which set how fast glucose rises' });
  if (!state.latest.cgm_glucose) out.push({ id: 'cgm', what: 'Two weeks of continuous glucose monitoring (CGM)', why: 'thousands of readings give the mean glucose far more precisely than one lab test' });
  if (state.inputs.exerciseMinPerWeek === undefined && state.inputs.stepsPerDay === undefined) out.push({ id: 'activity', what: 'Activity from a phone or watch (steps or exercise minutes)', why: 'your activity level sets your energy expenditure' });
  if (!state.latest.systolic_bp || !state.latest.hdl_cholesterol) out.push({ id: 'lipids_bp', what: 'Blood pressure and cholesterol results', why: 'they add the heart and vessel risk scores' });
  return out;
}
