/**
 * The fasting (basal) state of the Dalla Man–Rizza–Cobelli 2007 model (IEEE Trans Biomed Eng
 * 54:1740–1749), solved so that the ODE sits exactly at steady state at the person's fasting glucose Gb
 * and insulin Ib (docs/equations.md §10.2). Given Gb and Ib:
 *  - insulin: Ipb = Ib·VI; Ilb = (m2 + m4)·Ipb/m1 (steady Ip); Sb from the steady Il,
 *    (m1 + m3b)·Ilb = m2·Ipb + Sb with m3b = HEb·m1/(1 − HEb) and HEb = m6 − m5·Sb, a quadratic in Sb
 *    (so HEb is an output, ≈ the paper's 0.6 for the normal set at Gb 95, Ib 25);
 *  - glucose: Gpb = Gb·VG; Gtb from u·Vm0·Gt/(Km0 + Gt) = k1·Gpb − k2·Gt (u = the variant's
 *    utilisation factor); EGPb = Fcns + Uidb + Eb; kp1 = EGPb + kp2·Gpb + kp3·Ib + kp4·Ipob, Ipob = Sb/γ;
 *  - X = Y = 0, I1 = Id = Ib, and the dose D (mg) in the first stomach compartment.
 * Units: mg/kg, pmol/kg, mg/dL, pmol/L, min.
 */
import type { DallaManParameters, DallaManVariant } from './dallaman-parameters.ts';

/** State variables in the order the kernels store them. */
export const DALLA_MAN_STATE = ['Gp', 'Gt', 'Il', 'Ip', 'Qsto1', 'Qsto2', 'Qgut', 'I1', 'Id', 'X', 'Ipo', 'Y'] as const;
export type DallaManStateName = (typeof DALLA_MAN_STATE)[number];
/** Gp, Gt mg/kg; Il, Ip, Ipo pmol/kg; Qsto1, Qsto2, Qgut mg; I1, Id, X pmol/L; Y pmol/kg/min. */
export type DallaManState = Record<DallaManStateName, number>;

/** One subject: parameters, the constants its basal state fixes, and where it starts. */
export interface DallaManSubject {
  p: DallaManParameters;
  /** Basal glucose h = Gb, mg/dL (the static secretion's threshold). */
  GbMgDl: number;
  /** Basal insulin, pmol/L (X's reference). */
  IbPmolL: number;
  /** Basal secretion, pmol/kg/min. */
  SbPmolPerKgMin: number;
  /** EGP at zero glucose and insulin, mg/kg/min. */
  kp1MgPerKgMin: number;
  bodyWeightKg: number;
  /** Glucose dose, mg (the initial Qsto1). */
  doseMg: number;
  initial: DallaManState;
}

export interface DallaManFastingState {
  fastingGlucoseMgDl: number;
  fastingInsulinPmolL: number;
  bodyWeightKg: number;
  doseG: number;
}

/** The positive root of a·x² + b·x + c = 0 (a > 0, c < 0), computed without cancellation. */
function positiveRoot(a: number, b: number, c: number): number {
  const q = -0.5 * (b + Math.sign(b || 1) * Math.sqrt(b * b - 4 * a * c));
  const r1 = q / a;
  const r2 = c / q;
  return r1 > 0 ? r1 : r2;
}

/** The subject whose fasting state is exactly (Gb, Ib), with the dose waiting in the stomach. */
export function dallaManSubject(p: DallaManParameters, s: DallaManFastingState, variant: DallaManVariant): DallaManSubject {
  const Gb = s.fastingGlucoseMgDl;
  const Ib = s.fastingInsulinPmolL;
  const Ipb = Ib * p.VI;
  const Ilb = ((p.m2 + p.m4) * Ipb) / p.m1;
  // (Sb + m2·Ipb)·(1 − m6 + m5·Sb) = m1·Ilb
  const Sb = positiveRoot(p.m5, 1 - p.m6 + p.m5 * p.m2 * Ipb, p.m2 * Ipb * (1 - p.m6) - p.m1 * Ilb);
  const Gpb = Gb * p.VG;
  const vm = variant.utilisationScale * p.Vm0;
  // vm·Gt/(Km0 + Gt) = k1·Gpb − k2·Gt  ⇔  k2·Gt² + (vm + k2·Km0 − k1·Gpb)·Gt − k1·Gpb·Km0 = 0
  const Gtb = positiveRoot(p.k2, vm + p.k2 * p.Km0 - p.k1 * Gpb, -p.k1 * Gpb * p.Km0);
  const Eb = variant.renalExcretion && Gpb > p.ke2 ? p.ke1 * (Gpb - p.ke2) : 0;
  const EGPb = p.Fcns + (vm * Gtb) / (p.Km0 + Gtb) + Eb;
  const Ipob = Sb / p.gamma;
  const doseMg = s.doseG * 1000;
  return {
    p,
    GbMgDl: Gb,
    IbPmolL: Ib,
    SbPmolPerKgMin: Sb,
    kp1MgPerKgMin: EGPb + p.kp2 * Gpb + p.kp3 * Ib + p.kp4 * Ipob,
    bodyWeightKg: s.bodyWeightKg,
    doseMg,
    initial: { Gp: Gpb, Gt: Gtb, Il: Ilb, Ip: Ipb, Qsto1: doseMg, Qsto2: 0, Qgut: 0, I1: Ib, Id: Ib, X: 0, Ipo: Ipob, Y: 0 },
  };
}

/** Basal hepatic insulin extraction implied by the fasting state (the paper's HEb is 0.6). */
export function basalHepaticExtraction(subject: DallaManSubject): number {
  return subject.p.m6 - subject.p.m5 * subject.SbPmolPerKgMin;
}
