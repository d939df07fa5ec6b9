/**
 * How a trial (or a clinic) finds type 2 diabetes: which tests at which visits, their thresholds,
 * each test's within-person variability, and the rule that confirms a high value (docs/cli.md
 * `cohort`, "A trial under its own ascertainment"). A member counts as diagnosed from the visit at
 * which a value over a threshold is confirmed; a confirmation that fails resets, and the member is
 * tested afresh at the next visit.
 *
 * Random numbers: member i's fasting glucose and HbA1c test errors come from the stream (seed,
 * 'visit.tests', i), two draws a test (fasting, then HbA1c), first test then repeat, at every visit
 * and for every member, diagnosed or not, so that scenarios run on the same members see the same
 * errors; its 2-hour glucose errors come from (seed, 'visit.ogtt', i), two draws at every OGTT
 * visit. A trial without a 2-hour criterion or OGTT visits draws exactly what the v1 engine drew.
 */
import { randomStream, type Rng } from '../util/random.ts';
import { MG_DL_PER_MMOL_L } from './members.ts';
import { PRIORS, type Priors } from './priors.ts';

export type Confirmation = 'repeat-same' | 'repeat-any' | 'none';

/**
 * What counts as a diagnosis (docs/cli.md): thresholds (null: not a criterion), visits a year and the
 * confirmation rule. `visitsPerYear` is the v1 name of `fastingVisitsPerYear`.
 */
export interface DiagnosisCriteria {
  fastingGlucoseMgDl: number | null;
  hba1cPercent: number | null;
  twoHourGlucoseMgDl?: number | null;
  /** v1: fasting visits a year (1 or 2). */
  visitsPerYear?: 1 | 2;
  fastingVisitsPerYear?: 0 | 1 | 2;
  /** OGTT visits a year: 0, 0.5 (every two years), 1 or 2. An OGTT visit measures fasting glucose too. */
  ogttVisitsPerYear?: 0 | 0.5 | 1 | 2;
  /** Default 'repeat-any' (v1: any criterion on the first test and any on the repeat). */
  confirmation?: Confirmation;
}

/** The contract's diagnosis: fasting glucose ≥ 126 mg/dL or HbA1c ≥ 6.5 %, twice a year, confirmed by a repeat. */
export const CONTRACT_DIAGNOSIS: DiagnosisCriteria = { fastingGlucoseMgDl: 126, hba1cPercent: 6.5, visitsPerYear: 2 };

/** Criteria a confirmed diagnosis met, as bits. */
export const MET_FASTING = 1;
export const MET_TWO_HOUR = 2;
export const MET_HBA1C = 4;

/** How many confirmed diagnoses met which criteria (docs/cli.md `diagnosedBy`). */
export interface DiagnosedBy {
  fasting: number;
  twoHour: number;
  hba1c: number;
  several: number;
}

/** What the OGTT visits found before confirmation (Christophi 2013 reports these for DPP). */
export interface TriggerCounts {
  /** First tests over a threshold at OGTT visits, by which criteria. */
  fastingOnly: number;
  twoHourOnly: number;
  both: number;
  /** Of those, how many were confirmed. */
  confirmed: number;
}

export interface VisitKind {
  fasting: boolean;
  ogtt: boolean;
}

/** Which tests day `d` (> 0) holds under the criteria: fasting visits at year ends (and mid-year at 2 a year), OGTT visits likewise, every two years at 0.5. */
export function visitOn(d: number, dx: DiagnosisCriteria): VisitKind {
  const f = dx.fastingVisitsPerYear ?? dx.visitsPerYear ?? 2;
  const o = dx.ogttVisitsPerYear ?? 0;
  const yearEnd = d % 365 === 0;
  const midYear = d % 365 === 183;
  const ogtt = (o === 0.5 && d % 730 === 0) || (o >= 1 && yearEnd) || (o === 2 && midYear);
  const fasting = ogtt || (f >= 1 && yearEnd) || (f === 2 && midYear);
  return { fasting, ogtt };
}

/** Today's usual values of every member, as the tests see them before their error. */
export interface UsualValues {
  fpgMmolL: ArrayLike<number>;
  hba1cPercent: ArrayLike<number>;
  /** Usual 2-hour glucose, mg/dL; asked for only at OGTT visits with a 2-hour criterion (NaN for members not run). */
  twoHourMgDl?: () => ArrayLike<number>;
}

