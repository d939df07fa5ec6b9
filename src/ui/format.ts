import type { MetricId } from '../../models/metrics.ts';
import { DEFAULT_SETTINGS, type Settings } from '../data/settings.ts';
import { feetInches, fromCanonical } from '../../models/units.ts';
import { METRICS } from '../../models/metrics.ts';
import { t, tn } from './i18n/index.ts';

/** The unit settings; creatinine and height came later and default where a caller has none. */
export type UnitSettings = Pick<Settings, 'glucoseUnit' | 'weightUnit' | 'hba1cUnit'> &
  Partial<Pick<Settings, 'creatinineUnit' | 'heightUnit'>>;

const nf = (digits: number): Intl.NumberFormat =>
  new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The unit a metric is shown in under the user's settings, its digits, and its label. */
export function unitFor(metric: MetricId, s: UnitSettings): { unit: string; digits: number; label: string } {
  const imperialLength = (s.heightUnit ?? DEFAULT_SETTINGS.heightUnit) === 'ft/in';
  switch (metric) {
    case 'creatinine':
      // 1.61 mg/dL is not "2": two decimals in mg/dL, whole µmol/L (1 µmol/L ≈ 0.011 mg/dL).
      return (s.creatinineUnit ?? DEFAULT_SETTINGS.creatinineUnit) === 'µmol/L'
        ? { unit: 'µmol/L', digits: 0, label: 'µmol/L' }
        : { unit: 'mg/dL', digits: 2, label: 'mg/dL' };
    case 'height':
      // Feet and inches are written by display(); as one number (charts) the height is in inches.
      return imperialLength ? { unit: 'in', digits: 1, label: 'in' } : { unit: 'cm', digits: 0, label: 'cm' };
    case 'waist_circumference':
      return imperialLength ? { unit: 'in', digits: 1, label: 'in' } : { unit: 'cm', digits: 0, label: 'cm' };
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
export function toDisplay(metric: MetricId, value: number, s: UnitSettings): number {
  return fromCanonical(metric, value, unitFor(metric, s).unit);
}

/** A height in cm as feet and inches, e.g. "5 ft 10.5 in" (the unit is in the text). */
export function formatFeetInches(cm: number): string {
  const { feet, inches } = feetInches(cm);
  return t('units.feetInches', { feet, inches: new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(inches) });
}

/** A stored (canonical) value in the user's display unit. Storage never changes. */
export function display(metric: MetricId, value: number, s: UnitSettings): { text: string; unit: string } {
  const u = unitFor(metric, s);
  if (metric === 'height' && u.unit === 'in') return { text: formatFeetInches(value), unit: '' };
  return { text: nf(u.digits).format(fromCanonical(metric, value, u.unit)), unit: u.label };
}

/** A stored value with its unit, as one text ("6.3 mmol/L", "5 ft 10 in"). */
export function withUnit(metric: MetricId, value: number, s: UnitSettings): string {
  const d = display(metric, value, s);
  return d.unit ? t('units.value', { value: d.text, unit: d.unit }) : d.text;
}

/**
 * A value shown beside its category (e.g. BMI 29.96 "overweight"), so that the number agrees with
 * the category, which is decided on the unrounded value: the usual digits, or more where rounding
 * would carry the value across a boundary (29.96 reads 29.96, not 30.0). Beyond 3 more digits the
 * shown value is cut toward its category instead of rounded (29.99996 reads 29.9999).
 */
export function displayInCategory<C>(metric: MetricId, value: number, s: UnitSettings, category: (canonical: number) => C): string {
  const u = unitFor(metric, s);
  const shown = fromCanonical(metric, value, u.unit);
  const want = category(value);
  const back = (x: number): number => fromCanonical(metric, x, u.unit);
  // The canonical value of a displayed number: the inverse of fromCanonical (linear, so by two points).
  const canonicalOf = (x: number): number => value + (x - shown) / (back(value + 1) - back(value) || 1);
  for (let d = u.digits; d <= u.digits + 3; d++) {
    const k = 10 ** d;
    const rounded = Math.round(shown * k) / k;
    if (category(canonicalOf(rounded)) === want) return nf(d).format(rounded);
  }
  const d = u.digits + 3,
    k = 10 ** d;
  const up = category(canonicalOf(Math.ceil(shown * k) / k)) === want;
  return nf(d).format((up ? Math.ceil(shown * k) : Math.floor(shown * k)) / k);
}

/**
 * A weight the twin forecasts (a what-if band, a plan's 10-year range), in whole kg or lb: a forecast
 * years ahead has no decimals to give. The what-if sentences and the visit summary's plans both write
 * it with this, so the same band reads the same (not "55 kg–68 kg" there and "54.5–67.8 kg" here).
 */
export function forecastWeight(kg: number, s: UnitSettings): { text: string; unit: string } {
  const u = unitFor('body_weight', s);
  return { text: nf(0).format(fromCanonical('body_weight', kg, u.unit)), unit: u.label };
}

/**
 * A plan's weight change as the what-if's slider shows it: one decimal in kg (its step is 0.5 kg),
 * whole pounds in lb (its step there is 1 lb), with a true minus or a plus when `signed`. The slider,
 * the what-if sentence and the visit summary's plan settings all write it with this.
 */
export function weightChange(kg: number, s: UnitSettings, signed = true): { text: string; unit: string } {
  const u = unitFor('body_weight', s);
  const lb = u.unit === 'lb';
  // A change converts without an offset (weight has none, but the rule is displayDelta's).
  const v = fromCanonical('body_weight', kg, u.unit) - fromCanonical('body_weight', 0, u.unit);
  const shown = lb ? Math.round(v) : Math.round(v * 10) / 10;
  const sign = signed ? (shown > 0 ? '+' : shown < 0 ? '−' : '') : '';
  return {
    text: `${sign}${new Intl.NumberFormat(undefined, { maximumFractionDigits: lb ? 0 : 1 }).format(Math.abs(shown))}`,
    unit: u.label,
  };
}

/**
 * A difference between two stored values in the display unit. Not `display(delta)`: a unit with an
 * offset (HbA1c mmol/mol = (% − 2.15) / 0.0915) converts differences without the offset.
 */
export function displayDelta(metric: MetricId, delta: number, s: UnitSettings): { text: string; unit: string } {
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

/**
 * A published risk score's value given in percent (QDiabetes 39.4 → "39%", QDiabetes 5.46 → "5.5%",
 * PREVENT 7.46 → "7.5%"): one decimal below 10 %, none above, in the same percent style as
 * `formatProbability`. Every screen that shows a published score (the risk page, the headline's
 * "QDiabetes-2018 gives", the what-if notes, the visit summary) writes it with this, so it reads the same.
 */
export function formatPercent(percent: number): string {
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: percent < 10 ? 1 : 0 }).format(percent / 100);
}

/**
 * The twin's own probability (0–1) as a whole percent in the user's locale ("18%"): the headline, the
 * what-if, the plans. A probability that rounds to 0 % or 100 % reads "<1%" or ">99%": the twin's
 * simulations cannot tell a 10-year risk of 0.3 % from none, and "0%" would say it is none.
 */
export function formatProbability(fraction: number): string {
  const nf = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
  if (fraction < 0.005) return t('units.below', { value: nf.format(0.01) });
  if (fraction >= 0.995) return t('units.above', { value: nf.format(0.99) });
  return nf.format(fraction);
}

/** How old, in whole days (under two months), months (under two years) or years: "3 years old"; `ago`: "3 years ago". */
export function ageWords(days: number, words: 'old' | 'ago' = 'old'): string {
  const d = Math.max(0, Math.floor(days));
  const key = words === 'old' ? 'summary.age' : 'summary.ago';
  if (d < 61) return tn(`${key}.days`, d);
  const months = Math.floor(d / 30.4375);
  if (months < 24) return tn(`${key}.months`, months);
  return tn(`${key}.years`, Math.floor(d / 365.25));
}
