import type { MetricId } from '../../models/metrics.ts';
import type { Settings } from '../data/settings.ts';
import { fromCanonical } from '../../models/units.ts';

const nf = (digits: number): Intl.NumberFormat =>
  new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A stored (canonical) value in the user's display unit. Storage never changes. */
export function display(metric: MetricId, value: number, s: Pick<Settings, 'glucoseUnit' | 'weightUnit' | 'hba1cUnit'>): { text: string; unit: string } {
  const show = (unit: string, digits: number, label = unit): { text: string; unit: string } =>
    ({ text: nf(digits).format(fromCanonical(metric, value, unit)), unit: label });
  switch (metric) {
    case 'body_weight':
      return s.weightUnit === 'lb' ? show('lb', 1) : show('kg', 1);
    case 'blood_glucose':
    case 'cgm_glucose':
    case 'total_cholesterol':
    case 'hdl_cholesterol':
    case 'ldl_cholesterol':
    case 'triglycerides':
      return s.glucoseUnit === 'mmol/L' ? show('mmol/L', 1) : show('mg/dL', 0);
    case 'hba1c':
      return s.hba1cUnit === 'mmol/mol' ? show('mmol/mol', 0) : show('%', 1);
    case 'systolic_bp':
    case 'diastolic_bp':
      return show('mmHg', 0);
    case 'resting_heart_rate':
    case 'heart_rate':
      return show('/min', 0, 'bpm');
    default:
      return { text: nf(0).format(value), unit: '' };
  }
}

/**
 * A difference between two stored values in the display unit. Not `display(delta)`: a unit with an
 * offset (HbA1c mmol/mol = (% − 2.15) / 0.0915) converts differences without the offset.
 */
export function displayDelta(metric: MetricId, delta: number, s: Pick<Settings, 'glucoseUnit' | 'weightUnit' | 'hba1cUnit'>): { text: string; unit: string } {
  const zero = display(metric, 0, s);
  const { unit } = zero;
  const scaled = fromCanonical(metric, delta, unit === 'bpm' ? '/min' : unit) - fromCanonical(metric, 0, unit === 'bpm' ? '/min' : unit);
  const digits = (zero.text.split(/[.,]/)[1] ?? '').length;
  return { text: nf(digits).format(scaled), unit };
}

export function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(ms);
}

/** A calendar day (YYYY-MM-DD) as the user's locale writes it, in no time zone (no day shift). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: i ? 1 : 0 }).format(n)} ${units[i]}`;
}

export function ageOn(birthDate: string, atMs: number): number {
  const b = new Date(`${birthDate}T00:00:00Z`);
  const a = new Date(atMs);
  let age = a.getUTCFullYear() - b.getUTCFullYear();
  if (a.getUTCMonth() < b.getUTCMonth() || (a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() < b.getUTCDate())) age--;
  return age;
}
