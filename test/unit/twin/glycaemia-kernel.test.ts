/**
 * The glycaemia step's WebAssembly SIMD kernel against its TypeScript reference
 * (models/twin/glycaemia-kernel.ts): the same numbers to the last bit, so which one runs never
 * changes an answer; and the committed bytes are what the .wat source assembles to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGlycaemiaKernel, type GlycaemiaArrays, type GlycaemiaKernel } from '../../../models/twin/glycaemia-kernel.ts';
import { GLYCAEMIA_KERNEL_WASM_HEX } from '../../../models/twin/glycaemia-kernel.generated.ts';
import { GlycaemiaEnsemble } from '../../../models/twin/glycaemia.ts';
import { ensembleFor } from '../../../models/twin/simulate.ts';
import { MG_DL_PER_MMOL_L } from '../../../models/twin/members.ts';
import { runEnsemble } from '../../../models/twin/engine.ts';
import { createRng } from '../../../models/util/random.ts';
import { KERNELS, assemble, generatedSource } from '../../../tools/gen/wasm-kernels.ts';

const K = { kTransit: 3 / 42, kinOverK: 0.9, expMinusK: Math.exp(-3 / 42), floorMmolL: 3.5 };

/** Members spread widely: losses and gains, steep and flat, with the weights moving day to day. */
function fill(k: GlycaemiaKernel, seed: number): void {
  const rng = createRng(seed);
  const v = k.arrays;
  for (let i = 0; i < k.n; i++) {
    v.w0Kg[i] = 60 + 60 * rng.next();
    v.scaleEfs[i] = 0.12 * rng.next();
    v.cBefore[i] = 0.5 + 8 * rng.next();
    v.cAfter[i] = v.cBefore[i]! * (0.7 + 0.4 * rng.next());
    v.ppgK[i] = 0.3 * rng.next();
    v.rate[i] = Math.exp((0.4 * (rng.next() - 0.3)) / 365);
    v.a1[i] = v.a2[i] = v.a3[i] = 1.6 + 0.6 * rng.next();
    v.odds[i] = 0.2 + 3 * rng.next();
  }
}

const bits = (a: Float64Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
const snapshot = (v: GlycaemiaArrays): string[] =>
  [v.a1, v.a2, v.a3, v.odds, v.fpgMmolL, v.hba1cPercent].map(bits).concat(Buffer.from(v.flags).toString('hex'));

describe('the glycaemia kernel', () => {
  it('runs as WebAssembly SIMD on Node (as in every current browser)', () => {
    expect(createGlycaemiaKernel(4, K).implementation).toBe('simd');
    expect(createGlycaemiaKernel(4, K, 'reference').implementation).toBe('reference');
  });

  it.each([1, 2, 7, 1000])('gives the reference bit for bit over 10 years (%i members, losses and gains, both phases)', (n) => {
    const simd = createGlycaemiaKernel(n, K);
    const ref = createGlycaemiaKernel(n, K, 'reference');
    fill(simd, n);
    fill(ref, n);
    const rng = createRng(100 + n);
    const w0 = Float64Array.from(simd.arrays.w0Kg);
    let crossed = 0;
    for (let d = 0; d < 3650; d++) {
      // Weights wander ±15 kg around each member's start: both branches of the weight effect run.
      const t = d / 3650;
      for (let i = 0; i < n; i++) simd.arrays.weightKg[i] = ref.arrays.weightKg[i] = w0[i]! + 15 * Math.sin(6 * t + i) + 0.1 * rng.normal();
      const after = d >= 400;
      simd.step(after, 5.0, 14);
      ref.step(after, 5.0, 14);
      if (d % 365 === 0) expect(snapshot(simd.arrays), `day ${d}`).toEqual(snapshot(ref.arrays));
    }
    expect(snapshot(simd.arrays)).toEqual(snapshot(ref.arrays));
    for (let i = 0; i < n; i++) crossed += ref.arrays.flags[i]!;
    if (n === 1000) {
      // The run exercised the flags: some members crossed, some did not.
      expect(crossed).toBeGreaterThan(0);
      expect(crossed).toBeLessThan(n);
    }
  });

  it('a person’s forecast is the same on either implementation', () => {
    const person = { sex: 'male', ageYears: 58, heightM: 1.78, weightKg: 104, fastingGlucoseMgDl: 112, hba1cPercent: 6.1 } as const;
    const members = ensembleFor(person, 300, 3);
    const run = (impl: 'fastest' | 'reference'): string[] => {
      const out: string[] = [];
      const g = new GlycaemiaEnsemble(
        members.map((m) => m.glycaemia),
        impl,
      );
      expect(g.implementation).toBe(impl === 'fastest' ? 'simd' : 'reference');
      // The ensemble as the engine runs it, gaining weight: the crossing flags and levels agree.
      const w = Float64Array.from(members, (m) => m.body.weightKg);
      const flags = g.watch(7.0, 6.5);
      for (let d = 1; d <= 3650; d++) {
        for (let i = 0; i < w.length; i++) w[i] = members[i]!.body.weightKg + (8 * d) / 3650;
        g.step(w);
      }
      out.push(bits(g.fpgMmolL), bits(g.hba1cPercent), Buffer.from(flags).toString('hex'));
      return out;
    };
    expect(run('fastest')).toEqual(run('reference'));
  });

  it('a forecast counts a member from the first day its fasting glucose or HbA1c reaches the limit, and keeps it', () => {
    const person = { sex: 'male', ageYears: 58, heightM: 1.78, weightKg: 104, fastingGlucoseMgDl: 118, hba1cPercent: 6.2 } as const;
    const members = ensembleFor(person, 300, 3);
    const expected = new Uint8Array(members.length);
    let flagged = 0;
    runEnsemble(
      members,
      { weightChangeKg: 8 },
      3650,
      (v) => {
        for (let i = 0; i < expected.length; i++)
          if (v.fpgMmolL[i]! >= 126 / MG_DL_PER_MMOL_L || v.hba1cPercent[i]! >= 6.5) expected[i] = 1;
        expect(Array.from(v.diagnosed), `day ${v.day}`).toEqual(Array.from(expected));
        flagged = expected.reduce((a, b) => a + b, 0);
      },
      { outcome: 'state' },
    );
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThan(members.length);
  });

  it('the committed bytes are what the .wat source assembles to (npx tsx tools/gen/wasm-kernels.ts)', async () => {
    for (const k of KERNELS) {
      const hex = await assemble(k.wat);
      expect(readFileSync(k.out, 'utf8')).toBe(generatedSource(k.constant, k.wat, hex));
    }
    expect(GLYCAEMIA_KERNEL_WASM_HEX.startsWith('0061736d')).toBe(true);
  });
});
