/**
 * "What data would sharpen your forecast": the measurements the twin lacks or holds only in old
 * form, most useful first. Each entry says what to add and why it narrows the forecast (texts in the
 * UI's message catalog, src/ui/i18n/en/twin.ts).
 */
import type { ProfileRow } from '../data/rows.ts';
import type { SnapshotState } from './snapshot.ts';
import { t } from '../ui/i18n/index.ts';

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
  if (
    missing.length &&
    !(missing.length === 1 && missing[0] === 'heightCm' && state.latest.body_weight && state.inputs.bmi !== undefined)
  ) {
    const names = missing.map((k) => t(`sharpen.profile.${k}`)).join(t('common.listSeparator'));
    out.push({ id: 'profile', what: t('sharpen.profile', { missing: names }), why: t('sharpen.profile.why') });
  }
  const w = state.latest.body_weight;
  if (!w || age(w.atMs) > 30)
    out.push({ id: 'weight', what: t(w ? 'sharpen.weight.stale' : 'sharpen.weight.missing'), why: t('sharpen.weight.why') });
  const a1c = state.latest.hba1c;
  if (!a1c || age(a1c.atMs) > 365)
    out.push({ id: 'hba1c', what: t(a1c ? 'sharpen.hba1c.stale' : 'sharpen.hba1c.missing'), why: t('sharpen.hba1c.why') });
  if (state.inputs.fastingGlucoseMgDl === undefined)
    out.push({ id: 'fasting_glucose', what: t('sharpen.fastingGlucose'), why: t('sharpen.fastingGlucose.why') });
  if (!state.latest.cgm_glucose) out.push({ id: 'cgm', what: t('sharpen.cgm'), why: t('sharpen.cgm.why') });
  if (state.inputs.exerciseMinPerWeek === undefined && state.inputs.stepsPerDay === undefined)
    out.push({ id: 'activity', what: t('sharpen.activity'), why: t('sharpen.activity.why') });
  if (!state.latest.systolic_bp || !state.latest.hdl_cholesterol)
    out.push({ id: 'lipids_bp', what: t('sharpen.lipidsBp'), why: t('sharpen.lipidsBp.why') });
  return out;
}
