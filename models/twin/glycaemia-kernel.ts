/**
 * The glycaemia model's daily step for every member (glycaemia.ts), behind one narrow function with
 * two implementations: the reference in TypeScript, and the same arithmetic in WebAssembly SIMD
 * (glycaemia-kernel.wat), two members per instruction. The WebAssembly one is used where the
 * platform has SIMD (every current browser and Node); its results are bit for bit the reference's
 * (test/unit/twin/glycaemia-kernel.test.ts), so which one ran never changes an answer.
 *
 * Per member: x = scale·(W − W0); odds ← odds·rate; q = c·(1 + odds); z = q/(1 − x) for a loss,
 * q·(1 + x) for a gain (WHIG's effect of weight on insulin sensitivity, glycaemia.ts);
 * FPG = ½·(floor + √(floor² + z)) (HOMA quasi-steady state); the HbA1c transit chain advances one
 * day exactly with the day's input held; a flag is set once FPG or HbA1c reaches its limit.
 */
import { GLYCAEMIA_KERNEL_WASM_HEX } from './glycaemia-kernel.generated.ts';

/** The per-member arrays a kernel steps (length ≥ n; the WebAssembly ones are views of its memory). */
export interface GlycaemiaArrays {
  w0Kg: Float64Array;
  scaleEfs: Float64Array;
  /** HOMA constant over hepatic insulin sensitivity, before and from the interventions' start. */
  cBefore: Float64Array;
  cAfter: Float64Array;
  /** Glucose-independent HbA1c input over the transit rate. */
  ppgK: Float64Array;
  /** Daily factor on the odds of β-cell dysfunction. */
  rate: Float64Array;
  a1: Float64Array;
  a2: Float64Array;
  a3: Float64Array;
  odds: Float64Array;
  /** Input: each member's body weight at the end of the day, kg. */
  weightKg: Float64Array;
  fpgMmolL: Float64Array;
  hba1cPercent: Float64Array;
  /** 1 once the member's FPG or HbA1c has reached its limit on a step. */
  flags: Uint8Array;
}

/** Constants of the step (glycaemia.ts). */
export interface GlycaemiaConstants {
  kTransit: number;
  kinOverK: number;
  expMinusK: number;
  floorMmolL: number;
}

export interface GlycaemiaKernel {
  readonly n: number;
  readonly arrays: GlycaemiaArrays;
  /** Which implementation runs: 'simd' (WebAssembly) or 'reference'. */
  readonly implementation: 'simd' | 'reference';
  /** One day for every member; `afterStart` picks cAfter over cBefore. */
  step(afterStart: boolean, fpgLimitMmolL: number, hba1cLimitPercent: number): void;
}

const DOUBLE_ARRAYS = [
  'w0Kg',
  'scaleEfs',
  'cBefore',
  'cAfter',
  'ppgK',
  'rate',
  'a1',
  'a2',
  'a3',
  'odds',
  'weightKg',
  'fpgMmolL',
  'hba1cPercent',
] as const;

/** The reference step (the WebAssembly one computes exactly this). */
export function stepGlycaemiaReference(
  n: number,
  v: GlycaemiaArrays,
  k: GlycaemiaConstants,
  afterStart: boolean,
  fpgLimitMmolL: number,
  hba1cLimitPercent: number,
): void {
  const { w0Kg, scaleEfs, ppgK, rate, a1, a2, a3, odds, weightKg, fpgMmolL, hba1cPercent, flags } = v;
  const c = afterStart ? v.cAfter : v.cBefore;
  const kT = k.kTransit,
    kinK = k.kinOverK,
    eK = k.expMinusK,
    c3 = 0.5 * k.kTransit * k.kTransit,
    floor = k.floorMmolL,
    floorSq = floor * floor;
  for (let i = 0; i < n; i++) {
    const x = scaleEfs[i]! * (weightKg[i]! - w0Kg[i]!);
    const o = odds[i]! * rate[i]!;
    const q = c[i]! * (1 + o);
    const z = x <= 0 ? q / (1 - x) : q * (1 + x);
    const fpg = 0.5 * (floor + Math.sqrt(floorSq + z));
    const s = kinK * fpg + ppgK[i]!;
    const d1 = a1[i]! - s;
    const d2 = a2[i]! - s;
    const d3 = a3[i]! - s;
    const n1 = s + d1 * eK;
    const n2 = s + (d2 + kT * d1) * eK;
    const n3 = s + (d3 + kT * d2 + c3 * d1) * eK;
    const a = n1 + n2 + n3;
    a1[i] = n1;
    a2[i] = n2;
    a3[i] = n3;
    odds[i] = o;
    fpgMmolL[i] = fpg;
    hba1cPercent[i] = a;
    if (fpg >= fpgLimitMmolL || a >= hba1cLimitPercent) flags[i] = 1;
  }
}

