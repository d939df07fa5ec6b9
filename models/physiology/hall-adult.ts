/**
 * Hall adult body-weight model: energy balance partitioned between fat, lean mass, glycogen and
 * extracellular fluid, with adaptive thermogenesis.
 *
 * Source: Hall KD, Sacks FM, Brown LM, et al. Quantification of the effect of energy imbalance on
 * bodyweight. Lancet 2011;378:826–837 (and web appendix); Chow CC, Hall KD. PLoS Comput Biol
 * 2008;4:e1000045 (Forbes partition). Equations and constants as implemented in the NIH Body
 * Weight Planner's open port `INSP-RH/bw` (GPL-3; `src/kernel/adult.cpp`) with the glycogen-flux
 * units fix (ρG·dG/dt in kcal/d). Written here from the equations in models.md §7.1; no code copied.
 * Mifflin–St Jeor RMR (Am J Clin Nutr 1990), Silva ECF, Jackson body-fat equations as in the source.
 *
 * Vectorized: every state is a Float64Array over ensemble members, stepped together with classical
 * RK4 at dt = 1 day, in the source's order (AT, ECF, glycogen, then lean mass with the averaged
 * intermediate values). Units: kg, m, years, kcal/day, days.
 */

export type Sex = 'male' | 'female';

/** Glycogen energy density, kcal/kg (17.6 MJ/kg). */
const RHO_G = 4206.501;
/** ECF/sodium constants: Na (mg), ζNa (mg/L/d), ζCI (mg/d). */
const NA = 3220;
const ZETA_NA = 3000;
const ZETA_CI = 4000;
/** Fat and lean energy densities, kcal/kg. */
const RHO_F = 9440.727;
const RHO_L = 1816.444;
/** Resting expenditure per kg fat and lean, kcal/kg/d. */
const GAMMA_F = 3.107075;
const GAMMA_L = 21.98853;
/** Synthesis costs, kcal/kg. */
const ETA_F = 179.2543;
const ETA_L = 229.4455;
const BETA_TEF = 0.1;
const BETA_AT = 0.14;
/** Adaptive thermogenesis time constant, days. */
const TAU_AT = 14;
const C = 10.4 * (RHO_L / RHO_F);
const ALFA1 = -(1 + ETA_L / RHO_L) * C;
const ALFA2 = -(1 + ETA_F / RHO_F);
/** Baseline glycogen, kg. */
export const G_BASE_KG = 0.5;
const FAT_EXP = RHO_L / (RHO_F * C);
const DL_SCALE = C / RHO_L;
const INV_TAU_AT = 1 / TAU_AT;
const INV_NA = 1 / NA;
const INV_RHO_G = 1 / RHO_G;

/** exp(x) for the small per-stage fat increments (|x| < 1e-2: 5th-order Taylor, error < 1e-14 relative). */
function expSmall(x: number): number {
  return x > -1e-2 && x < 1e-2 ? 1 + x * (1 + x * (0.5 + x * (1 / 6 + x * (1 / 24 + x / 120)))) : Math.exp(x);
}

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

/** Baseline quantities of one person (models.md §7.1 initialisation). */
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
  const delta = ((1 - BETA_TEF) * pal - 1) * rmr / bw;
  const k = rmr * pal - GAMMA_L * lean - GAMMA_F * fat - delta * bw;
  return { rmrKcalPerDay: rmr, energyIntakeKcalPerDay: ei, ecfKg: ecf, fatKg: fat, leanKg: lean, deltaKcalPerKgPerDay: delta, kKcalPerDay: k };
}

/** Activity expenditure per kg at another activity level, keeping baseline RMR and weight. */
export function hallDeltaAtPal(p: HallPerson, pal: number): number {
  const b = hallBaseline(p);
  return ((1 - BETA_TEF) * pal - 1) * b.rmrKcalPerDay / p.weightKg;
}

