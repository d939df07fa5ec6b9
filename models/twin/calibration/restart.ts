/**
 * Calibration stage 4, restart today: each posterior member, as it was at the start of the history,
 * restarted today from its own replayed state (weight, β-cell function, the insulin sensitivity that
 * gives its glucose, its HbA1c input), with the energy imbalance still acting and a fresh
 * intervention response. (The stage restarts every member, always: nothing in the calibration
 * restarts on a collapsed effective sample size; the Metropolis moves re-spread the copies instead.)
 */
import { hallWeightTrajectory } from '../../physiology/hall-adult.ts';
import { whigBetaForFpg, WHIG_TYPICAL } from '../../physiology/whig.ts';
import type { Streams } from '../../util/random.ts';
import { interventionResponse, type Member, type VirtualPerson } from '../members.ts';
import { PRIORS, type Priors } from '../priors.ts';
import type { StateToday } from './likelihood.ts';

/**
 * Days of history from which a member's drift is the one its last 30 days imply; with less, it keeps
 * its drawn drift (under 30 days there is no weight 30 days back at all).
 */
export const MIN_DAYS_FOR_DRIFT_FROM_SLOPE = 60;

/** The member as it was `days` earlier: β-cell odds undone by its own decline rate, same insulin sensitivity. */
export function backProject(m: Member, days: number): Member {
  const g = m.glycaemia;
  const odds = ((1 - g.b0) / g.b0) * Math.exp((-g.rbPerYear * days) / 365);
  return { ...m, glycaemia: { ...g, b0: 1 / (1 + odds) } };
}

/** Weight change per day per kcal/d of a body at balance today, over days 30-60 of a constant change. */
export function freshSlopePerKcal(person: VirtualPerson): number {
  const w = hallWeightTrajectory(
    {
      sex: person.sex,
      ageYears: person.ageYears,
      heightM: person.heightM,
      weightKg: person.weightKg,
      physicalActivityLevel: person.physicalActivityLevel ?? 1.5,
    },
    -100,
    60,
  );
  return (w[60]! - w[30]!) / 30 / -100;
}

/**
 * A posterior member restarted today from its own state after `days` of history: its β-cell
 * function, the insulin sensitivity that gives its glucose, and its HbA1c input; the body restarts
 * at today's known weight, so that every member keeps sharing one body.
 */
export function restartToday(m: Member, person: VirtualPerson, fpgMmolL: number, hba1cPercent: number, days: number): Member {
  const g = m.glycaemia;
  const odds = ((1 - g.b0) / g.b0) * Math.exp((g.rbPerYear * days) / 365);
  const b = 1 / (1 + odds);
  // IS today from the HOMA relation at today's glucose and β-cell function.
  const is = whigBetaForFpg(b, fpgMmolL); // the HOMA relation is symmetric in IS and B
  return {
    ...m,
    body: { ...m.body, ageYears: person.ageYears, weightKg: person.weightKg },
    glycaemia: {
      ...g,
      w0Kg: person.weightKg,
      is0: is,
      b0: b,
      ppg: Math.max(PRIORS.ppgMin, hba1cPercent / WHIG_TYPICAL.mttDays - WHIG_TYPICAL.kin * fpgMmolL),
    },
  };
}

/**
 * The posterior (members as at the start of a history of `days`) restarted today from their replayed
 * state `now`. The drift each member carried since the start of the history has partly been absorbed
 * by its body (expenditure follows weight); restarted at balance today, it keeps only the imbalance
 * still acting: the intake change under which a body at balance today loses or gains at the member's
 * current rate (its slope over the last 30 days against a fresh body's slope per kcal/d).
 * Intervention response is not informed by a history without interventions: it is drawn afresh from
 * its prior (member i from the stream ('calibration.response', i)) rather than copied from the few
 * surviving draws. A person's what-if is conditional on following the plan (adherence 1; members.ts).
 */
export function restartPosterior(
  posterior: readonly Member[],
  person: VirtualPerson,
  now: StateToday,
  days: number,
  priors: Priors,
  streams: Streams,
): Member[] {
  const perKcal = freshSlopePerKcal(person);
  return posterior.map((m, i) => ({
    ...restartToday(m, person, now.fpgMmolL[i]!, now.hba1cPercent[i]!, days),
    intakeDriftKcalPerDay:
      days >= MIN_DAYS_FOR_DRIFT_FROM_SLOPE ? (now.weightKg[i]! - now.weightKg30[i]!) / 30 / perKcal : m.intakeDriftKcalPerDay,
    adherence: 1,
    interventionResponse: interventionResponse(priors, streams('calibration.response', i).normal()),
  }));
}
