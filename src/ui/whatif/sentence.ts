/**
 * The plain sentence under the fan charts: what a plan does to the type 2 diabetes probability at
 * the horizon, with the twin's weight range, and a published score beside it where one applies.
 * Each outcome is one message with placeholders (src/ui/i18n/en/whatif.ts), so a translation can
 * order the words as its language needs.
 */
import type { CrossCheck } from '../../../models/twin/cross-check.ts';
import { newDiagnosisProbability, type SimulateResult } from '../../../models/twin/simulate.ts';
import { t, tn } from '../i18n/index.ts';
import { formatPercent } from '../format.ts';
import { scoreName } from '../model-notes.ts';
import type { Plan } from './plans.ts';

export interface SentenceUnits {
  /** Formats a weight given in kg in the user's unit, e.g. "78 kg" or "172 lb". */
  weight: (kg: number) => string;
  /** Formats a planned weight change as the slider shows it (e.g. "5.5 kg"); defaults to `weight`. */
  weightChange?: (kg: number) => string;
  /** Formats a fraction 0-1 as a percent in the user's locale. */
  percent: (fraction: number) => string;
}

/** What the plan changes, in words: "losing 5 kg and walking 150 minutes a week". */
export function describePlan(p: Plan, u: Pick<SentenceUnits, 'weight' | 'weightChange'>): string {
  const parts: string[] = [];
  if (p.mode === 'weight' && p.weightChangeKg !== 0)
    parts.push(
      t(p.weightChangeKg < 0 ? 'whatif.plan.lose' : 'whatif.plan.gain', {
        weight: (u.weightChange ?? u.weight)(Math.abs(p.weightChangeKg)),
      }),
    );
  if (p.mode === 'intake' && p.energyIntakeChangeKcalPerDay !== 0)
    parts.push(
      t(p.energyIntakeChangeKcalPerDay < 0 ? 'whatif.plan.eatLess' : 'whatif.plan.eatMore', {
        kcal: Math.abs(p.energyIntakeChangeKcalPerDay),
      }),
    );
  if (p.activityMinutesPerWeek > 0) parts.push(tn('whatif.plan.activity', p.activityMinutesPerWeek));
  if (p.metformin) parts.push(t('whatif.plan.metformin'));
  if (p.smoking === 'non' || p.smoking === 'ex') parts.push(t('whatif.plan.stopSmoking'));
  else if (p.smoking !== 'unchanged') parts.push(t('whatif.plan.smoking', { level: t(`whatif.plan.smoking.${p.smoking}`) }));
  if (parts.length === 0) return t('whatif.plan.nothing');
  return parts.length === 1
    ? parts[0]!
    : t('whatif.plan.and', { items: parts.slice(0, -1).join(t('common.listSeparator')), last: parts[parts.length - 1]! });
}

/** Index of the year `horizon` in a result (its last year if shorter). */
export function yearIndex(r: SimulateResult, horizon: number): number {
  const i = r.years.indexOf(horizon);
  return i >= 0 ? i : r.years.length - 1;
}

export function planSentence(
  plan: Plan,
  baseline: SimulateResult,
  result: SimulateResult,
  horizon: number,
  u: SentenceUnits,
  cross?: CrossCheck,
  /** The person already has diabetes: the sentence gives the weight alone (models/twin/headline.ts). */
  hasDiabetes = false,
): string {
  const i = yearIndex(result, horizon);
  const what = describePlan(plan, u);
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  const w = result.weightKg;
  const lo = u.weight(w.p05[i]!),
    hi = u.weight(w.p95[i]!);
  if (hasDiabetes) return tn('whatif.sentence.weightOnly', result.years[i]!, { What, lo, hi });
  // Risk of new diabetes, as the headline counts it (the chance of being in range today is apart).
  const before = newDiagnosisProbability(baseline.t2dCumulativeProbability, i);
  const after = newDiagnosisProbability(result.t2dCumulativeProbability, i);
  const diff = Math.round(100 * after) - Math.round(100 * before);
  const core = tn(diff < 0 ? 'whatif.sentence.lower' : diff > 0 ? 'whatif.sentence.raise' : 'whatif.sentence.same', horizon, {
    what,
    What,
    before: u.percent(before),
    after: u.percent(after),
  });
  let out = lo === hi ? t('whatif.sentence.weightAbout', { core, weight: lo }) : t('whatif.sentence.weightRange', { core, lo, hi });
  if (cross && horizon === 10 && cross.twin10yPercent !== null && !cross.agree) {
    // The published score as the notes, the risk page and the summary write and name it.
    out += ` ${t('whatif.sentence.disagree', { model: scoreName(cross.model), percent: formatPercent(cross.scenario10yPercent) })}`;
  }
  return out;
}

/**
 * One plain sentence when a figure `horizon` years ahead lies beyond the longest follow-up at which
 * the twin reproduced the trials' counts of new diabetes (src/twin/validation-summary.ts), else null.
 */
export function beyondCheckedSentence(horizon: number, validatedHorizonYears: number): string | null {
  if (horizon <= validatedHorizonYears) return null;
  return validatedHorizonYears > 0
    ? tn('whatif.beyondChecked', validatedHorizonYears, { horizon })
    : t('whatif.beyondChecked.none', { horizon });
}

/**
 * The short form a phone keeps in view above the controls: "Plan A: risk of type 2 diabetes in
 * 10 years 18 % → 12 % · weight 80–92 kg" (the weight alone for a person who has diabetes).
 */
export function compactSentence(
  name: string,
  baseline: SimulateResult,
  result: SimulateResult,
  horizon: number,
  u: SentenceUnits,
  hasDiabetes = false,
): string {
  const i = yearIndex(result, horizon);
  const w = result.weightKg;
  const weight = t('whatif.compact.weight', { lo: u.weight(w.p05[i]!), hi: u.weight(w.p95[i]!) });
  if (hasDiabetes) return tn('whatif.compact.weightOnly', result.years[i]!, { name, weight });
  return tn('whatif.compact', result.years[i]!, {
    name,
    before: u.percent(newDiagnosisProbability(baseline.t2dCumulativeProbability, i)),
    after: u.percent(newDiagnosisProbability(result.t2dCumulativeProbability, i)),
    weight,
  });
}
