/**
 * Constants of the Hall adult model (docs/equations.md §7.1; Hall 2011 web appendix, as in INSP-RH/bw) and
 * the derived factors the integrator uses. Units kcal, kg, days.
 */
/** Glycogen energy density, kcal/kg (17.6 MJ/kg). */
export const RHO_G = 4206.501;
/** ECF/sodium constants: Na (mg), ζNa (mg/L/d), ζCI (mg/d). */
export const NA = 3220;
export const ZETA_NA = 3000;
export const ZETA_CI = 4000;
/** Fat and lean energy densities, kcal/kg. */
export const RHO_F = 9440.727;
export const RHO_L = 1816.444;
/** Resting expenditure per kg fat and lean, kcal/kg/d. */
export const GAMMA_F = 3.107075;
export const GAMMA_L = 21.98853;
/** Synthesis costs, kcal/kg. */
export const ETA_F = 179.2543;
export const ETA_L = 229.4455;
export const BETA_TEF = 0.1;
export const BETA_AT = 0.14;
/** Adaptive thermogenesis time constant, days. */
export const TAU_AT = 14;
export const C = 10.4 * (RHO_L / RHO_F);
export const ALFA1 = -(1 + ETA_L / RHO_L) * C;
export const ALFA2 = -(1 + ETA_F / RHO_F);
/** Baseline glycogen, kg. */
export const G_BASE_KG = 0.5;
export const FAT_EXP = RHO_L / (RHO_F * C);
export const DL_SCALE = C / RHO_L;
export const INV_TAU_AT = 1 / TAU_AT;
export const INV_NA = 1 / NA;
export const INV_RHO_G = 1 / RHO_G;
export const NC = 8;
export const BLK = 64;
export const A1S = ALFA1 / DL_SCALE;
export const A2S = ALFA2 / DL_SCALE;
/** RK4 (h = 1) gain of a linear relaxation dy/dt = r·(u − y): y' = y + q·(u − y). */
export function rk4Gain(r: number): number {
  const k1 = r,
    k2 = r * (1 - 0.5 * k1),
    k3 = r * (1 - 0.5 * k2),
    k4 = r * (1 - k3);
  return (k1 + 2 * k2 + 2 * k3 + k4) / 6;
}
export const Q_AT = rk4Gain(INV_TAU_AT);
export const Q_X = rk4Gain(ZETA_NA * INV_NA);
