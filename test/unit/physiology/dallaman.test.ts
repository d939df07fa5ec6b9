import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  basalHepaticExtraction,
  dallaManSubject,
  DALLA_MAN_STATE,
  type DallaManSubject,
} from '../../../models/physiology/dallaman-basal.ts';
import {
  DALLA_MAN_NORMAL,
  DALLA_MAN_PARAMETER_NAMES,
  DALLA_MAN_T2D,
  PAPER_VARIANT,
  SBML_VARIANT,
  type DallaManParameters,
} from '../../../models/physiology/dallaman-parameters.ts';
import { dallaManDerivatives, simulateReference } from '../../../models/physiology/dallaman-reference.ts';
import { DallaManEnsemble, simulateEnsemble } from '../../../models/physiology/dallaman.ts';
import { DALLA_MAN_REFERENCE, referenceCurves, referenceSubject } from '../../../models/validation/ogtt-cases.ts';

const fasting = (g: number, i: number, doseG = 75, bodyWeightKg = 80) => ({
  fastingGlucoseMgDl: g,
  fastingInsulinPmolL: i,
  bodyWeightKg,
  doseG,
});

describe('Dalla Man 2007 model against the SBML run in SciPy (docs/equations.md §10.4)', () => {
  it('the fixture holds the SBML example as published (Gb 95, Ib 25, BW 78 kg, D 78 g) and two pinned fasting states', () => {
    const [example] = DALLA_MAN_REFERENCE.cases;
    expect(DALLA_MAN_REFERENCE.cases.map((c) => c.id)).toEqual(['sbml-example', 'sbml-normal-gb106-ib100', 'sbml-t2d-gb160-ib60']);
    expect(example!.parameters).toMatchObject({ G_b: 95, I_b: 25, BW: 78, D: 78000, k_p1: 2.7, S_b: 1.8, part: 0.2 });
    for (const c of DALLA_MAN_REFERENCE.cases) expect(c.glucoseMgDl).toHaveLength(241);
  });

  it('the vectorized kernel, SBML variant, follows every reference curve each minute for 4 hours', () => {
    const curves = referenceCurves();
    DALLA_MAN_REFERENCE.cases.forEach((c, i) => {
      for (let m = 0; m <= 240; m++) {
        expect(Math.abs(curves.glucoseMgDl[i * curves.points + m]! - c.glucoseMgDl[m]!)).toBeLessThan(1e-4);
        expect(Math.abs(curves.insulinPmolL[i * curves.points + m]! - c.insulinPmolL[m]!)).toBeLessThan(2e-3);
      }
    });
  });

  it('the reference implementation follows them too, and converges on them as the step shrinks', () => {
    const c = DALLA_MAN_REFERENCE.cases[1]!;
    const err = (stepsPerMinute: number): number => {
      const r = simulateReference(referenceSubject(c), 120, SBML_VARIANT, stepsPerMinute);
      return Math.max(...r.glucoseMgDl.map((g, m) => Math.abs(g - c.glucoseMgDl[m]!)));
    };
    const [e1, e2, e4] = [err(1), err(2), err(4)];
    expect(e2).toBeLessThan(1e-4);
    // Fourth order: halving the step divides the error by about 16.
    expect(e1 / e2).toBeGreaterThan(8);
    expect(e2 / e4).toBeGreaterThan(8);
  });

  it('the basal solver gives the fixture’s independently solved fasting states (SBML variant)', () => {
    for (const c of DALLA_MAN_REFERENCE.cases.slice(1)) {
      const ref = referenceSubject(c);
      const q = c.parameters;
      const s = dallaManSubject(ref.p, fasting(q.G_b!, q.I_b!, q.D! / 1000, q.BW!), SBML_VARIANT);
      expect(s.SbPmolPerKgMin).toBeCloseTo(ref.SbPmolPerKgMin, 9);
      expect(s.kp1MgPerKgMin).toBeCloseTo(ref.kp1MgPerKgMin, 9);
      for (const k of DALLA_MAN_STATE) expect(s.initial[k]).toBeCloseTo(ref.initial[k], 7);
    }
  });
});

