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

export type Result<T> =
  | { ok: true; value: T; contributions: Contribution[] }
  | { ok: false; reason: string };

export const fail = <T>(reason: string): Result<T> => ({ ok: false, reason });

/** Looks up a coefficient by its table label; a missing label is a transcription bug, so it throws. */
export function coef(t: CoefficientTable, term: string, column: number): number {
  const row = t.rows[term];
  if (!row) throw new Error(`coefficient "${term}" missing from the table`);
  const v = row[column];
  if (v === null || v === undefined) throw new Error(`coefficient "${term}" has no value in column ${t.columns[column]}`);
  return v;
}

/** Sums contributions by input (terms of one input, interactions included, add up). */
export function byInput(parts: Contribution[]): Contribution[] {
  const m = new Map<string, Contribution>();
  for (const p of parts) {
    const prev = m.get(p.input);
    if (prev) prev.value += p.value;
    else m.set(p.input, { ...p });
  }
  return [...m.values()];
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
