/**
 * Unit conversion to each metric's canonical unit (contracts.md §1). Factors:
 * glucose mmol/L × 18.016 mg/dL (contracts; molar mass of glucose 180.16 g/mol);
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

type Converter = (v: number) => number;
const id: Converter = (v) => v;

const GLUCOSE: Record<string, Converter> = { 'mg/dl': id, 'mmol/l': (v) => v * 18.016 };
const CHOL: Record<string, Converter> = { 'mg/dl': id, 'mmol/l': (v) => v * 38.67 };
const BY_METRIC: Record<MetricId, Record<string, Converter>> = {
  body_weight: { kg: id, g: (v) => v / 1000, lb: (v) => v * 0.45359237, lbs: (v) => v * 0.45359237, st: (v) => v * 14 * 0.45359237 },
  height: { cm: id, m: (v) => v * 100, mm: (v) => v / 10, in: (v) => v * 2.54, ft: (v) => v * 30.48 },
  bmi: { 'kg/m2': id, 'kg/m^2': id, count: id, '': id, '{ratio}': id },
  waist_circumference: { cm: id, m: (v) => v * 100, mm: (v) => v / 10, in: (v) => v * 2.54 },
  body_fat_percentage: { '%': id },
  blood_glucose: GLUCOSE,
  cgm_glucose: GLUCOSE,
  hba1c: { '%': id, 'mmol/mol': (v) => 0.0915 * v + 2.15 },
  systolic_bp: { mmhg: id },
  diastolic_bp: { mmhg: id },
  heart_rate: { '/min': id, 'count/min': id, bpm: id, '{beats}/min': id, 'beats/min': id },
  resting_heart_rate: { '/min': id, 'count/min': id, bpm: id, '{beats}/min': id, 'beats/min': id },
  hrv_sdnn: { ms: id, s: (v) => v * 1000 },
  steps: { count: id, '{steps}': id, steps: id, '': id, '/d': id, '{steps}/d': id },
  active_energy: { kcal: id, cal: id, kj: (v) => v / 4.184 },
  dietary_energy: { kcal: id, cal: id, kj: (v) => v / 4.184 },
  exercise_minutes: { min: id, s: (v) => v / 60, h: (v) => v * 60 },
  sleep: { min: id, s: (v) => v / 60, h: (v) => v * 60 },
  total_cholesterol: CHOL,
  hdl_cholesterol: CHOL,
  ldl_cholesterol: CHOL,
  triglycerides: { 'mg/dl': id, 'mmol/l': (v) => v * 88.57 },
  creatinine: { 'mg/dl': id, 'umol/l': (v) => v / 88.42 },
  egfr: { 'ml/min/{1.73_m2}': id, 'ml/min/1.73m2': id, 'ml/min': id },
};

/**
 * The value in the metric's canonical unit. `fractionPercent` marks Apple Health's body-fat
 * percentage, which is written as a fraction (0.253 with unit "%").
 */
export function toCanonical(metric: MetricId, value: number, unit: string, opts: { fractionPercent?: boolean } = {}): ConversionResult {
  if (!Number.isFinite(value)) return { ok: false, reason: `${metric} value is not a finite number` };
  const u = normalizeUnit(unit);
  const f = BY_METRIC[metric][u];
  if (!f) return { ok: false, reason: `${metric}: unit "${unit}" is not supported` };
  let v = f(value);
  if (metric === 'body_fat_percentage' && opts.fractionPercent && v <= 1) v *= 100;
  return { ok: true, value: v };
}