describe('Dalla Man 2007 model, the paper’s equations', () => {
  const cases: [string, DallaManParameters, number, number][] = [
    ['normal, Gb 95, Ib 25', DALLA_MAN_NORMAL, 95, 25],
    ['normal, Gb 106, Ib 100', DALLA_MAN_NORMAL, 106, 100],
    ['T2D, Gb 160, Ib 60', DALLA_MAN_T2D, 160, 60],
    // Gpb = 250 · 1.49 = 372.5 mg/kg is above ke2 = 269: renal excretion runs in the fasting state.
    ['T2D, Gb 250, Ib 90 (renal excretion at baseline)', DALLA_MAN_T2D, 250, 90],
  ];

  it.each(cases)('%s: without a dose, every rate is zero and the state stays fasting for 2 hours', (_, p, g, i) => {
    const s = dallaManSubject(p, fasting(g, i, 0), PAPER_VARIANT);
    const d = dallaManDerivatives(s, s.initial, PAPER_VARIANT);
    for (const k of DALLA_MAN_STATE) expect(Math.abs(d[k])).toBeLessThan(1e-12);
    const r = simulateEnsemble([s], 120);
    for (let m = 0; m <= 120; m++) {
      expect(Math.abs(r.glucoseMgDl[m]! - g)).toBeLessThan(1e-9);
      expect(Math.abs(r.insulinPmolL[m]! - i)).toBeLessThan(1e-9);
    }
  });

  it('the normal set’s basal hepatic extraction is the paper’s 0.6 at the SBML example’s fasting state', () => {
    expect(basalHepaticExtraction(dallaManSubject(DALLA_MAN_NORMAL, fasting(95, 25), PAPER_VARIANT))).toBeCloseTo(0.6, 2);
  });

  it('the vectorized kernel is the reference implementation, member by member, to 1e-9', () => {
    const perturbed = (scale: number[]): DallaManParameters =>
      Object.fromEntries(
        DALLA_MAN_PARAMETER_NAMES.map((k, j) => [k, DALLA_MAN_NORMAL[k] * (scale[j % scale.length] ?? 1)]),
      ) as unknown as DallaManParameters;
    const subjects: DallaManSubject[] = cases.map(([, p, g, i]) => dallaManSubject(p, fasting(g, i), PAPER_VARIANT));
    subjects.push(dallaManSubject(perturbed([1, 0.9, 1.1, 1.05]), fasting(100, 60, 50, 95), PAPER_VARIANT));
    const e = simulateEnsemble(subjects, 120);
    subjects.forEach((s, i) => {
      const r = simulateReference(s, 120, PAPER_VARIANT);
      for (let m = 0; m <= 120; m++) {
        expect(Math.abs(e.glucoseMgDl[i * e.points + m]! - r.glucoseMgDl[m]!)).toBeLessThan(1e-9);
        expect(Math.abs(e.insulinPmolL[i * e.points + m]! - r.insulinPmolL[m]!)).toBeLessThan(1e-9);
      }
    });
  });

  it('the two differ from the SBML variant where the paper does (switch, renal term, utilisation factor)', () => {
    const s = dallaManSubject(DALLA_MAN_NORMAL, fasting(106, 100), PAPER_VARIANT);
    const paper = simulateReference(s, 120, PAPER_VARIANT);
    const sbml = simulateReference(s, 120, SBML_VARIANT);
    expect(Math.abs(paper.glucoseMgDl[60]! - sbml.glucoseMgDl[60]!)).toBeGreaterThan(1);
  });

  it('for any fasting state and parameters around the normal set, the ensemble agrees with the reference and starts at the fasting state', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 70, max: 200, noNaN: true }),
        fc.double({ min: 10, max: 300, noNaN: true }),
        fc.double({ min: 0.3, max: 2, noNaN: true }),
        fc.double({ min: 0.3, max: 2, noNaN: true }),
        (g, i, vmx, beta) => {
          const p = {
            ...DALLA_MAN_NORMAL,
            Vmx: DALLA_MAN_NORMAL.Vmx * vmx,
            beta: DALLA_MAN_NORMAL.beta * beta,
            K: DALLA_MAN_NORMAL.K * beta,
          };
          const s = dallaManSubject(p, fasting(g, i), PAPER_VARIANT);
          const e = new DallaManEnsemble([s]);
          expect(Math.abs(e.glucoseMgDl(0) - g)).toBeLessThan(1e-12 * g);
          expect(Math.abs(e.insulinPmolL(0) - i)).toBeLessThan(1e-12 * i);
          const r = simulateReference(s, 60, PAPER_VARIANT);
          const v = simulateEnsemble([s], 60);
          for (const m of [30, 60]) expect(Math.abs(v.glucoseMgDl[m]! - r.glucoseMgDl[m]!)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('the 2-hour glucose rises as peripheral sensitivity or secretion falls, and is higher on the T2D set', () => {
    const g120 = (p: DallaManParameters, g = 106, i = 100): number =>
      simulateEnsemble([dallaManSubject(p, fasting(g, i), PAPER_VARIANT)], 120).glucoseMgDl[120]!;
    const base = g120(DALLA_MAN_NORMAL);
    expect(g120({ ...DALLA_MAN_NORMAL, Vmx: DALLA_MAN_NORMAL.Vmx / 2 })).toBeGreaterThan(base + 10);
    expect(g120({ ...DALLA_MAN_NORMAL, beta: DALLA_MAN_NORMAL.beta / 2, K: DALLA_MAN_NORMAL.K / 2 })).toBeGreaterThan(base + 10);
    expect(g120(DALLA_MAN_T2D, 160, 60)).toBeGreaterThan(200);
  });
});