/**
 * Ensemble state. Members differ in person and inputs; ΔEI and δ switch from their baseline values
 * to the scenario's on `startDay` (piecewise constant per day, as the source indexes floor(t)).
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
  private readonly lean0: Float64Array;
  private readonly fat0: Float64Array;
  private readonly ecf0: Float64Array;
  private readonly ei0: Float64Array;
  private readonly k: Float64Array;
  private readonly delta0: Float64Array;
  private readonly cib: Float64Array;
  private readonly kG: Float64Array;
  private readonly pcarb: Float64Array;
  /** Change in energy intake before startDay, kcal/d (0 = at balance). */
  readonly deltaEiBefore: Float64Array;
  /** Scenario inputs from startDay: change in energy intake (kcal/d) and δ (kcal/kg/d). */
  readonly deltaEi: Float64Array;
  readonly deltaAfter: Float64Array;
  startDay = 0;

  constructor(people: readonly HallPerson[]) {
    const n = (this.n = people.length);
    const arr = (): Float64Array => new Float64Array(n);
    this.lean = arr(); this.fat = arr(); this.ecf = arr(); this.glycogen = arr(); this.at = arr(); this.weight = arr();
    this.lean0 = arr(); this.fat0 = arr(); this.ecf0 = arr(); this.ei0 = arr(); this.k = arr(); this.delta0 = arr();
    this.cib = arr(); this.kG = arr(); this.pcarb = arr(); this.deltaEi = arr(); this.deltaEiBefore = arr(); this.deltaAfter = arr();
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
  }

  /** Advances every member by one day (dt = 1). */
  step(): void {
    const d = this.day;
    const on0 = d >= this.startDay;
    const on1 = d + 1 >= this.startDay;
    const { lean, fat, ecf, glycogen, at, weight, lean0, ecf0, ei0, k, delta0, cib, kG, pcarb, deltaEi, deltaEiBefore, deltaAfter } = this;
    for (let i = 0; i < this.n; i++) {
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

      // Adaptive thermogenesis
      const a = at[i]!;
      let k1 = (BETA_AT * e0 - a) * INV_TAU_AT;
      let k2 = (BETA_AT * e0 - (a + 0.5 * k1)) * INV_TAU_AT;
      let k3 = (BETA_AT * e0 - (a + 0.5 * k2)) * INV_TAU_AT;
      let k4 = (BETA_AT * e1 - (a + k3)) * INV_TAU_AT;
      const aN = a + (k1 + 2 * k2 + 2 * k3 + k4) / 6;

      // Extracellular fluid
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

      // Glycogen
      const g = glycogen[i]!;
      k1 = (ci0 - kg * g * g) * INV_RHO_G;
      let gs = g + 0.5 * k1;
      k2 = (ci0 - kg * gs * gs) * INV_RHO_G;
      gs = g + 0.5 * k2;
      k3 = (ci0 - kg * gs * gs) * INV_RHO_G;
      gs = g + k3;
      k4 = (ci1 - kg * gs * gs) * INV_RHO_G;
      const gN = g + (k1 + 2 * k2 + 2 * k3 + k4) / 6;

      // Lean mass; fat follows the Forbes curve F = F0·exp(FAT_EXP·(L − L0)), stepped from the
      // current F by the small increment so that each stage needs no full exp().
      const l = lean[i]!;
      const f = fat[i]!;
      const kk = k[i]!;
      const gM = 0.5 * (gN + g);
      const aM = 0.5 * (aN + a);
      const xM = 0.5 * (xN + x);
      k1 = dLean(l, f, g, a, x, kk, dl0, e0, ti0, ci0, kg);
      k2 = dLean(l + 0.5 * k1, f * expSmall(FAT_EXP * 0.5 * k1), gM, aM, xM, kk, dl0, e0, ti0, ci0, kg);
      k3 = dLean(l + 0.5 * k2, f * expSmall(FAT_EXP * 0.5 * k2), gM, aM, xM, kk, dl0, e0, ti0, ci0, kg);
      k4 = dLean(l + k3, f * expSmall(FAT_EXP * k3), gN, aN, xN, kk, dl1, e1, ti1, ci1, kg);
      const lN = l + (k1 + 2 * k2 + 2 * k3 + k4) / 6;
      // Fat from its closed form every 64 days bounds the rounding drift of the incremental update.
      const fN = (d & 63) === 63 ? this.fat0[i]! * Math.exp(FAT_EXP * (lN - lean0[i]!)) : f * expSmall(FAT_EXP * (lN - l));

      at[i] = aN;
      ecf[i] = xN;
      glycogen[i] = gN;
      lean[i] = lN;
      fat[i] = fN;
      weight[i] = fN + lN + xN + 3.7 * gN;
    }
    this.day = d + 1;
  }
}

/** dL/dt, kg/d, given the current state and the day's inputs (models.md §7.1, R·C'/ρL). */
function dLean(l: number, f: number, g: number, at: number, ecf: number, k: number, delta: number, dEi: number, totalIntake: number, ci: number, kg: number): number {
  const w = l + f + ecf + 3.7 * g;
  // ρG·dG/dt, kcal/d
  const r3 = k + delta * w + BETA_TEF * dEi + at - totalIntake + (ci - kg * g * g);
  return ((r3 + GAMMA_L * l + GAMMA_F * f) / (ALFA1 + ALFA2 * f)) * DL_SCALE;
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
