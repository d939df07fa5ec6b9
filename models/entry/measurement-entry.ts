/**
 * A measurement the person enters by hand (issue 18 §1): what each kind of entry asks for, in the
 * person's own units, and the check that turns typed values into samples in canonical units. The
 * conversion factors are models/units.ts `toCanonical` (the ones every importer uses) and the
 * plausibility ranges are models/plausibility.ts (the ones every import is held to): an entry is
 * refused exactly where an import of the same value would be.
 */
import type { MetricId } from '../metrics.ts';
import { implausible, PLAUSIBLE } from '../plausibility.ts';
import { FLAG_FASTING } from '../samples.ts';
import { fromCanonical, toCanonical, typedFeetInches } from '../units.ts';
import { DAY_MS } from '../util/time.ts';

export const ENTRY_KINDS = ['weight', 'waist', 'bloodPressure', 'hba1c', 'glucose', 'ogtt2h', 'cholesterol', 'kidney', 'height'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const FIELD_METRIC = {
  weight: 'body_weight',
  waist: 'waist_circumference',
  systolic: 'systolic_bp',
  diastolic: 'diastolic_bp',
  hba1c: 'hba1c',
  glucose: 'blood_glucose',
  ogtt2h: 'ogtt_2h_glucose',
  totalCholesterol: 'total_cholesterol',
  hdl: 'hdl_cholesterol',
  ldl: 'ldl_cholesterol',
  triglycerides: 'triglycerides',
  creatinine: 'creatinine',
  egfr: 'egfr',
  height: 'height',
} as const satisfies Record<string, MetricId>;
export type FieldId = keyof typeof FIELD_METRIC;

/**
 * The fields of each kind, and how many of them must be given: blood pressure is one reading of
 * both values; a cholesterol panel or a kidney test may come with only some of its results.
 */
export const KIND_FIELDS: Record<EntryKind, { fields: readonly FieldId[]; all: boolean }> = {
  weight: { fields: ['weight'], all: true },
  waist: { fields: ['waist'], all: true },
  bloodPressure: { fields: ['systolic', 'diastolic'], all: true },
  hba1c: { fields: ['hba1c'], all: true },
  glucose: { fields: ['glucose'], all: true },
  ogtt2h: { fields: ['ogtt2h'], all: true },
  cholesterol: { fields: ['totalCholesterol', 'hdl', 'ldl', 'triglycerides'], all: false },
  kidney: { fields: ['creatinine', 'egfr'], all: false },
  height: { fields: ['height'], all: true },
};

/** The person's display units (the same choices as src/data/settings.ts; models cannot import it). */
export interface EntryUnits {
  glucoseUnit: 'mg/dL' | 'mmol/L';
  weightUnit: 'kg' | 'lb';
  hba1cUnit: '%' | 'mmol/mol';
  creatinineUnit: 'mg/dL' | 'µmol/L';
  /** Height and waist are entered in inches under feet and inches. */
  heightUnit: 'cm' | 'ft/in';
}

/** The unit a field is entered in under the person's settings (a unit `toCanonical` reads). */
export function fieldUnit(field: FieldId, u: EntryUnits): string {
  switch (field) {
    case 'weight':
      return u.weightUnit;
    case 'waist':
    case 'height':
      return u.heightUnit === 'ft/in' ? 'in' : 'cm';
    case 'systolic':
    case 'diastolic':
      return 'mmHg';
    case 'hba1c':
      return u.hba1cUnit;
    case 'creatinine':
      return u.creatinineUnit;
    case 'egfr':
      return 'mL/min/1.73m2';
    default:
      return u.glucoseUnit;
  }
}

/** What an entry holds once checked: the kind, when, and each given value in canonical units. */
export interface StoredEntry {
  kind: EntryKind;
  /** Epoch ms of the measurement, and the UTC offset (minutes east) of the device when it was entered. */
  atMs: number;
  offsetMin: number;
  /** Glucose only: taken fasting (stored as FLAG_FASTING on the sample). */
  fasting?: boolean;
  values: Partial<Record<FieldId, number>>;
}

/** One sample an entry becomes. */
export interface EntrySample {
  metric: MetricId;
  value: number;
  flags: number;
}

/**
 * Why a field cannot be stored: empty where it must be given, not a number, below or above what a
 * living person measures (the import ranges), a diastolic not below its systolic; for the time, not
 * a date, before 1900 or in the future; `noValue` (on the first field): a panel with no result.
 */
export type EntryErrorCode =
  'missing' | 'notNumber' | 'notFeetInches' | 'tooLow' | 'tooHigh' | 'notBelowSystolic' | 'badDate' | 'tooEarly' | 'future' | 'noValue';

export interface EntryError {
  code: EntryErrorCode;
  /** For tooLow and tooHigh: the plausible range in the field's unit. */
  min?: number;
  max?: number;
}

export type EntryCheck =
  { ok: true; entry: StoredEntry; samples: EntrySample[] } | { ok: false; errors: Partial<Record<FieldId | 'when', EntryError>> };

export interface EntryDraft {
  kind: EntryKind;
  /** What the person typed, field by field (a decimal comma is read as a point). */
  values: Partial<Record<FieldId, string>>;
  /** A height typed as feet and inches (the ft/in setting); it stands for `values.height`. */
  heightFeetInches?: { feet: string; inches: string };
  atMs: number;
  offsetMin: number;
  fasting?: boolean;
}

/** A typed number: "82.5", "82,5", " 7 ". Undefined when empty; NaN when not a number. */
export function parseTyped(text: string | undefined): number | undefined {
  const s = (text ?? '').trim();
  if (s === '') return undefined;
  const norm = s.includes('.') ? s.replace(/,/g, '') : s.replace(',', '.');
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(norm) ? Number(norm) : Number.NaN;
}

const EARLIEST_MS = Date.UTC(1900, 0, 1);

/**
 * Checks a draft against the import rules and converts it: every field's error, or the entry and its
 * samples. `nowMs` is the clock of the check (a time more than a day ahead is refused, as on import).
 */
export function checkEntry(d: EntryDraft, units: EntryUnits, nowMs: number): EntryCheck {
  const errors: Partial<Record<FieldId | 'when', EntryError>> = {};
  if (!Number.isFinite(d.atMs)) errors.when = { code: 'badDate' };
  else if (d.atMs < EARLIEST_MS) errors.when = { code: 'tooEarly' };
  else if (d.atMs > nowMs + DAY_MS) errors.when = { code: 'future' };
  const { fields, all } = KIND_FIELDS[d.kind];
  const values: Partial<Record<FieldId, number>> = {};
  for (const f of fields) {
    const ftIn = f === 'height' && units.heightUnit === 'ft/in' ? d.heightFeetInches : undefined;
    const typed = ftIn ? typedFeetInches(ftIn.feet, ftIn.inches) : parseTyped(d.values[f]);
    if (typed === undefined) {
      if (all) errors[f] = { code: 'missing' };
      continue;
    }
    if (Number.isNaN(typed)) {
      errors[f] = { code: ftIn ? 'notFeetInches' : 'notNumber' };
      continue;
    }
    const metric = FIELD_METRIC[f];
    const unit = fieldUnit(f, units);
    const c = toCanonical(metric, typed, unit);
    if (!c.ok) {
      errors[f] = { code: 'notNumber' };
      continue;
    }
    // The import rule itself (at a valid time, so that only the value is judged here).
    const at = errors.when ? nowMs : d.atMs;
    if (implausible(metric, at, at, c.value, nowMs)) {
      const [lo, hi] = PLAUSIBLE[metric];
      const range = rangeIn(metric, unit, lo, hi);
      errors[f] = { code: c.value < lo ? 'tooLow' : 'tooHigh', ...range };
      continue;
    }
    values[f] = c.value;
  }
  if (values.systolic !== undefined && values.diastolic !== undefined && values.diastolic >= values.systolic)
    errors.diastolic = { code: 'notBelowSystolic' };
  if (!all && Object.keys(values).length === 0 && !fields.some((f) => errors[f])) errors[fields[0]!] = { code: 'noValue' };
  if (Object.keys(errors).length) return { ok: false, errors };
  const fasting = d.kind === 'glucose' && d.fasting === true;
  const entry: StoredEntry = { kind: d.kind, atMs: d.atMs, offsetMin: d.offsetMin, values, ...(fasting ? { fasting } : {}) };
  return { ok: true, entry, samples: entrySamples(entry) };
}

/** The samples of a checked entry: one per given value (blood pressure: two of one reading). */
export function entrySamples(e: StoredEntry): EntrySample[] {
  return (Object.entries(e.values) as [FieldId, number][]).map(([f, value]) => ({
    metric: FIELD_METRIC[f],
    value,
    flags: f === 'glucose' && e.fasting ? FLAG_FASTING : 0,
  }));
}

/** The plausible range of a metric in the field's unit, rounded outward to what a person reads. */
function rangeIn(metric: MetricId, unit: string, lo: number, hi: number): { min: number; max: number } {
  const a = fromCanonical(metric, lo, unit),
    b = fromCanonical(metric, hi, unit);
  const digits = Math.abs(b) < 30 ? 10 : 1;
  return { min: Math.max(0, Math.ceil(Math.min(a, b) * digits) / digits), max: Math.floor(Math.max(a, b) * digits) / digits };
}
