/**
 * The person's own progression prior. The population prior of β-cell decline (priors.ts) is
 * calibrated to the DPP placebo arm: adults selected for impaired glucose tolerance, who progress
 * far faster than most people. Applied to everyone it gives a lean 45-year-old with a fasting glucose
 * of 90 mg/dL a 43 % ten-year diabetes probability, where QDiabetes-2018 gives 0.9 %.
 *
 * So a person's twin starts from the person's own published risk: the population's distribution of
 * decline rates (mean and SD together) is scaled by one factor, so that the twin's prior ensemble,
 * under no change, reaches the person's QDiabetes-2018 10-year risk (Hippisley-Cox & Coupland, BMJ
 * 2017;359:j5019; the model the profile allows: B with fasting glucose, C with HbA1c, else A). A
 * lower-risk person's β-cells decline more slowly and more alike, never on average improve (which
 * shifting the mean alone required: the median fasting glucose then fell with age). The physiology
 * and the interventions stay the twin's own; the person's data then update the decline rate from
 * this prior (calibrate.ts).
 * Where QDiabetes cannot score the person (age outside 25-84, inputs out of range), the population
 * prior stays, and the caller says so.
 *
 * Both sides are new cases: the twin's members already over a threshold today are left out, as
 * QDiabetes leaves out people with diabetes. QDiabetes counts diagnoses recorded in primary care; the
 * twin counts a member once its own usual fasting glucose or HbA1c crosses a threshold (engine.ts,
 * outcome 'state'). Near the thresholds even the slowest progression can stay above QDiabetes' risk,
 * because weight drift and the spread of insulin sensitivity's response to weight carry some members
 * over (a lean 35-year-old with a fasting glucose of 110 mg/dL: QDiabetes 2.6 %, the twin at least
 * 8.8 %); the anchor then keeps the slowest progression and says so (`warning`).
 */
import type { RiskProfile } from '../risk/profile.ts';
import { qdiabetesTenYear } from './cross-check.ts';
import type { VirtualPerson } from './members.ts';
import type { TwinNote } from './notes.ts';
import { PRIORS, type Priors } from './priors.ts';
import { ensembleFor, newDiagnosisProbability, simulateMembers } from './simulate.ts';

/** What a forecast reports of its progression prior. */
export interface ProgressionPrior {
  source: string;
  target10yPercent: number;
  twin10yPercent: number;
  factor: number;
}

/** `warning` and `reason` in English (the CLI's and logs'); `note` the same as data, for the app to word. */
export type ProgressionAnchor =
  | {
      ok: true;
      priors: Priors;
      factor: number;
      source: string;
      target10yPercent: number;
      twin10yPercent: number;
      warning?: string;
      note?: TwinNote;
    }
  | { ok: false; priors: Priors; reason: string; note: TwinNote };

/** Search range of the factor on the population's decline rates (1 = the DPP placebo population's). */
const K_MIN = 0.02;
const K_MAX = 4;
/**
 * Ensemble of the search, with common random numbers across steps. The probability rises with the
 * factor for nearly every member, but not exactly (members with a negative rate improve faster as
 * it grows), so the bisection finds a crossing, not necessarily the only one.
 */
const ANCHOR_MEMBERS = 400;
const ANCHOR_SEED = 11;
const STEPS = 12;

/** Priors with the population's decline rates (mean and SD) scaled by `k`. */
const scaled = (priors: Priors, k: number): Priors => ({
  ...priors,
  rbMeanPerYear: k * priors.rbMeanPerYear,
  rbSdPerYear: k * priors.rbSdPerYear,
});

/** The twin's 10-year probability of a new diagnosis, %, for a prior ensemble with decline rates scaled by `k`. */
function tenYearPercent(person: VirtualPerson, priors: Priors, k: number): number {
  const members = ensembleFor(person, ANCHOR_MEMBERS, ANCHOR_SEED, false, scaled(priors, k));
  return 100 * newDiagnosisProbability(simulateMembers(members, {}, 10, ANCHOR_SEED).t2dCumulativeProbability, 10);
}

/** What a forecast reports of an anchor: the prior it used and any warning (in English and as a note). */
export function anchorReport(a: ProgressionAnchor): { progression?: ProgressionPrior; warnings: string[]; notes: TwinNote[] } {
  if (!a.ok) return { warnings: [a.reason], notes: [a.note] };
  return {
    progression: { source: a.source, target10yPercent: a.target10yPercent, twin10yPercent: a.twin10yPercent, factor: a.factor },
    warnings: a.warning ? [a.warning] : [],
    notes: a.note ? [a.note] : [],
  };
}

/** How far the twin may stay from QDiabetes before the anchor warns: 1 point or 20 %. */
const tolerancePercent = (target: number): number => Math.max(1, 0.2 * target);

export function anchorProgression(person: VirtualPerson, profile: RiskProfile, priors: Priors = PRIORS): ProgressionAnchor {
  const q = qdiabetesTenYear(profile);
  if ('unavailable' in q)
    return {
      ok: false,
      priors,
      reason: `${q.unavailable}: the population prior of progression (the DPP placebo arm's, a high-risk population) is used`,
      note: { code: 'anchorUnavailable', model: `QDiabetes-2018 ${q.qdiabetesModel}`, why: q.why },
    };
  // Bisection on log k (the factor spans two orders of magnitude).
  let lo = Math.log(K_MIN);
  let hi = Math.log(K_MAX);
  let atLo = tenYearPercent(person, priors, K_MIN);
  let atHi = tenYearPercent(person, priors, K_MAX);
  if (q.percent <= atLo) hi = lo;
  else if (q.percent >= atHi) lo = hi;
  else {
    for (let i = 0; i < STEPS; i++) {
      const mid = (lo + hi) / 2;
      const got = tenYearPercent(person, priors, Math.exp(mid));
      if (got < q.percent) {
        lo = mid;
        atLo = got;
      } else {
        hi = mid;
        atHi = got;
      }
    }
  }
  // Interpolate inside the last bracket (the probability moves in steps of 1/ANCHOR_MEMBERS).
  const logK = hi === lo || atHi === atLo ? lo : lo + ((q.percent - atLo) / (atHi - atLo)) * (hi - lo);
  const k = Math.exp(logK);
  const twin = tenYearPercent(person, priors, k);
  const source = `QDiabetes-2018 ${q.model}`;
  const out: ProgressionAnchor = {
    ok: true,
    priors: scaled(priors, k),
    factor: k,
    source,
    target10yPercent: q.percent,
    twin10yPercent: twin,
  };
  if (Math.abs(twin - q.percent) > tolerancePercent(q.percent)) {
    out.note = { code: twin > q.percent ? 'anchorAbove' : 'anchorBelow', source, twinPercent: twin, targetPercent: q.percent };
    out.warning =
      twin > q.percent
        ? `this close to the thresholds the twin's weight drift and insulin-sensitivity spread carry more people over than ${source}'s recorded diagnoses: even at its slowest progression its 10-year probability of new diabetes is ${twin.toFixed(1)} % against ${q.percent.toFixed(1)} %`
        : `even at its fastest progression the twin's 10-year probability of new diabetes is ${twin.toFixed(1)} % against ${source}'s ${q.percent.toFixed(1)} %`;
  }
  return out;
}
