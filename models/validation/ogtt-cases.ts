/**
 * Implementation check of the post-load glucose model (models/physiology/dallaman.ts) against reference
 * vectors: the CC0 SBML of Dalla Man, Rizza & Cobelli 2007 (BioModels BIOMD0000000379) run in SciPy by
 * tools/gen/dallaman-reference.py, stored in dallaman2007-reference.json. The kernel runs the SBML's
 * variant of the equations (SBML_VARIANT) with each case's parameters and initial state.
 */
import reference from './dallaman2007-reference.json' with { type: 'json' };
import type { DallaManState, DallaManSubject } from '../physiology/dallaman-basal.ts';
import { DALLA_MAN_PARAMETER_NAMES, SBML_VARIANT, type DallaManParameters } from '../physiology/dallaman-parameters.ts';
import { simulateEnsemble, type EnsembleCurves } from '../physiology/dallaman.ts';
import type { ValidationCase } from './risk-cases.ts';

export interface ReferenceCase {
  id: string;
  description: string;
  parameters: Record<string, number>;
  initialState: Record<string, number>;
  glucoseMgDl: number[];
  insulinPmolL: number[];
}

export const DALLA_MAN_REFERENCE = reference as { source: string; integrator: string; generated: string; cases: ReferenceCase[] };

/** The SBML's identifiers of the model's parameters and state variables (Fcns is its U_ii). */
const SBML_ID: Record<string, string> = { VG: 'V_G', VI: 'V_I', k1: 'k_1', k2: 'k_2', m1: 'm_1', m2: 'm_2', m4: 'm_4', m5: 'm_5', m6: 'm_6', kmax: 'k_max', kmin: 'k_min', kabs: 'k_abs', kgri: 'k_gri', kp2: 'k_p2', kp3: 'k_p3', kp4: 'k_p4', ki: 'k_i', Fcns: 'U_ii', Vm0: 'V_m0', Vmx: 'V_mX', Km0: 'K_m0', p2U: 'p_2U', ke1: 'k_e1', ke2: 'k_e2', Gp: 'G_p', Gt: 'G_t', Il: 'I_l', Ip: 'I_p', Qsto1: 'Q_sto1', Qsto2: 'Q_sto2', Qgut: 'Q_gut', I1: 'I_1', Id: 'I_d', Ipo: 'I_po' }; // prettier-ignore
const sbml = (name: string): string => SBML_ID[name] ?? name;

/** A reference case as the kernel's subject: the SBML's parameter values and initial state, unchanged. */
export function referenceSubject(c: ReferenceCase): DallaManSubject {
  const value = (rec: Record<string, number>, name: string): number => {
    const v = rec[sbml(name)];
    if (v === undefined) throw new Error(`reference case ${c.id} has no ${sbml(name)}`);
    return v;
  };
  const p = Object.fromEntries(DALLA_MAN_PARAMETER_NAMES.map((k) => [k, value(c.parameters, k)])) as unknown as DallaManParameters;
  const names = ['Gp', 'Gt', 'Il', 'Ip', 'Qsto1', 'Qsto2', 'Qgut', 'I1', 'Id', 'X', 'Ipo', 'Y'];
  const initial = Object.fromEntries(names.map((k) => [k, value(c.initialState, k)])) as DallaManState;
  const q = c.parameters;
  return { p, GbMgDl: q.G_b!, IbPmolL: q.I_b!, SbPmolPerKgMin: q.S_b!, kp1MgPerKgMin: q.k_p1!, bodyWeightKg: q.BW!, doseMg: q.D!, initial };
}

let curves: EnsembleCurves | undefined;
/** All reference cases in one ensemble, RK4 at 0.5 min, 240 minutes. */
export function referenceCurves(): EnsembleCurves {
  curves ??= simulateEnsemble(DALLA_MAN_REFERENCE.cases.map(referenceSubject), 240, SBML_VARIANT);
  return curves;
}

const SOURCE = 'BIOMD0000000379 (Dalla Man 2007 SBML, CC0) in SciPy LSODA: tools/gen/dallaman-reference.py; docs/equations.md §10';

export function ogttValidationCases(): ValidationCase[] {
  const rows: ValidationCase[] = [];
  DALLA_MAN_REFERENCE.cases.forEach((c, i) => {
    for (const minute of [30, 60, 120]) {
      // RK4 at 0.5 min is within 5e-6 mg/dL and 5e-4 pmol/L of the reference (test/unit/physiology/dallaman.test.ts).
      const at = (key: 'glucoseMgDl' | 'insulinPmolL'): number => referenceCurves()[key][i * referenceCurves().points + minute]!;
      rows.push(
        { id: `dallaman-${c.id}-min${minute}-glucose-mgdl`, source: SOURCE, kind: 'reference', expected: c.glucoseMgDl[minute]!, tolerance: 0.001, got: () => at('glucoseMgDl') },
        { id: `dallaman-${c.id}-min${minute}-insulin-pmoll`, source: SOURCE, kind: 'reference', expected: c.insulinPmolL[minute]!, tolerance: 0.01, got: () => at('insulinPmolL') },
      ); // prettier-ignore
    }
  });
  return rows;
}
