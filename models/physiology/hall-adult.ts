/**
 * Hall adult body-weight model: energy balance partitioned between fat, lean mass, glycogen and
 * extracellular fluid, with adaptive thermogenesis.
 *
 * Source: Hall KD, Sacks FM, Brown LM, et al. Quantification of the effect of energy imbalance on
 * bodyweight. Lancet 2011;378:826–837 (and web appendix); Chow CC, Hall KD. PLoS Comput Biol
 * 2008;4:e1000045 (Forbes partition). Equations and constants as implemented in the NIH Body
 * Weight Planner's open port `INSP-RH/bw` (GPL-3; `src/kernel/adult.cpp`) with the glycogen-flux
 * units fix (ρG·dG/dt in kcal/d). Written here from the equations in docs/equations.md §7.1; no code copied.
 * Mifflin–St Jeor RMR (Am J Clin Nutr 1990), Silva ECF, Jackson body-fat equations as in the source.
 *
 * Vectorized: every state is a Float64Array over ensemble members, stepped together with classical
 * RK4 at dt = 1 day, in the source's order (AT, ECF, glycogen, then lean mass with the averaged
 * intermediate values). Units: kg, m, years, kcal/day, days.
 */

export type Sex = 'male' | 'female';

import {
  ZETA_NA,
  ZETA_CI,
  GAMMA_F,
  GAMMA_L,
  BETA_TEF,
  BETA_AT,
  G_BASE_KG,
  FAT_EXP,
  INV_RHO_G,
  NC,
  BLK,
  A1S,
  A2S,
  Q_AT,
  Q_X,
} from './hall-adult-constants.ts';
import { stepReference } from './hall-adult-reference-step.ts';

export { G_BASE_KG } from './hall-adult-constants.ts';

export interface HallPerson {
  sex: Sex;
  ageYears: number;
  heightM: number;
  weightKg: number;
  /** Physical activity level (total / resting expenditure) at energy balance; default 1.5. */
  physicalActivityLevel?: number;
  /** Baseline carbohydrate fraction of intake; default 0.5. */
  carbFraction?: number;
}

/** Baseline quantities of one person (docs/equations.md §7.1 initialisation). */
export interface HallBaseline {
  /** Resting metabolic rate, kcal/d (Mifflin–St Jeor). */
  rmrKcalPerDay: number;
  /** Energy intake at balance, kcal/d. */
  energyIntakeKcalPerDay: number;
  ecfKg: number;
  fatKg: number;
  leanKg: number;
  /** Activity expenditure per kg body weight, kcal/kg/d. */
  deltaKcalPerKgPerDay: number;
  kKcalPerDay: number;
}

export function hallBaseline(p: HallPerson): HallBaseline {
  const pal = p.physicalActivityLevel ?? 1.5;
  const { weightKg: bw, heightM: ht, ageYears: age } = p;
  const female = p.sex === 'female';
  const rmr = 9.99 * bw + 625 * ht - 4.92 * age + (female ? -161 : 5);
  const ei = rmr * pal;
  const ecf = female ? -4.0 + 5.98 * ht + 0.167 * bw : 0.025 * age + 9.57 * ht + 0.191 * bw - 12.4;
  const lnBmi = Math.log(bw / ht ** 2);
  const fat = female ? (bw * (0.14 * age + 39.96 * lnBmi - 102.01)) / 100 : (bw * (0.14 * age + 37.31 * lnBmi - 103.94)) / 100;
  const lean = bw - (ecf + fat + 3.7 * G_BASE_KG);
  const delta = (((1 - BETA_TEF) * pal - 1) * rmr) / bw;
  const k = rmr * pal - GAMMA_L * lean - GAMMA_F * fat - delta * bw;
  return {
    rmrKcalPerDay: rmr,
    energyIntakeKcalPerDay: ei,
    ecfKg: ecf,
    fatKg: fat,
    leanKg: lean,
    deltaKcalPerKgPerDay: delta,
    kKcalPerDay: k,
  };
}