export class Ascertainer {
  readonly diagnosed: Uint8Array;
  /** Per member: the criteria (MET_* bits) its confirmed diagnosis met; 0 while undiagnosed. */
  readonly metBy: Uint8Array;
  readonly triggers: TriggerCounts = { fastingOnly: 0, twoHourOnly: 0, both: 0, confirmed: 0 };
  private readonly tests: Rng[];
  private readonly ogttTests: Rng[];
  private readonly fpgLimit: number;
  private readonly a1cLimit: number;
  private readonly twoHourLimit: number;
  private readonly confirmation: Confirmation;

  constructor(
    n: number,
    private readonly dx: DiagnosisCriteria,
    seed: number,
    private readonly priors: Priors = PRIORS,
  ) {
    this.diagnosed = new Uint8Array(n);
    this.metBy = new Uint8Array(n);
    this.tests = Array.from({ length: n }, (_, i) => randomStream(seed, 'visit.tests', i));
    this.ogttTests = Array.from({ length: n }, (_, i) => randomStream(seed, 'visit.ogtt', i));
    this.fpgLimit = dx.fastingGlucoseMgDl === null ? Infinity : dx.fastingGlucoseMgDl / MG_DL_PER_MMOL_L;
    this.a1cLimit = dx.hba1cPercent ?? Infinity;
    this.twoHourLimit = dx.twoHourGlucoseMgDl ?? Infinity;
    this.confirmation = dx.confirmation ?? 'repeat-any';
  }

  /** Whether the criteria ever ask for a 2-hour glucose. */
  get usesTwoHour(): boolean {
    return Number.isFinite(this.twoHourLimit) && (this.dx.ogttVisitsPerYear ?? 0) > 0;
  }

  /** Runs the visit of day `d` if there is one (day 0 only when `baseline`). */
  visitDay(d: number, v: UsualValues, baseline = false): void {
    const kind = d === 0 ? (baseline ? { fasting: true, ogtt: false } : undefined) : visitOn(d, this.dx);
    if (kind && (kind.fasting || kind.ogtt)) this.visit(kind, v);
  }

  /** One visit: every member's first test and, where it is over a threshold, the repeat the rule asks for. */
  visit(kind: VisitKind, v: UsualValues): void {
    const { priors, diagnosed, metBy } = this;
    const cvF = priors.fpgWithinPersonCv;
    const cvA = priors.hba1cWithinPersonCv;
    const cv2 = priors.twoHourWithinPersonCv;
    const twoHour = kind.ogtt && this.usesTwoHour ? v.twoHourMgDl?.() : undefined;
    for (let i = 0; i < diagnosed.length; i++) {
      const t = this.tests[i]!;
      const o = this.ogttTests[i]!;
      // Every draw happens whatever the outcome, so each scenario consumes the streams identically.
      const met = (): number => {
        const zF = t.normal();
        const zA = t.normal();
        const z2 = kind.ogtt ? o.normal() : 0;
        let m = 0;
        if (v.fpgMmolL[i]! * (1 + cvF * zF) >= this.fpgLimit) m |= MET_FASTING;
        if (v.hba1cPercent[i]! * (1 + cvA * zA) >= this.a1cLimit) m |= MET_HBA1C;
        const g2 = twoHour?.[i];
        if (g2 !== undefined && g2 * (1 + cv2 * z2) >= this.twoHourLimit) m |= MET_TWO_HOUR;
        return m;
      };
      const first = met();
      const repeat = met();
      if (diagnosed[i] || !first) continue;
      const confirmedBy =
        this.confirmation === 'none' ? first : this.confirmation === 'repeat-same' ? first & repeat : repeat && first ? repeat : 0;
      if (kind.ogtt && this.usesTwoHour) this.countTrigger(first, confirmedBy !== 0);
      if (confirmedBy) {
        diagnosed[i] = 1;
        metBy[i] = confirmedBy;
      }
    }
  }

  private countTrigger(first: number, confirmed: boolean): void {
    const f = (first & MET_FASTING) !== 0;
    const g = (first & MET_TWO_HOUR) !== 0;
    if (!f && !g) return;
    if (f && g) this.triggers.both++;
    else if (f) this.triggers.fastingOnly++;
    else this.triggers.twoHourOnly++;
    if (confirmed) this.triggers.confirmed++;
  }

  /** Confirmed diagnoses by the criteria they met. */
  diagnosedBy(): DiagnosedBy {
    const out: DiagnosedBy = { fasting: 0, twoHour: 0, hba1c: 0, several: 0 };
    for (const m of this.metBy) {
      if (m === MET_FASTING) out.fasting++;
      else if (m === MET_TWO_HOUR) out.twoHour++;
      else if (m === MET_HBA1C) out.hba1c++;
      else if (m) out.several++;
    }
    return out;
  }
}
