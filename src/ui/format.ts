import type { MetricId } from '../../models/metrics.ts';
import type { Settings } from '../data/settings.ts';
import { fromCanonical } from '../../models/units.ts';
import { METRICS } from '../../models/metrics.ts';

const nf = (digits: number): Intl.NumberFormat =>
  new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The unit a metric is shown in under the user's settings, its digits, and its label. */
export function unitFor(
  metric: MetricId,
  s: Pick<Settings, 'glucoseUnit' | 'weightUnit' | 'hba1cUnit'>,
): { unit: string; digits: number; label: string } {
  switch (metric) {
    case 'body_weight':
      return s.weightUnit === 'lb' ? { unit: 'lb', digits: 1, label: 'lb' } : { unit: 'kg', digits: 1, label: 'kg' };
    case 'blood_glucose':
    case 'cgm_glucose':
    case 'ogtt_2h_glucose':
    case 'total_cholesterol':
    case 'hdl_cholesterol':
    case 'ldl_cholesterol':
    case 'triglycerides':
      return s.glucoseUnit === 'mmol/L' ? { unit: 'mmol/L', digits: 1, label: 'mmol/L' } : { unit: 'mg/dL', digits: 0, label: 'mg/dL' };
    case 'hba1c':
      return s.hba1cUnit === 'mmol/mol' ? { unit: 'mmol/mol', digits: 0, label: 'mmol/mol' } : { unit: '%', digits: 1, label: '%' };
    case 'systolic_bp':
    case 'diastolic_bp':
      return { unit: 'mmHg', digits: 0, label: 'mmHg' };
    case 'resting_heart_rate':
    case 'heart_rate':
      return { unit: '/min', digits: 0, label: 'bpm' };
    case 'respiratory_rate':
      return { unit: '/min', digits: 0, label: '/min' };
    default: {
      const unit = METRICS[metric].unit;
      const label = unit === '{steps}' ? 'steps' : unit === 'kg/m2' ? 'kg/m²' : unit === 'mL/min/{1.73_m2}' ? 'mL/min/1.73 m²' : unit;
      return { unit, digits: metric === 'bmi' || metric === 'body_fat_percentage' ? 1 : 0, label };
    }
  }
}

/** A stored (canonical) value converted to the user's display unit (a number, for charts). */
export function toDisplay(metric: MetricId, value: number, s: Pick<Settings, 'glucoseUnit' | 'weightUnit' | 'hba1cUnit'>): number {
  return fromCanonical(metric, value, unitFor(metric, s).unit);
}

/** A stored (canonical) value in the user's display unit. Storage never changes. */
export function display(
  metric: MetricId,
  value: number,
  s: Pick<Settings, 'glucoseUnit' | 'weightUnit' | 'hba1cUnit'>,
): { text: string; unit: string } {
  const u = unitFor(metric, s);
  return { text: nf(u.digits).format(fromCanonical(metric, value, u.unit)), unit: u.label };
}

/**
 * A difference between two stored values in the display unit. Not `display(delta)`: a unit with an
 * offset (HbA1c mmol/mol = (% − 2.15) / 0.0915) converts differences without the offset.
 */
export function displayDelta(
  metric: MetricId,
  delta: number,
  s: Pick<Settings, 'glucoseUnit' | 'weightUnit' | 'hba1cUnit'>,
): { text: string; unit: string } {
  const u = unitFor(metric, s);
  const scaled = fromCanonical(metric, delta, u.unit) - fromCanonical(metric, 0, u.unit);
  return { text: nf(u.digits).format(scaled), unit: u.label };
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