/** Activity expenditure per kg at another activity level, keeping baseline RMR and weight. */
export function hallDeltaAtPal(p: HallPerson, pal: number): number {
  const b = hallBaseline(p);
  return (((1 - BETA_TEF) * pal - 1) * b.rmrKcalPerDay) / p.weightKg;
}

/**
 * Ensemble state. Members differ in person and inputs; ΔEI and δ switch from their baseline values
 * to the scenario's on `startDay` (piecewise constant per day, as the source indexes floor(t)).
 * The baseline arrays (lean0, fat0, ecf0, ei0, k, delta0, cib, kG, pcarb) are set by the constructor
 * and must not be changed afterwards: the fast kernel caches constants derived from them. The inputs
 * (deltaEi, deltaEiBefore, deltaAfter, startDay) may change between steps.
 */
export class HallEnsemble {
  readonly n: number;
  day = 0;
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
  /** Scenario inputs from startDay: change in energy intake (kcal/d) and δ (kcal/kg/d). */
  readonly deltaEi: Float64Array;
  readonly deltaAfter: Float64Array;
  /** Change in energy intake before startDay, kcal/d (0 = at balance). */
  readonly deltaEiBefore: Float64Array;
  startDay = 0;

  private cE = new Float64Array(0);
  /** deltaEiBefore values the baseline-phase constants were derived with. */
  private cEb = new Float64Array(0);
  private cD = new Float64Array(0);
  /** Per member, after-phase derived constants (NC per member), and baseline-phase ones. */
  private cAfter = new Float64Array(0);
  private cBase = new Float64Array(0);

  constructor(people: readonly HallPerson[]) {
    const n = (this.n = people.length);
    const arr = (): Float64Array => new Float64Array(n);
    this.lean = arr();
    this.fat = arr();
    this.ecf = arr();
    this.glycogen = arr();
    this.at = arr();
    this.weight = arr();
    this.lean0 = arr();
    this.fat0 = arr();
    this.ecf0 = arr();
    this.ei0 = arr();
    this.k = arr();
    this.delta0 = arr();
    this.cib = arr();
    this.kG = arr();
    this.pcarb = arr();
    this.deltaEi = arr();
    this.deltaAfter = arr();
    this.deltaEiBefore = arr();
    people.forEach((p, i) => {
      const b = hallBaseline(p);
      const pc = p.carbFraction ?? 0.5;
      this.lean[i] = this.lean0[i] = b.leanKg;
      this.fat[i] = this.fat0[i] = b.fatKg;
      this.ecf[i] = this.ecf0[i] = b.ecfKg;
      this.glycogen[i] = G_BASE_KG;
      this.weight[i] = p.weightKg;
      this.ei0[i] = b.energyIntakeKcalPerDay;
      this.k[i] = b.kKcalPerDay;
      this.delta0[i] = this.deltaAfter[i] = b.deltaKcalPerKgPerDay;
      this.pcarb[i] = pc;
      this.cib[i] = pc * b.energyIntakeKcalPerDay;
      this.kG[i] = this.cib[i] / G_BASE_KG ** 2;
    });
    this.cE = new Float64Array(n).fill(NaN);
    this.cD = new Float64Array(n).fill(NaN);
    this.cAfter = new Float64Array(n * NC);
    this.cBase = new Float64Array(n * NC);
    this.cEb = new Float64Array(n);
    for (let i = 0; i < n; i++) this.derive(this.cBase, i, 0, this.delta0[i]!);
  }

  private derive(c: Float64Array, i: number, e: number, dl: number): void {
    const ti = this.ei0[i]! + e;
    const ci = this.pcarb[i]! * ti;
    const kg = this.kG[i]!;
    const o = i * NC;
    const u = BETA_AT * e;
    const xeq = this.ecf0[i]! - (ZETA_CI * (1 - ci / this.cib[i]!)) / ZETA_NA;
    c[o + 0] = Q_AT * u;
    c[o + 1] = Q_X * xeq;
    c[o + 2] = ci * INV_RHO_G;
    c[o + 3] = kg * INV_RHO_G;
    c[o + 4] = this.k[i]! + BETA_TEF * e - ti + ci; // Kc
    c[o + 5] = dl;
    c[o + 6] = kg;
    c[o + 7] = 0;
  }

