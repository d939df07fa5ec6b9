/**
 * Parameters of the Dalla Man–Rizza–Cobelli meal model of the glucose–insulin system.
 *
 * Source: Dalla Man C, Rizza RA, Cobelli C. Meal simulation model of the glucose-insulin system.
 * IEEE Trans Biomed Eng 2007;54(10):1740–1749. Normal set: as encoded in BioModels BIOMD0000000379
 * (CC0; a copy with its licence in docs/reference/dallaman2007/). T2D set: the paper's table as two
 * independent public transcriptions give it, identical (docs/equations.md §10.3); the paper's own table
 * was not available to read. Absorption (kmax, kmin, kabs, kgri, f, b, d): the published mixed-meal set; the OGTT-specific
 * set (Dalla Man, Camilleri, Cobelli, IEEE Trans Biomed Eng 2006;53:2472) could not be read.
 *
 * Keys are the paper's symbols so the code reads like its equations; units are in DALLA_MAN_UNITS.
 * kp1 and the basal hepatic extraction HEb are not parameters here: both follow from the fasting state
 * (dallaman-basal.ts), which is pinned exactly to the person's fasting glucose and insulin.
 */

/** The model's parameters (units: DALLA_MAN_UNITS). */
export interface DallaManParameters {
  VG: number;
  k1: number;
  k2: number;
  VI: number;
  m1: number;
  m2: number;
  m4: number;
  m5: number;
  m6: number;
  kmax: number;
  kmin: number;
  kabs: number;
  kgri: number;
  f: number;
  b: number;
  d: number;
  kp2: number;
  kp3: number;
  kp4: number;
  ki: number;
  Fcns: number;
  Vm0: number;
  Vmx: number;
  Km0: number;
  p2U: number;
  K: number;
  alpha: number;
  beta: number;
  gamma: number;
  ke1: number;
  ke2: number;
}

export type DallaManParameterName = keyof DallaManParameters;

export const DALLA_MAN_UNITS: Record<DallaManParameterName, string> = {
  VG: 'dL/kg',
  k1: '1/min',
  k2: '1/min',
  VI: 'L/kg',
  m1: '1/min',
  m2: '1/min',
  m4: '1/min',
  m5: 'min·kg/pmol',
  m6: 'dimensionless',
  kmax: '1/min',
  kmin: '1/min',
  kabs: '1/min',
  kgri: '1/min',
  f: 'dimensionless',
  b: 'dimensionless',
  d: 'dimensionless',
  kp2: '1/min',
  kp3: 'mg/kg/min per pmol/L',
  kp4: 'mg/kg/min per pmol/kg',
  ki: '1/min',
  Fcns: 'mg/kg/min',
  Vm0: 'mg/kg/min',
  Vmx: 'mg/kg/min per pmol/L',
  Km0: 'mg/kg',
  p2U: '1/min',
  K: 'pmol/kg per mg/dL',
  alpha: '1/min',
  beta: 'pmol/kg/min per mg/dL',
  gamma: '1/min',
  ke1: '1/min',
  ke2: 'mg/kg',
};

export const DALLA_MAN_PARAMETER_NAMES = Object.keys(DALLA_MAN_UNITS) as DallaManParameterName[];

/** Normal subjects: BioModels BIOMD0000000379's values (Fcns is its U_ii). */
export const DALLA_MAN_NORMAL: Readonly<DallaManParameters> = Object.freeze({
  VG: 1.88,
  k1: 0.065,
  k2: 0.079,
  VI: 0.05,
  m1: 0.19,
  m2: 0.484,
  m4: 0.194,
  m5: 0.0304,
  m6: 0.6471,
  kmax: 0.0558,
  kmin: 0.008,
  kabs: 0.057,
  kgri: 0.0558,
  f: 0.9,
  b: 0.82,
  d: 0.01,
  kp2: 0.0021,
  kp3: 0.009,
  kp4: 0.0618,
  ki: 0.0079,
  Fcns: 1,
  Vm0: 2.5,
  Vmx: 0.047,
  Km0: 225.59,
  p2U: 0.0331,
  K: 2.3,
  alpha: 0.05,
  beta: 0.11,
  gamma: 0.5,
  ke1: 0.0005,
  ke2: 339,
});

/** Type 2 diabetes: the paper's table as two public transcriptions give it (docs/equations.md §10.3). */
export const DALLA_MAN_T2D: Readonly<DallaManParameters> = Object.freeze({
  VG: 1.49,
  k1: 0.042,
  k2: 0.071,
  VI: 0.04,
  m1: 0.379,
  m2: 0.673,
  m4: 0.269,
  m5: 0.0526,
  m6: 0.8118,
  kmax: 0.0465,
  kmin: 0.0076,
  kabs: 0.023,
  kgri: 0.0465,
  f: 0.9,
  b: 0.68,
  d: 0.09,
  kp2: 0.0007,
  kp3: 0.005,
  kp4: 0.0786,
  ki: 0.0066,
  Fcns: 1,
  Vm0: 4.65,
  Vmx: 0.034,
  Km0: 466.21,
  p2U: 0.084,
  K: 0.99,
  alpha: 0.013,
  beta: 0.05,
  gamma: 0.5,
  ke1: 0.0007,
  ke2: 269,
});

/**
 * Where the model is taken from: the paper's equations, or the BioModels SBML's simplification of them,
 * which has no switch on the dynamic secretion (it adds K·dG/dt whatever its sign), no renal excretion,
 * no floor on EGP or on the static secretion's fall, and scales insulin-dependent utilisation by
 * (1 − part), part = 0.2. The SBML variant exists to check this code against the SBML run elsewhere.
 */
export interface DallaManVariant {
  /** Dynamic secretion K·dG/dt only while glucose rises (paper); always (SBML). */
  dynamicSecretionOnlyRising: boolean;
  /** Renal excretion ke1·(Gp − ke2) above the threshold (paper); none (SBML). */
  renalExcretion: boolean;
  /** EGP floored at 0 and Y's fall bounded by −Sb (paper); neither (SBML). */
  floors: boolean;
  /** Factor on insulin-dependent utilisation: 1 (paper), 1 − part = 0.8 (SBML). */
  utilisationScale: number;
}

export const PAPER_VARIANT: Readonly<DallaManVariant> = Object.freeze({
  dynamicSecretionOnlyRising: true,
  renalExcretion: true,
  floors: true,
  utilisationScale: 1,
});

/** BIOMD0000000379's part = 0.2. */
export const SBML_VARIANT: Readonly<DallaManVariant> = Object.freeze({
  dynamicSecretionOnlyRising: false,
  renalExcretion: false,
  floors: false,
  utilisationScale: 0.8,
});
