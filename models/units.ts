/**
 * Unit conversion to each metric's canonical unit (docs/metrics.md). Factors:
 * glucose mmol/L × 18.016 mg/dL (docs/metrics.md; molar mass of glucose 180.16 g/mol);
 * cholesterol mmol/L × 38.67; triglycerides mmol/L × 88.57; creatinine µmol/L ÷ 88.42;
 * HbA1c IFCC mmol/mol → NGSP % = 0.0915 × mmol/mol + 2.15 (the NGSP/IFCC master equation);
 * lb = 0.45359237 kg, st = 14 lb, in = 2.54 cm, ft = 30.48 cm (exact international definitions);
 * kJ ÷ 4.184 = kcal (thermochemical calorie).
 */
import type { MetricId } from './metrics.ts';

export type ConversionResult = { ok: true; value: number } | { ok: false; reason: string };

/** Normalizes how exports spell units: UCUM brackets, Apple's `mmol<180.15...>/L`, case, spaces. */
export function normalizeUnit(unit: string): string {
  return unit
    .trim()
    .replace(/mmol<[\d.]+>\/L/i, 'mmol/L')
    .replace(/\[lb_av\]/g, 'lb')
    .replace(/\[in_i\]/g, 'in')
    .replace(/\[ft_i\]/g, 'ft')
    .replace(/\[stone_av\]/g, 'st')
    .replace(/mm\[Hg\]/g, 'mmHg')
    .replace(/\s+/g, '')
    .replace(/µ|μ/g, 'u')
    .toLowerCase();
}

/** A linear conversion to the canonical unit: canonical = value × scale + offset. */
type Linear = readonly [scale: number, offset?: number];
const ID: Linear = [1];

/** mg/dL of glucose per mmol/L (molar mass 180.16 g/mol). */
export const GLUCOSE_MG_DL_PER_MMOL_L = 18.016;
const GLUCOSE: Record<string, Linear> = { 'mg/dl': ID, 'mmol/l': [GLUCOSE_MG_DL_PER_MMOL_L] };
const CHOL: Record<string, Linear> = { 'mg/dl': ID, 'mmol/l': [38.67] };
const LB = 0.45359237;
const BEATS: Record<string, Linear> = { '/min': ID, 'count/min': ID, bpm: ID, '{beats}/min': ID, 'beats/min': ID };
const ENERGY: Record<string, Linear> = { kcal: ID, cal: ID, kj: [1 / 4.184] };
const MINUTES: Record<string, Linear> = { min: ID, s: [1 / 60], h: [60] };
export const UNITS: Readonly<Record<MetricId, Readonly<Record<string, Linear>>>> = {
  body_weight: { kg: ID, g: [1 / 1000], lb: [LB], lbs: [LB], st: [14 * LB] },
  height: { cm: ID, m: [100], mm: [1 / 10], in: [2.54], ft: [30.48] },
  bmi: { 'kg/m2': ID, 'kg/m^2': ID, count: ID, '': ID, '{ratio}': ID },
  waist_circumference: { cm: ID, m: [100], mm: [1 / 10], in: [2.54] },
  body_fat_percentage: { '%': ID },
  blood_glucose: GLUCOSE,
  cgm_glucose: GLUCOSE,
  hba1c: { '%': ID, 'mmol/mol': [0.0915, 2.15] },
  systolic_bp: { mmhg: ID },
  diastolic_bp: { mmhg: ID },
  heart_rate: BEATS,
  resting_heart_rate: BEATS,
  hrv_sdnn: { ms: ID, s: [1000] },
  steps: { count: ID, '{steps}': ID, steps: ID, '': ID, '/d': ID, '{steps}/d': ID },
  active_energy: ENERGY,
  dietary_energy: ENERGY,
  exercise_minutes: MINUTES,
  sleep: MINUTES,
  total_cholesterol: CHOL,
  hdl_cholesterol: CHOL,
  ldl_cholesterol: CHOL,
  triglycerides: { 'mg/dl': ID, 'mmol/l': [88.57] },
  creatinine: { 'mg/dl': ID, 'umol/l': [1 / 88.42] },
  egfr: { 'ml/min/{1.73_m2}': ID, 'ml/min/1.73m2': ID, 'ml/min': ID },
  ogtt_2h_glucose: GLUCOSE,
  hrv_rmssd: { ms: ID, s: [1000] },
  spo2: { '%': ID },
  respiratory_rate: { '/min': ID, 'count/min': ID, 'breaths/min': ID, '{breaths}/min': ID, '{breath}/min': ID },
};

/**
 * The value in the metric's canonical unit. `fractionPercent` marks Apple Health's body-fat
 * percentage and oxygen saturation, which it writes as fractions (0.253, 0.97 with unit "%").
 */
export function toCanonical(metric: MetricId, value: number, unit: string, opts: { fractionPercent?: boolean } = {}): ConversionResult {
  if (!Number.isFinite(value)) return { ok: false, reason: `${metric} value is not a finite number` };
  const u = normalizeUnit(unit);
  const f = UNITS[metric][u];
  if (!f) return { ok: false, reason: `${metric}: unit "${unit}" is not supported` };
  let v = value * f[0] + (f[1] ?? 0);
  if ((metric === 'body_fat_percentage' || metric === 'spo2') && opts.fractionPercent && v <= 1) v *= 100;
  return { ok: true, value: v };
}

/** A canonical value in another unit the metric accepts (for display); the inverse of toCanonical. */
export function fromCanonical(metric: MetricId, canonical: number, unit: string): number {
  const f = UNITS[metric][normalizeUnit(unit)];
  if (!f) throw new RangeError(`${metric}: unit "${unit}" is not supported`);
  return (canonical - (f[1] ?? 0)) / f[0];
}

/** Centimetres per inch (exact, international inch of 1959). */
export const CM_PER_INCH = 2.54;

/** A length given in feet and inches, in cm (exact: no rounding, so nothing drifts on the way back). */
/**
 * Feet and inches as a person types them, in inches: whole feet, inches from 0 to under 12 (a decimal
 * comma read as a point); an empty part is 0 where the other is given. Undefined when both are empty,
 * NaN when not a height in feet and inches.
 */
export function typedFeetInches(feet: string, inches: string): number | undefined {
  const f = feet.trim(),
    i = inches.trim();
  if (f === '' && i === '') return undefined;
  const num = (s: string): number => (s === '' ? 0 : /^\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : Number.NaN);
  const ft = num(f),
    inch = num(i);
  if (!Number.isInteger(ft) || !(inch >= 0 && inch < 12)) return Number.NaN;
  return ft * 12 + inch;
}

export function cmFromFeetInches(feet: number, inches: number): number {
  return (feet * 12 + inches) * CM_PER_INCH;
}

/**
 * A length in cm as whole feet and inches rounded to `inchDigits` decimals. The total is rounded
 * first, so 5 ft 11.96 in reads 6 ft 0 in, never 5 ft 12 in.
 */
export function feetInches(cm: number, inchDigits = 1): { feet: number; inches: number } {
  const k = 10 ** inchDigits;
  const total = Math.round((cm / CM_PER_INCH) * k) / k;
  const feet = Math.floor(total / 12);
  return { feet, inches: Math.round((total - feet * 12) * k) / k };
}
