/**
 * The person's own progression prior. The population prior of β-cell decline (priors.ts) is
 * calibrated to the DPP placebo arm: adults selected for impaired glucose tolerance, who progress
 * far faster than most people. Applied to everyone it gives a lean 45-year-old with a fasting glucose
 * of 90 mg/dL a 42 % ten-year diabetes probability, where QDiabetes-2018 gives 0.9 %.
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
 * QDiabetes counts diagnoses recorded in primary care; the twin counts diagnoses at two checks a
 * year, which find diabetes earlier, so matching the two slightly understates the twin's outcome.
 */
import type { RiskProfile } from '../risk/profile.ts';
import { qdiabetesTenYear } from './cross-check.ts';
import type { VirtualPerson } from './members.ts';
import { PRIORS, type Priors } from './priors.ts';
import { ensembleFor, simulateMembers } from './simulate.ts';

/** What a forecast reports of its progression prior. */
export interface ProgressionPrior { source: string; target10yPercent: number; factor: number }

export type ProgressionAnchor =
  | { ok: true; priors: Priors; factor: number; source: string; target10yPercent: number; twin10yPercent: number }
  | { ok: false; priors: Priors; reason: string };

/** Search range of the factor on the population's decline rates (1 = the DPP placebo population's). */
const K_MIN = 0.02;
const K_MAX = 4;
/** Ensemble of the search: common random numbers across steps, so the 10-year probability is monotone in the factor. */
const ANCHOR_MEMBERS = 400;
const ANCHOR_SEED = 11;
const STEPS = 12;

/** Priors with the population's decline rates (mean and SD) scaled by `k`. */
const scaled = (priors: Priors, k: number): Priors => ({ ...priors, rbMeanPerYear: k * priors.rbMeanPerYear, rbSdPerYear: k * priors.rbSdPerYear });

/** The twin's 10-year probability, %, for a prior ensemble with decline rates scaled by `k`. */
function tenYearPercent(person: VirtualPerson, priors: Priors, k: number): number {
  const members = ensembleFor(person, ANCHOR_MEMBERS, ANCHOR_SEED, false, scaled(priors, k));
  return 100 * simulateMembers(members, {}, 10, ANCHOR_SEED).t2dCumulativeProbability[10]!;
}

export function anchorProgression(person: VirtualPerson, profile: RiskProfile, priors: Priors = PRIORS): ProgressionAnchor {
  const q = qdiabetesTenYear(profile);
  if ('unavailable' in q) return { ok: false, priors, reason: `${q.unavailable}: the population prior of progression (the DPP placebo arm's, a high-risk population) is used` };
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
      if (got < q.percent) { lo = mid; atLo = got; } else { hi = mid; atHi = got; }
    }
  }
  // Interpolate inside the last bracket (the probability moves in steps of 1/ANCHOR_MEMBERS).
  const logK = hi === lo || atHi === atLo ? lo : lo + ((q.percent - atLo) / (atHi - atLo)) * (hi - lo);
  const k = Math.exp(logK);
  return { ok: true, priors: scaled(priors, k), factor: k, source: `QDiabetes-2018 ${q.model}`, target10yPercent: q.percent, twin10yPercent: tenYearPercent(person, priors, k) };
}
