/**
 * Profile fields and values in the person's words and units: for conflicts with a record, for the
 * import result, for where a value came from.
 */
import type { Settings } from '../../data/settings.ts';
import { display, formatDay } from '../format.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { ANSWERS, CONDITIONS, ETHNICITIES, FAMILY, MEDICATIONS, SMOKING } from './fields.ts';

type Units = Pick<Settings, 'glucoseUnit' | 'weightUnit' | 'hba1cUnit'>;

const LABELS: Record<string, MessageKey> = {
  birthDate: 'profile.birthDate',
  sex: 'profile.sex',
  heightCm: 'profile.field.heightCm',
  ethnicity: 'profile.ethnicity',
  smoking: 'profile.smoking',
  familyHistoryDiabetes: 'profile.family',
  conditions: 'profile.conditions',
  medications: 'profile.medications',
};
const CHOICES: Record<string, [string, MessageKey][]> = {
  ethnicity: ETHNICITIES,
  smoking: SMOKING,
  familyHistoryDiabetes: FAMILY,
  conditions: CONDITIONS,
  medications: MEDICATIONS,
};

/** The name of a field (`sex`, `answers.physicallyActive`, `medications`). */
export function fieldLabel(field: string): string {
  if (field.startsWith('answers.')) {
    const q = ANSWERS.find(([k]) => k === field.slice(8));
    return q ? t(q[1]) : field.slice(8);
  }
  return LABELS[field] ? t(LABELS[field]) : field;
}

/** A value of a field (for a list, one item) as the person reads it, in their units. */
export function valueText(field: string, value: string | number | boolean, units: Units): string {
  if (typeof value === 'boolean') return t(value ? 'profile.answer.yes' : 'profile.answer.no');
  if (field === 'sex') return t(value === 'female' ? 'profile.sex.female' : 'profile.sex.male');
  if (field === 'birthDate' && typeof value === 'string') return formatDay(value);
  if (field === 'heightCm' && typeof value === 'number') {
    const d = display('height', value, units);
    return `${d.text} ${d.unit}`.trim();
  }
  const choice = CHOICES[field]?.find(([v]) => v === value);
  if (choice) return t(choice[1]);
  return typeof value === 'number' ? new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(value) : value;
}

/** Two calendar days as one range in the person's locale ("3–9 Jun 2021"). */
export function dayRange(from: string, to: string): string {
  const f = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  const [a, b] = [Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`)];
  return from === to ? f.format(a) : f.formatRange(a, b);
}

/** How long ago, in whole days, months or years ("4 years ago"). */
export function agoText(days: number): string {
  const r = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  if (days < 60) return r.format(-days, 'day');
  if (days < 730) return r.format(-Math.round(days / 30.44), 'month');
  return r.format(-Math.round(days / 365.25), 'year');
}
