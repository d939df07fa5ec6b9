/**
 * Readable scalar reference of the Dalla Man–Rizza–Cobelli 2007 meal model (Dalla Man C, Rizza RA,
 * Cobelli C, IEEE Trans Biomed Eng 2007;54(10):1740–1749; SBML: BioModels BIOMD0000000379, CC0). The
 * equations are written once here, one per line as in docs/equations.md §10.1, on named state fields;
 * the vectorized kernel (dallaman.ts) is checked against this file, and both against reference vectors
 * from the SBML run in SciPy (models/validation/dallaman2007-reference.json).
 * Units: mg/kg, pmol/kg, mg/dL, pmol/L, mg (stomach and gut), min.
 */
import { DALLA_MAN_STATE, type DallaManState, type DallaManSubject } from './dallaman-basal.ts';
import type { DallaManVariant } from './dallaman-parameters.ts';

/** Rate of gastric emptying, 1/min: fast while the stomach is full and nearly empty, slow in between. */
export function gastricEmptyingPerMin(s: DallaManSubject, Qsto: number): number {
  const { kmax, kmin, b, d } = s.p;
  const D = s.doseMg;
  if (!(D > 0)) return kmax; // no dose: the stomach is empty and the rate never used
  const a = 5 / (2 * D * (1 - b));
  const c = 5 / (2 * D * d);
  return kmin + ((kmax - kmin) / 2) * (Math.tanh(a * (Qsto - b * D)) - Math.tanh(c * (Qsto - d * D)) + 2);
}

/** The time derivative of every state variable, per minute. */
export function dallaManDerivatives(s: DallaManSubject, x: DallaManState, v: DallaManVariant): DallaManState {
  const p = s.p;
  const G = x.Gp / p.VG; // plasma glucose, mg/dL
  const I = x.Ip / p.VI; // plasma insulin, pmol/L

  // Endogenous glucose production, mg/kg/min
  const egpRaw = s.kp1MgPerKgMin - p.kp2 * x.Gp - p.kp3 * x.Id - p.kp4 * x.Ipo;
  const EGP = v.floors ? Math.max(0, egpRaw) : egpRaw;
  // Glucose rate of appearance from the gut, mg/kg/min
  const kempt = gastricEmptyingPerMin(s, x.Qsto1 + x.Qsto2);
  const Ra = (p.f * p.kabs * x.Qgut) / s.bodyWeightKg;
  // Utilisation: insulin-independent (brain) and insulin-dependent (muscle, fat), mg/kg/min
  const Uii = p.Fcns;
  const Uid = (v.utilisationScale * (p.Vm0 + p.Vmx * x.X) * x.Gt) / (p.Km0 + x.Gt);
  // Renal excretion, mg/kg/min
  const E = v.renalExcretion && x.Gp > p.ke2 ? p.ke1 * (x.Gp - p.ke2) : 0;

  const dGp = EGP + Ra - Uii - E - p.k1 * x.Gp + p.k2 * x.Gt;
  const dGt = -Uid + p.k1 * x.Gp - p.k2 * x.Gt;
  const dGdt = dGp / p.VG; // mg/dL/min

  // Secretion S (pmol/kg/min) and hepatic extraction HE
  const S = p.gamma * x.Ipo;
  const HE = -p.m5 * S + p.m6;
  const m3 = (HE * p.m1) / (1 - HE);
  const Sb = s.SbPmolPerKgMin;
  const dynamic = !v.dynamicSecretionOnlyRising || dGdt > 0 ? p.K * dGdt : 0;
  const Spo = x.Y + dynamic + Sb;
  const staticTarget = p.beta * (G - s.GbMgDl);
  const dY = v.floors && staticTarget < -Sb ? -p.alpha * x.Y - p.alpha * Sb : -p.alpha * (x.Y - staticTarget);

  return {
    Gp: dGp,
    Gt: dGt,
    Il: -(p.m1 + m3) * x.Il + p.m2 * x.Ip + S,
    Ip: -(p.m2 + p.m4) * x.Ip + p.m1 * x.Il,
    Qsto1: -p.kgri * x.Qsto1,
    Qsto2: -kempt * x.Qsto2 + p.kgri * x.Qsto1,
    Qgut: -p.kabs * x.Qgut + kempt * x.Qsto2,
    I1: -p.ki * (x.I1 - I),
    Id: -p.ki * (x.Id - x.I1),
    X: -p.p2U * x.X + p.p2U * (I - s.IbPmolL),
    Ipo: -p.gamma * x.Ipo + Spo,
    Y: dY,
  };
}

function axpy(x: DallaManState, a: number, dx: DallaManState): DallaManState {
  const out = {} as DallaManState;
  for (const k of DALLA_MAN_STATE) out[k] = x[k] + a * dx[k];
  return out;
}

/** One classical RK4 step of `dtMin` minutes. */
export function rk4StepReference(s: DallaManSubject, x: DallaManState, dtMin: number, v: DallaManVariant): DallaManState {
  const k1 = dallaManDerivatives(s, x, v);
  const k2 = dallaManDerivatives(s, axpy(x, dtMin / 2, k1), v);
  const k3 = dallaManDerivatives(s, axpy(x, dtMin / 2, k2), v);
  const k4 = dallaManDerivatives(s, axpy(x, dtMin, k3), v);
  const out = {} as DallaManState;
  for (const k of DALLA_MAN_STATE) out[k] = x[k] + (dtMin / 6) * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]);
  return out;
}

export interface GlucoseInsulinCurve {
  glucoseMgDl: number[];
  insulinPmolL: number[];
}

/** Plasma glucose and insulin each whole minute from 0 to `minutes`, RK4 at `stepsPerMinute` steps a minute. */
export function simulateReference(s: DallaManSubject, minutes: number, v: DallaManVariant, stepsPerMinute = 2): GlucoseInsulinCurve {
  const out: GlucoseInsulinCurve = { glucoseMgDl: [], insulinPmolL: [] };
  let x = { ...s.initial };
  const record = (): void => {
    out.glucoseMgDl.push(x.Gp / s.p.VG);
    out.insulinPmolL.push(x.Ip / s.p.VI);
  };
  record();
  for (let m = 0; m < minutes; m++) {
    for (let j = 0; j < stepsPerMinute; j++) x = rk4StepReference(s, x, 1 / stepsPerMinute, v);
    record();
  }
  return out;
}
