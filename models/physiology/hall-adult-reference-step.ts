/**
 * One day of the Hall adult model for every member, in the reference's exact form (docs/equations.md §7.1):
 * RK4 for AT, ECF and glycogen, then lean mass with the averaged intermediate values. The ensemble
 * uses it on the day its inputs switch (startDay); every other day runs the algebraically
 * rearranged fast kernel, which agrees with this to < 1e-9 kg over 10 years.
 */
import {
  ALFA1,
  ALFA2,
  BETA_AT,
  BETA_TEF,
  DL_SCALE,
  FAT_EXP,
  GAMMA_F,
  GAMMA_L,
  INV_NA,
  INV_RHO_G,
  INV_TAU_AT,
  ZETA_CI,
  ZETA_NA,
} from './hall-adult-constants.ts';

/** The ensemble state the reference step reads and writes. */
export interface HallState {
  readonly n: number;
  readonly day: number;
  readonly startDay: number;
  readonly lean: Float64Array;
  readonly fat: Float64Array;
  readonly ecf: Float64Array;
  readonly glycogen: Float64Array;
  readonly at: Float64Array;
  readonly weight: Float64Array;
  readonly lean0: Float64Array;
  readonly fat0: Float64Array;
  readonly ecf0: Float64Array;
  readonly ei0: Float64Array;
  readonly k: Float64Array;
  readonly delta0: Float64Array;
  readonly cib: Float64Array;
  readonly kG: Float64Array;
  readonly pcarb: Float64Array;
  readonly deltaEi: Float64Array;
  readonly deltaEiBefore: Float64Array;
  readonly deltaAfter: Float64Array;
}

