/** Shared shapes of the risk equations: typed results with reasons, and per-input contributions. */
import type { CoefficientTable } from './coefficients.generated.ts';

export type Sex = 'female' | 'male';

/** One input's part of a score: points, or its share of the linear predictor (log-hazard or log-odds). */
export interface Contribution {
  /** Input name as in the profile (`bmi`, `hba1cPercent`, …). */
  input: string;
  /** Human label, e.g. "BMI 31.2 kg/m²". */
  label: string;
  value: number;
  unit: 'points' | 'log-hazard' | 'log-odds';
}

/** An input whose published range a score checks (values in canonical units: years, mg/dL, %, mmHg, kg/m²). */
export type RangeInput =
  'age' | 'townsend' | 'horizon' | 'fastingGlucose' | 'hba1c' | 'totalCholesterol' | 'hdl' | 'systolicBp' | 'egfr' | 'bmi';

/**
 * Why a score cannot be computed, as data for the app to word in the person's language and units
 * (values in canonical units); the result's `reason` says the same in English for the CLI.
 */
export type ScoreWhy =
  | { kind: 'outside'; input: RangeInput; value: number; min: number; max: number }
  /** Profile fields the score needs and the profile lacks. */
  | { kind: 'needs'; inputs: string[] }
  | { kind: 'notANumber'; input: 'bmi' }
  | { kind: 'notPositive'; inputs: ('bmi' | 'waistCm')[] }
  /** Gestational diabetes or PCOS given for a man. */
  | { kind: 'womenOnly' }
  /** The person's own value is in the diabetes range (the score predicts new diabetes). */
  | { kind: 'diabetesRange'; input: 'fastingGlucose' | 'hba1c'; value: number }
  | { kind: 'hasDiabetes' }
  | { kind: 'hasCvd' }
  /** Height or weight outside QDiabetes-2018's 140-210 cm / 40-180 kg. */
  | { kind: 'heightWeight'; heightCm: number; weightKg: number };

export type Result<T> = { ok: true; value: T; contributions: Contribution[] } | { ok: false; reason: string; why: ScoreWhy };

export const fail = <T>(reason: string, why: ScoreWhy): Result<T> => ({ ok: false, reason, why });

/** A range check's failure: the English reason and its data. */
export interface RangeFailure {
  reason: string;
  why: ScoreWhy;
}

export const outside = (input: RangeInput, value: number, min: number, max: number): ScoreWhy => ({
  kind: 'outside',
  input,
  value,
  min,
  max,
});

const columns = new WeakMap<CoefficientTable, Record<string, number | null>[]>();

/** One column of a table as a term → value record, built once per table. */
function columnOf(t: CoefficientTable, column: number): Record<string, number | null> {
  let cols = columns.get(t);
  if (!cols) {
    cols = t.columns.map((_, c) => Object.fromEntries(Object.entries(t.rows).map(([k, v]) => [k, v[c] ?? null])));
    columns.set(t, cols);
  }
  return cols[column]!;
}

/** Looks up a coefficient by its table label; a missing label is a transcription bug, so it throws. */
export function coef(t: CoefficientTable, term: string, column: number): number {
  const v = columnOf(t, column)[term];
  if (v === null || v === undefined) throw new Error(`coefficient "${term}" missing from the table (column ${t.columns[column]})`);
  return v;
}

/**
 * The terms of one evaluation, summed per input. Labels are made only if someone reads the
 * contributions (scoring 10,000 profiles needs none of them), by the model's own labeller.
 */
export class Terms<X = unknown> {
  readonly inputs: string[] = [];
  readonly values: number[] = [];
  sum = 0;
  constructor(
    readonly unit: Contribution['unit'],
    readonly labelOf: (input: string, x: X) => string,
    readonly x: X,
  ) {}

  add(input: string, value: number): void {
    this.sum += value;
    const i = this.inputs.indexOf(input);
    if (i >= 0) this.values[i]! += value;
    else {
      this.inputs.push(input);
      this.values.push(value);
    }
  }

  /** A successful result whose contributions materialize on first read. */
  result<T>(value: T): Result<T> {
    return new Scored(value, this as Terms<unknown>);
  }
}

/**
 * A computed score. `contributions` is a prototype getter: read it (or call explain()) in the realm
 * that computed the score; structured cloning to another worker keeps `ok` and `value` only.
 */
class Scored<T> {
  readonly ok = true as const;
  private list: Contribution[] | undefined;
  constructor(
    readonly value: T,
    private readonly terms: Terms<unknown>,
  ) {}
  get contributions(): Contribution[] {
    const t = this.terms;
    this.list ??= t.inputs.map((input, i) => ({ input, label: t.labelOf(input, t.x), value: t.values[i]!, unit: t.unit }));
    return this.list;
  }
}

/** A table's column compiled once into a record of named coefficients (fast, monomorphic access). */
export function compile<K extends string>(t: CoefficientTable, column: number, terms: Record<K, string>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const [k, term] of Object.entries(terms) as [K, string][]) out[k] = coef(t, term, column);
  return out;
}

export interface Explanation {
  input: string;
  label: string;
  value: number;
  unit: Contribution['unit'];
  /** Share of the total absolute contribution, 0-1. */
  share: number;
}

/**
 * The inputs that drive a score, largest first: each with its points or its part of the linear
 * predictor and its share of all of them ("HbA1c drives most of this", "your waist adds 4 points").
 */
export function explain<T>(r: Result<T>): Explanation[] {
  if (!r.ok) return [];
  const total = r.contributions.reduce((s, c) => s + Math.abs(c.value), 0) || 1;
  return r.contributions
    .filter((c) => c.value !== 0)
    .map((c) => ({ ...c, share: Math.abs(c.value) / total }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
}

/** Round to significant digits (R's default print uses 7). */
export function signif(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const k = digits - Math.ceil(Math.log10(Math.abs(x)));
  return Math.round(x * 10 ** k) / 10 ** k;
}

export function round(x: number, dp: number): number {
  const k = 10 ** dp;
  return Math.round(x * k) / k;
}
