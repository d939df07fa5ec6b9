/**
 * The baselines a learned glucose forecaster must beat on the person's own held-out days:
 * persistence (the last reading stays) and a linear autoregressive model, fitted by ridge least
 * squares on the training windows (all features, plus an intercept).
 */
import type { Windows } from './windows.ts';

export function persistence(w: Windows): Float32Array {
  return Float32Array.from(w.last);
}

export interface LinearModel {
  /** Weights per feature, then the intercept. */
  weights: Float64Array;
}

/** Ridge regression by the normal equations (features are few: a dozen readings and two clock terms). */
export function fitLinear(w: Windows, ridge = 1e-3): LinearModel {
  const p = w.features + 1;
  const a = new Float64Array(p * p),
    b = new Float64Array(p);
  const row = new Float64Array(p);
  for (let i = 0; i < w.n; i++) {
    for (let j = 0; j < w.features; j++) row[j] = w.x[i * w.features + j]!;
    row[p - 1] = 1;
    const yi = w.y[i]!;
    for (let j = 0; j < p; j++) {
      b[j]! += row[j]! * yi;
      for (let k = j; k < p; k++) a[j * p + k]! += row[j]! * row[k]!;
    }
  }
  for (let j = 0; j < p; j++) {
    for (let k = 0; k < j; k++) a[j * p + k] = a[k * p + j]!;
    a[j * p + j]! += ridge * w.n;
  }
  return { weights: solve(a, b, p) };
}

export function predictLinear(m: LinearModel, w: Windows): Float32Array {
  const out = new Float32Array(w.n);
  const p = w.features;
  for (let i = 0; i < w.n; i++) {
    let s = m.weights[p]!;
    for (let j = 0; j < p; j++) s += m.weights[j]! * w.x[i * p + j]!;
    out[i] = s;
  }
  return out;
}

/** Solves a·x = b (a symmetric positive definite, p × p) by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const m = Float64Array.from(a),
    v = Float64Array.from(b);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(m[r * p + c]!) > Math.abs(m[piv * p + c]!)) piv = r;
    if (piv !== c) {
      for (let k = 0; k < p; k++) [m[c * p + k], m[piv * p + k]] = [m[piv * p + k]!, m[c * p + k]!];
      [v[c], v[piv]] = [v[piv]!, v[c]!];
    }
    const d = m[c * p + c]!;
    if (Math.abs(d) < 1e-12) throw new RangeError('fitLinear: the training windows do not determine the model');
    for (let r = c + 1; r < p; r++) {
      const f = m[r * p + c]! / d;
      if (f === 0) continue;
      for (let k = c; k < p; k++) m[r * p + k]! -= f * m[c * p + k]!;
      v[r]! -= f * v[c]!;
    }
  }
  const x = new Float64Array(p);
  for (let r = p - 1; r >= 0; r--) {
    let s = v[r]!;
    for (let k = r + 1; k < p; k++) s -= m[r * p + k]! * x[k]!;
    x[r] = s / m[r * p + r]!;
  }
  return x;
}
