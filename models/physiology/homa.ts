/**
 * HOMA (homeostasis model assessment) constants and indices, in one place.
 *
 * Matthews DR, Hosker JP, Rudenski AS, Naylor BA, Treacher DF, Turner RC. Homeostasis model
 * assessment: insulin resistance and β-cell function from fasting plasma glucose and insulin
 * concentrations in man. Diabetologia 1985;28:412–419:
 *   HOMA-IR     = glucose (mmol/L) × insulin (µU/mL) / 22.5  = glucose (mg/dL) × insulin / 405
 *   HOMA-B (%)  = 20 × insulin / (glucose (mmol/L) − 3.5)     = 360 × insulin / (glucose (mg/dL) − 63)
 * The mg/dL forms are the mmol/L forms with glucose × 18 (22.5 × 18 = 405, 20 × 18 = 360, 3.5 × 18 = 63).
 *
 * The WHIG model's quasi-steady feedback (de Winter W et al., J Pharmacokinet Pharmacodyn
 * 2006;33:313–343; Choy S et al., CPT Pharmacometrics Syst Pharmacol 2016;5:11–19) keeps Matthews'
 * glucose floor of 3.5 mmol/L with its own scaling of β-cell function B and insulin sensitivity IS
 * (fractions of normal): insulin = 7.8 × B × (glucose − 3.5), and glucose × (glucose − 3.5) = 35.1 / (7.8 × IS × B).
 */

/** HOMA-IR divisor with glucose in mmol/L (Matthews 1985). */
export const HOMA_IR_DIVISOR_MMOL_L = 22.5;
/** HOMA-IR divisor with glucose in mg/dL (Matthews 1985; 22.5 × 18). */
export const HOMA_IR_DIVISOR_MG_DL = 405;
/** HOMA-B (%) factor with glucose in mmol/L (Matthews 1985). */
export const HOMA_B_FACTOR_MMOL_L = 20;
/** HOMA-B glucose offset, mmol/L (Matthews 1985): the glucose at which β-cell secretion is taken to start. */
export const HOMA_B_GLUCOSE_OFFSET_MMOL_L = 3.5;
/** HOMA-B (%) factor with glucose in mg/dL (Matthews 1985; 20 × 18). */
export const HOMA_B_FACTOR_MG_DL = 360;
/** HOMA-B glucose offset, mg/dL (Matthews 1985; 3.5 × 18). */
export const HOMA_B_GLUCOSE_OFFSET_MG_DL = 63;

/** WHIG feedback: fasting insulin, µU/mL, per unit of β-cell function per mmol/L of glucose over the floor (de Winter 2006). */
export const HOMA_FSI_PER_B = 7.8;
/** WHIG feedback: the glucose floor, mmol/L: Matthews' HOMA-B offset. */
export const HOMA_GLUCOSE_FLOOR_MMOL_L = HOMA_B_GLUCOSE_OFFSET_MMOL_L;
/** WHIG feedback: glucose × (glucose − floor) × 7.8 × IS × B at steady state (de Winter 2006). */
export const HOMA_IS_CONSTANT = 35.1;

/** HOMA-IR from fasting glucose, mmol/L, and fasting insulin, µU/mL. */
export const homaIr = (fpgMmolL: number, fsiMicroIuMl: number): number => (fpgMmolL * fsiMicroIuMl) / HOMA_IR_DIVISOR_MMOL_L;
/** HOMA-IR from fasting glucose, mg/dL, and fasting insulin, µU/mL. */
export const homaIrMgDl = (fpgMgDl: number, fsiMicroIuMl: number): number => (fpgMgDl * fsiMicroIuMl) / HOMA_IR_DIVISOR_MG_DL;
/** The fasting insulin, µU/mL, that gives a HOMA-IR at a fasting glucose, mmol/L. */
export const fsiForHomaIr = (homaIrValue: number, fpgMmolL: number): number => (homaIrValue * HOMA_IR_DIVISOR_MMOL_L) / fpgMmolL;
/** HOMA-B, %, from fasting glucose, mmol/L, and fasting insulin, µU/mL. */
export const homaBPercent = (fpgMmolL: number, fsiMicroIuMl: number): number =>
  (HOMA_B_FACTOR_MMOL_L * fsiMicroIuMl) / (fpgMmolL - HOMA_B_GLUCOSE_OFFSET_MMOL_L);
/** HOMA-B, %, from fasting glucose, mg/dL, and fasting insulin, µU/mL. */
export const homaBPercentMgDl = (fpgMgDl: number, fsiMicroIuMl: number): number =>
  (HOMA_B_FACTOR_MG_DL * fsiMicroIuMl) / (fpgMgDl - HOMA_B_GLUCOSE_OFFSET_MG_DL);
/** WHIG β-cell function (fraction of normal) from fasting insulin, µU/mL, at fasting glucose, mmol/L (the inverse of whigFsiMicroIuMl). */
export const whigBetaFromFsi = (fsiMicroIuMl: number, fpgMmolL: number): number =>
  fsiMicroIuMl / (HOMA_FSI_PER_B * (fpgMmolL - HOMA_GLUCOSE_FLOOR_MMOL_L));
