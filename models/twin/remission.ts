/**
 * Remission of type 2 diabetes, assessed per ensemble member (issue 20; design:
 * docs/research/type2-twin-design.md §3). One parameterised criterion serves the person's forecast
 * and each trial's own definition:
 * - the person's forecast: the 2021 consensus, "a return of HbA1c to < 6.5 % (< 48 mmol/mol) …
 *   persisting for at least 3 months in the absence of usual glucose-lowering pharmacotherapy"
 *   (Riddle MC et al., Consensus report: definition and interpretation of remission in type 2
 *   diabetes, Diabetes Care 2021;44:2438, and Diabetologia 2021;64:2359): HbA1c below 6.5 % on every
 *   day of the last 90, all of them off drugs;
 * - DiRECT: HbA1c < 6.5 % after at least 2 months off all antidiabetic drugs, assessed at 12 and 24
 *   months (Lean MEJ et al., Lancet 2018;391:541; Lancet Diabetes Endocrinol 2019;7:344);
 * - Look AHEAD: fasting glucose < 126 mg/dL and HbA1c < 6.5 % with no glucose-lowering drug, at the
 *   annual visit (Gregg EW et al., JAMA 2012;308:2489). The minimum time off drugs is not given
 *   there: none is assumed.
 *
 * The tracker is fed one day at a time inside the ensemble loop (no daily trace is kept); trials that
 * measure with test noise pass measured values at the assessment. `remissionFromTrace` is the
 * reference implementation the tracker is tested against.
 */

export interface RemissionCriteria {
  /** HbA1c must be below this (%). */
  hba1cBelowPercent: number;
  /** Fasting glucose must also be below this (mg/dL), or null when not part of the definition. */
  fpgBelowMgDl: number | null;
  /** Days off every glucose-lowering drug at the assessment, at least. */
  offDrugsDays: number;
  /** Days the HbA1c must have stayed below the threshold, off drugs, up to the assessment (0: that day only). */
  sustainedDays: number;
}

/** The 2021 ADA/EASD/Diabetes UK consensus, as the person's forecast reports it. */
export const CONSENSUS_2021: RemissionCriteria = { hba1cBelowPercent: 6.5, fpgBelowMgDl: null, offDrugsDays: 90, sustainedDays: 90 };
/** DiRECT's definition (at least 2 months off drugs). */
export const DIRECT_2018: RemissionCriteria = { hba1cBelowPercent: 6.5, fpgBelowMgDl: null, offDrugsDays: 60, sustainedDays: 0 };
/** Look AHEAD's "any remission" (Gregg 2012): no minimum time off drugs is given; none is assumed. */
export const LOOK_AHEAD_2012: RemissionCriteria = { hba1cBelowPercent: 6.5, fpgBelowMgDl: 126, offDrugsDays: 0, sustainedDays: 0 };

/** One day of one member: its HbA1c (%), fasting glucose (mg/dL) and whether it took a glucose-lowering drug. */
export interface RemissionDay {
  hba1cPercent: number;
  fpgMgDl: number;
  onDrug: boolean;
}

/**
 * Running counters per member: days in a row off drugs, and days in a row with HbA1c below the
 * threshold off drugs. Feed each member's day with `day`, then ask `meets` at an assessment.
 */
export class RemissionTracker {
  private readonly offDrugRun: Uint32Array;
  private readonly belowRun: Uint32Array;

  constructor(
    readonly members: number,
    readonly criteria: RemissionCriteria,
  ) {
    this.offDrugRun = new Uint32Array(members);
    this.belowRun = new Uint32Array(members);
  }

  /** Member `i`'s next day. */
  day(i: number, hba1cPercent: number, onDrug: boolean): void {
    if (onDrug) {
      this.offDrugRun[i] = 0;
      this.belowRun[i] = 0;
      return;
    }
    this.offDrugRun[i]! += 1;
    this.belowRun[i] = hba1cPercent < this.criteria.hba1cBelowPercent ? this.belowRun[i]! + 1 : 0;
  }

  /**
   * Whether member `i` is in remission on the day last fed. The values tested are the day's own, or
   * measured ones (with test noise) where a trial measured them; the run of days below the threshold
   * is the member's usual HbA1c.
   */
  meets(i: number, testedHba1cPercent: number, testedFpgMgDl: number): boolean {
    const c = this.criteria;
    // Off drugs today (a run of at least one day) and for as long as the definition asks.
    if (this.offDrugRun[i]! < Math.max(c.offDrugsDays, 1)) return false;
    if (this.belowRun[i]! < c.sustainedDays) return false;
    return testsBelow(c, testedHba1cPercent, testedFpgMgDl);
  }
}

function testsBelow(c: RemissionCriteria, hba1cPercent: number, fpgMgDl: number): boolean {
  return hba1cPercent < c.hba1cBelowPercent && (c.fpgBelowMgDl === null || fpgMgDl < c.fpgBelowMgDl);
}

/**
 * Reference: whether a member whose days are `trace` (day 0 first) is in remission on day `t`,
 * judged on that day's own values. Reads the trace backwards; for tests.
 */
export function remissionFromTrace(trace: readonly RemissionDay[], c: RemissionCriteria, t: number): boolean {
  const today = trace[t]!;
  if (today.onDrug) return false;
  let off = 0;
  for (let d = t; d >= 0 && !trace[d]!.onDrug; d--) off++;
  if (off < c.offDrugsDays) return false;
  for (let d = t; d > t - c.sustainedDays; d--)
    if (d < 0 || trace[d]!.onDrug || !(trace[d]!.hba1cPercent < c.hba1cBelowPercent)) return false;
  return testsBelow(c, today.hba1cPercent, today.fpgMgDl);
}