/** The part of the WebAssembly JS API used here (typed locally: models/ compiles without the DOM's types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (d: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
}
type StepExport = (pairs: number, ...args: number[]) => void;

let compiled: object | null | undefined;
/** The compiled kernel, or null where WebAssembly or its SIMD is missing (compiled once, on first use). */
function simdModule(): object | null {
  if (compiled !== undefined) return compiled;
  const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  const bytes = Uint8Array.from(GLYCAEMIA_KERNEL_WASM_HEX.match(/../g) ?? [], (h) => parseInt(h, 16));
  try {
    compiled = wasm && wasm.validate(bytes) ? new wasm.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

function referenceKernel(n: number, k: GlycaemiaConstants): GlycaemiaKernel {
  const arrays = Object.fromEntries(DOUBLE_ARRAYS.map((name) => [name, new Float64Array(n)])) as unknown as GlycaemiaArrays;
  arrays.flags = new Uint8Array(n);
  return {
    n,
    arrays,
    implementation: 'reference',
    step: (afterStart, fpgLimit, hba1cLimit) => stepGlycaemiaReference(n, arrays, k, afterStart, fpgLimit, hba1cLimit),
  };
}

function simdKernel(module: object, n: number, k: GlycaemiaConstants): GlycaemiaKernel {
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const padded = n + (n % 2) || 2; // whole pairs of members
  const bytes = DOUBLE_ARRAYS.length * padded * 8 + padded;
  const pages = Math.ceil(bytes / 65536);
  // A fixed size: the arrays are views of this memory, which therefore never grows.
  const memory = new wasm.Memory({ initial: pages, maximum: pages });
  const exports = new wasm.Instance(module, { env: { memory } }).exports;
  const stepExport = exports.step as StepExport;
  const offsets: Record<string, number> = {};
  const arrays = {} as GlycaemiaArrays;
  DOUBLE_ARRAYS.forEach((name, j) => {
    offsets[name] = j * padded * 8;
    // Padding lanes: a member at weight 0 with c = 1 and rate 1 stays finite and is never read.
    arrays[name] = new Float64Array(memory.buffer, offsets[name], padded).subarray(0, n);
  });
  const flagsOffset = DOUBLE_ARRAYS.length * padded * 8;
  arrays.flags = new Uint8Array(memory.buffer, flagsOffset, padded).subarray(0, n);
  for (let i = n; i < padded; i++)
    for (const name of ['cBefore', 'cAfter', 'rate'] as const) new Float64Array(memory.buffer, offsets[name], padded)[i] = 1;
  const c3 = 0.5 * k.kTransit * k.kTransit;
  const floorSq = k.floorMmolL * k.floorMmolL;
  const o = offsets as Record<(typeof DOUBLE_ARRAYS)[number], number>;
  return {
    n,
    arrays,
    implementation: 'simd',
    step: (afterStart, fpgLimit, hba1cLimit) =>
      stepExport(
        padded / 2,
        o.w0Kg,
        o.scaleEfs,
        afterStart ? o.cAfter : o.cBefore,
        o.ppgK,
        o.rate,
        o.a1,
        o.a2,
        o.a3,
        o.odds,
        o.weightKg,
        o.fpgMmolL,
        o.hba1cPercent,
        flagsOffset,
        k.kTransit,
        k.kinOverK,
        k.expMinusK,
        c3,
        k.floorMmolL,
        floorSq,
        fpgLimit,
        hba1cLimit,
      ),
  };
}

/** A kernel for n members: the WebAssembly SIMD one where the platform runs it, else the reference. */
export function createGlycaemiaKernel(n: number, k: GlycaemiaConstants, prefer: 'fastest' | 'reference' = 'fastest'): GlycaemiaKernel {
  const module = prefer === 'fastest' ? simdModule() : null;
  return module ? simdKernel(module, n, k) : referenceKernel(n, k);
}
