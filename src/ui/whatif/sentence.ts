/**
 * The plain sentence under the fan charts: what a plan does to the type 2 diabetes probability at
 * the horizon, with the twin's weight range, and a published score beside it where one applies.
 */
import type { CrossCheck } from '../../../models/twin/cross-check.ts';
import type { SimulateResult } from '../../../models/twin/simulate.ts';
import type { Plan } from './plans.ts';

export interface SentenceUnits {
  /** Formats a weight given in kg in the user's unit, e.g. "78 kg" or "172 lb". */
  weight: (kg: number) => string;
  /** Formats a fraction 0-1 as a percent in the user's locale. */
  percent: (fraction: number) => string;
}

/** What the plan changes, in words: "losing 5 kg and walking 150 minutes a week". */
export function describePlan(p: Plan, u: Pick<SentenceUnits, 'weight'>): string {
  const parts: string[] = [];
  if (p.mode === 'weight' && p.weightChangeKg !== 0) parts.push(`${p.weightChangeKg < 0 ? 'losing' : 'gaining'} ${u.weight(Math.abs(p.weightChangeKg))}`);
  if (p.mode === 'intake' && p.energyIntakeChangeKcalPerDay !== 0) parts.push(`eating ${Math.abs(p.energyIntakeChangeKcalPerDay)} kcal a day ${p.energyIntakeChangeKcalPerDay < 0 ? 'less' : 'more'}`);
  if (p.activityMinutesPerWeek > 0) parts.push(`adding ${p.activityMinutesPerWeek} minutes of moderate activity a week`);
  if (p.metformin) parts.push('taking metformin');
  if (p.smoking === 'non' || p.smoking === 'ex') parts.push('stopping smoking');
  else if (p.smoking !== 'unchanged') parts.push(`smoking (${p.smoking})`);
  if (parts.length === 0) return 'changing nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Index of the year `horizon` in a result (its last year if shorter). */
export function yearIndex(r: SimulateResult, horizon: number): number {
  const i = r.years.indexOf(horizon);
  return i >= 0 ? i : r.years.length - 1;
}

export function planSentence(plan: Plan, baseline: SimulateResult, result: SimulateResult, horizon: number, u: SentenceUnits, cross?: CrossCheck): string {
  const i = yearIndex(result, horizon);
  const before = baseline.t2dCumulativeProbability[i]!;
  const after = result.t2dCumulativeProbability[i]!;
  const what = describePlan(plan, u);
  const years = `${horizon}-year`;
  const Cap = what.charAt(0).toUpperCase() + what.slice(1);
  const diff = Math.round(100 * after) - Math.round(100 * before);
  const verb = diff < 0 ? 'lowers' : diff > 0 ? 'raises' : 'leaves';
  const core = diff === 0
    ? `${Cap} leaves your ${years} probability of type 2 diabetes at about ${u.percent(after)}`
    : `${Cap} ${verb} your ${years} probability of type 2 diabetes from ${u.percent(before)} to ${u.percent(after)}`;
  const w = result.weightKg;
  const lo = u.weight(w.p05[i]!), hi = u.weight(w.p95[i]!);
  let out = lo === hi
    ? `${core}; your weight then is about ${lo}.`
    : `${core}; your weight then is likely ${lo}–${hi} (90 % of the twin's simulations).`;
  if (cross && horizon === 10 && cross.twin10yPercent !== null && !cross.agree) {
    out += ` ${cross.model}, a published score, puts it at ${u.percent(cross.scenario10yPercent / 100)} instead: the two models disagree, so read both.`;
  }
  return out;
}