/** Advances every member one day; `sync` re-anchors fat on its closed form. Does not advance `day`. */
export function stepReference(e: HallState, sync: boolean): void {
  const d = e.day;
  const on0 = d >= e.startDay;
  const on1 = d + 1 >= e.startDay;
  const { lean, fat, ecf, glycogen, at, weight, lean0, fat0, ecf0, ei0, k, delta0, cib, kG, pcarb, deltaEi, deltaEiBefore, deltaAfter } = e;
  const n = e.n;
  for (let i = 0; i < n; i++) {
    const e0 = on0 ? deltaEi[i]! : deltaEiBefore[i]!;
    const e1 = on1 ? deltaEi[i]! : deltaEiBefore[i]!;
    const dl0 = on0 ? deltaAfter[i]! : delta0[i]!;
    const dl1 = on1 ? deltaAfter[i]! : delta0[i]!;
    const ei = ei0[i]!;
    const ti0 = ei + e0;
    const ti1 = ei + e1;
    const pc = pcarb[i]!;
    const ci0 = pc * ti0;
    const ci1 = pc * ti1;
    const kg = kG[i]!;
    const a = at[i]!;
    let k1 = (BETA_AT * e0 - a) * INV_TAU_AT;
    let k2 = (BETA_AT * e0 - (a + 0.5 * k1)) * INV_TAU_AT;
    let k3 = (BETA_AT * e0 - (a + 0.5 * k2)) * INV_TAU_AT;
    let k4 = (BETA_AT * e1 - (a + k3)) * INV_TAU_AT;
    const aN = a + (k1 + 2 * k2 + 2 * k3 + k4) / 6;
    const x = ecf[i]!;
    const x0 = ecf0[i]!;
    const invCib = 1 / cib[i]!;
    const ciTerm0 = ZETA_CI * (1 - ci0 * invCib);
    const ciTerm1 = ZETA_CI * (1 - ci1 * invCib);
    k1 = (-ZETA_NA * (x - x0) - ciTerm0) * INV_NA;
    k2 = (-ZETA_NA * (x + 0.5 * k1 - x0) - ciTerm0) * INV_NA;
    k3 = (-ZETA_NA * (x + 0.5 * k2 - x0) - ciTerm0) * INV_NA;
    k4 = (-ZETA_NA * (x + k3 - x0) - ciTerm1) * INV_NA;
    const xN = x + (k1 + 2 * k2 + 2 * k3 + k4) / 6;
    const g = glycogen[i]!;
    k1 = (ci0 - kg * g * g) * INV_RHO_G;
    let gs = g + 0.5 * k1;
    k2 = (ci0 - kg * gs * gs) * INV_RHO_G;
    gs = g + 0.5 * k2;
    k3 = (ci0 - kg * gs * gs) * INV_RHO_G;
    gs = g + k3;
    k4 = (ci1 - kg * gs * gs) * INV_RHO_G;
    const gN = g + (k1 + 2 * k2 + 2 * k3 + k4) / 6;
    const l = lean[i]!;
    const f = fat[i]!;
    const kk = k[i]!;
    const gM = 0.5 * (gN + g);
    const aM = 0.5 * (aN + a);
    const xM = 0.5 * (xN + x);
    let ls = l;
    let fs = f;
    let z: number;
    let w = ls + fs + x + 3.7 * g;
    let r3 = kk + dl0 * w + BETA_TEF * e0 + a - ti0 + (ci0 - kg * g * g);
    k1 = ((r3 + GAMMA_L * ls + GAMMA_F * fs) / (ALFA1 + ALFA2 * fs)) * DL_SCALE;
    ls = l + 0.5 * k1;
    z = FAT_EXP * 0.5 * k1;
    fs = f * (z > -1e-2 && z < 1e-2 ? 1 + z * (1 + z * (0.5 + z * (1 / 6 + z * (1 / 24 + z / 120)))) : Math.exp(z));
    w = ls + fs + xM + 3.7 * gM;
    r3 = kk + dl0 * w + BETA_TEF * e0 + aM - ti0 + (ci0 - kg * gM * gM);
    k2 = ((r3 + GAMMA_L * ls + GAMMA_F * fs) / (ALFA1 + ALFA2 * fs)) * DL_SCALE;
    ls = l + 0.5 * k2;
    z = FAT_EXP * 0.5 * k2;
    fs = f * (z > -1e-2 && z < 1e-2 ? 1 + z * (1 + z * (0.5 + z * (1 / 6 + z * (1 / 24 + z / 120)))) : Math.exp(z));
    w = ls + fs + xM + 3.7 * gM;
    r3 = kk + dl0 * w + BETA_TEF * e0 + aM - ti0 + (ci0 - kg * gM * gM);
    k3 = ((r3 + GAMMA_L * ls + GAMMA_F * fs) / (ALFA1 + ALFA2 * fs)) * DL_SCALE;
    ls = l + k3;
    z = FAT_EXP * k3;
    fs = f * (z > -1e-2 && z < 1e-2 ? 1 + z * (1 + z * (0.5 + z * (1 / 6 + z * (1 / 24 + z / 120)))) : Math.exp(z));
    w = ls + fs + xN + 3.7 * gN;
    r3 = kk + dl1 * w + BETA_TEF * e1 + aN - ti1 + (ci1 - kg * gN * gN);
    k4 = ((r3 + GAMMA_L * ls + GAMMA_F * fs) / (ALFA1 + ALFA2 * fs)) * DL_SCALE;
    const lN = l + (k1 + 2 * k2 + 2 * k3 + k4) / 6;
    z = FAT_EXP * (lN - l);
    const fN = sync
      ? fat0[i]! * Math.exp(FAT_EXP * (lN - lean0[i]!))
      : f * (z > -1e-2 && z < 1e-2 ? 1 + z * (1 + z * (0.5 + z * (1 / 6 + z * (1 / 24 + z / 120)))) : Math.exp(z));
    at[i] = aN;
    ecf[i] = xN;
    glycogen[i] = gN;
    lean[i] = lN;
    fat[i] = fN;
    weight[i] = fN + lN + xN + 3.7 * gN;
  }
}