  /** Advances every member by one day (dt = 1). */
  step(): void {
    const d = this.day;
    const sd = this.startDay;
    if (d + 1 === sd) {
      this.stepGeneral();
      return;
    }
    let c = this.cBase;
    const n = this.n;
    if (d < sd) {
      const { deltaEiBefore, cEb, delta0 } = this;
      for (let i = 0; i < n; i++) {
        const e = deltaEiBefore[i]!;
        if (e !== cEb[i]) {
          this.derive(c, i, e, delta0[i]!);
          cEb[i] = e;
        }
      }
    } else {
      c = this.cAfter;
      const { deltaEi, deltaAfter, cE, cD } = this;
      for (let i = 0; i < n; i++) {
        const e = deltaEi[i]!,
          dl = deltaAfter[i]!;
        if (e !== cE[i] || dl !== cD[i]) {
          this.derive(c, i, e, dl);
          cE[i] = e;
          cD[i] = dl;
        }
      }
    }
    this.fast(c, (d & 63) === 63);
    this.day = d + 1;
  }

  private tK = new Float64Array(0);
  private tBM = new Float64Array(0);
  private tBN = new Float64Array(0);
  private tS = new Float64Array(0);
  private tFF = new Float64Array(0);
  private tFA = new Float64Array(0);
  private tHC = new Float64Array(0);
  private fast(c: Float64Array, sync: boolean): void {
    // Module constants as locals: V8 then keeps them in registers in the hot loops.
    const FE = FAT_EXP,
      A1 = A1S,
      A2 = A2S,
      QA = Q_AT,
      QX = Q_X,
      GL = GAMMA_L,
      GF = GAMMA_F;
    const { lean, fat, ecf, glycogen, at, weight, lean0, fat0 } = this;
    const n = this.n;
    if (this.tK.length !== n) {
      this.tK = new Float64Array(n);
      this.tBM = new Float64Array(n);
      this.tBN = new Float64Array(n);
      this.tS = new Float64Array(n);
      this.tFF = new Float64Array(n);
      this.tFA = new Float64Array(n);
      this.tHC = new Float64Array(n);
    }
    const tK = this.tK,
      tBM = this.tBM,
      tBN = this.tBN,
      tS = this.tS,
      tFF = this.tFF,
      tFA = this.tFA,
      tHC = this.tHC;
    for (let b0 = 0; b0 < n; b0 += BLK) {
      const b1 = b0 + BLK < n ? b0 + BLK : n;
      for (let i = b0; i < b1; i++) {
        const o = i << 3;
        const g = glycogen[i]!;
        const cir = c[o | 2]!,
          kgr = c[o | 3]!;
        const g1 = cir - kgr * g * g;
        let gs = g + 0.5 * g1;
        const g2 = cir - kgr * gs * gs;
        gs = g + 0.5 * g2;
        const g3 = cir - kgr * gs * gs;
        gs = g + g3;
        const g4 = cir - kgr * gs * gs;
        tS[i] = (g1 + 2 * (g2 + g3) + g4) * (1 / 6);
      }
      for (let i = b0; i < b1; i++) {
        const o = i << 3;
        const a = at[i]!,
          x = ecf[i]!,
          g = glycogen[i]!,
          l = lean[i]!,
          f = fat[i]!;
        const da = c[o]! - QA * a,
          dx = c[o | 1]! - QX * x,
          dG = tS[i]!;
        const aN = a + da,
          xN = x + dx,
          gN = g + dG;
        const aM = a + 0.5 * da,
          xM = x + 0.5 * dx,
          gM = g + 0.5 * dG;
        const Kc = c[o | 4]!,
          dl = c[o | 5]!,
          kg = c[o | 6]!;
        const dl37 = 3.7 * dl,
          cL = dl + GL,
          cF = dl + GF;
        const cLl = cL * l + Kc;
        const fF = cF * f,
          fA = A2 * f;
        tK[i] = (cLl + dl * x + dl37 * g + a - kg * g * g + fF) / (A1 + fA);
        tBM[i] = cLl + dl * xM + dl37 * gM + aM - kg * gM * gM;
        tBN[i] = cLl + dl * xN + dl37 * gN + aN - kg * gN * gN;
        tFF[i] = fF;
        tFA[i] = fA;
        tHC[i] = 0.5 * cL;
        at[i] = aN;
        ecf[i] = xN;
        glycogen[i] = gN;
        weight[i] = xN + 3.7 * gN;
      }
      for (let i = b0; i < b1; i++) {
        const k1 = tK[i]!;
        const z = 0.5 * FE * k1;
        const E = z * z < 1e-4 ? 1 + z + z * z * (0.5 + z * (1 / 6)) : Math.exp(z);
        tK[i] = (tBM[i]! + tHC[i]! * k1 + tFF[i]! * E) / (A1 + tFA[i]! * E);
        tS[i] = k1;
      }
      for (let i = b0; i < b1; i++) {
        const k2 = tK[i]!;
        const z = 0.5 * FE * k2;
        const E = z * z < 1e-4 ? 1 + z + z * z * (0.5 + z * (1 / 6)) : Math.exp(z);
        tK[i] = (tBM[i]! + tHC[i]! * k2 + tFF[i]! * E) / (A1 + tFA[i]! * E);
        tS[i] = tS[i]! + 2 * k2;
      }
      if (!sync) {
        for (let i = b0; i < b1; i++) {
          const k3 = tK[i]!;
          let z = FE * k3;
          let E = z * z < 1e-4 ? 1 + z + z * z * (0.5 + z * (1 / 6)) : Math.exp(z);
          const f = fat[i]!;
          const k4 = (tBN[i]! + 2 * tHC[i]! * k3 + tFF[i]! * E) / (A1 + tFA[i]! * E);
          const dL = (tS[i]! + 2 * k3 + k4) * (1 / 6);
          const lN = lean[i]! + dL;
          z = FE * dL;
          const z2 = z * z;
          E = z2 < 1e-4 ? 1 + z + z2 * (0.5 + z * (1 / 6)) + z2 * z2 * (1 / 24 + z * (1 / 120)) : Math.exp(z);
          const fN = f * E;
          lean[i] = lN;
          fat[i] = fN;
          weight[i] = weight[i]! + fN + lN;
        }
      } else {
        for (let i = b0; i < b1; i++) {
          const k3 = tK[i]!;
          const z = FE * k3;
          const E = z * z < 1e-4 ? 1 + z + z * z * (0.5 + z * (1 / 6)) : Math.exp(z);
          const k4 = (tBN[i]! + 2 * tHC[i]! * k3 + tFF[i]! * E) / (A1 + tFA[i]! * E);
          const lN = lean[i]! + (tS[i]! + 2 * k3 + k4) * (1 / 6);
          const fN = fat0[i]! * Math.exp(FE * (lN - lean0[i]!));
          lean[i] = lN;
          fat[i] = fN;
          weight[i] = weight[i]! + fN + lN;
        }
      }
    }
  }

  private stepGeneral(): void {
    stepReference(this, (this.day & 63) === 63);
    this.day++;
  }
}

/**
 * One person's daily body weight, kg, from day 0 to `days`, under a constant change in energy
 * intake from `startDay` (the published model's own deterministic trajectory).
 */
export function hallWeightTrajectory(p: HallPerson, energyIntakeChangeKcalPerDay: number, days: number, startDay = 0): Float64Array {
  const e = new HallEnsemble([p]);
  e.deltaEi[0] = energyIntakeChangeKcalPerDay;
  e.startDay = startDay;
  const out = new Float64Array(days + 1);
  out[0] = p.weightKg;
  for (let d = 1; d <= days; d++) {
    e.step();
    out[d] = e.weight[0]!;
  }
  return out;
}
