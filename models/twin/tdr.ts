/**
 * A total diet replacement programme as DiRECT ran it (Lean MEJ et al., Lancet 2018;391:541;
 * Lancet Diabetes Endocrinol 2019;7:344): a formula diet of 825–853 kcal/day for 12–20 weeks, then
 * food reintroduced step by step over 2–8 weeks, then weight maintenance. Issue 20; design:
 * docs/research/type2-twin-design.md §2.4. This module turns the programme into the body model's
 * intake schedule for each person (Hall KD et al., Lancet 2011;378:826: models/physiology/hall-adult.ts):
 * - the diet: an absolute intake, so the change is kcalPerDay − the person's baseline intake, not
 *   limited by the −40 % floor that every other plan keeps (engine.ts clampIntakeChange);
 * - reintroduction: equal weekly steps from the diet's intake to the maintenance intake (the number of
 *   weeks is the programme's, 6 if not given: ASSUMED, inside DiRECT's 2–8);
 * - maintenance: the intake that holds the weight reached at the end of reintroduction (its weight two
 *   years later equals it), solved per person by secant iterations on the full model, as
 *   engine.ts solveIntakeToHold does for a held weight target.
 * The carbohydrate share of intake is left as it was (the formula's 59 % [second-hand] would move
 * only glycogen and its water in the first days). Regain after the programme (DiRECT's maintenance
 * phase) is calibrated later (docs/validation.md, TC4) and is not part of this schedule.
 */
import { HallEnsemble, hallBaseline, type HallPerson } from '../physiology/hall-adult.ts';
import { secant } from './engine.ts';

export interface TotalDietReplacement {
  /** Weeks on the formula diet. */
  weeks: number;
  /** The diet's energy, kcal/day. */
  kcalPerDay: number;
  /** Weeks of stepped food reintroduction; 6 if absent. */
  reintroductionWeeks?: number;
}

/** What a programme may say: DiRECT's 12–20 weeks widened to 8; NICE's low-energy 800–1200 kcal widened to 600; DiRECT's 2–8 weeks back to food. */
export const TDR_LIMITS = {
  weeks: [8, 20],
  kcalPerDay: [600, 1200],
  reintroductionWeeks: [2, 8],
} as const;

const DEFAULT_REINTRODUCTION_WEEKS = 6;
/** Days over which the maintenance intake must hold the weight reached (as engine.ts's held targets). */
const HOLD_CHECK_DAYS = 730;

/** Why a programme cannot be run (field and range), or undefined when it can. */
export function tdrProblem(t: TotalDietReplacement): string | undefined {
  for (const [field, [lo, hi]] of Object.entries(TDR_LIMITS) as [keyof typeof TDR_LIMITS, readonly [number, number]][]) {
    const v = t[field] ?? (field === 'reintroductionWeeks' ? DEFAULT_REINTRODUCTION_WEEKS : undefined);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) return `totalDietReplacement.${field} must be ${lo} to ${hi}`;
  }
  return undefined;
}

/** One change of intake: from `day` on, each person's intake change (kcal/d) from their baseline. */
export interface IntakeStep {
  day: number;
  dEi: Float64Array;
}

/** The programme's days: the diet from startDay, reintroduction after it, maintenance from `maintenanceDay`. */
export function tdrDays(t: TotalDietReplacement, startDay = 0): { dietEndDay: number; maintenanceDay: number } {
  const dietEndDay = startDay + 7 * t.weeks;
  return { dietEndDay, maintenanceDay: dietEndDay + 7 * (t.reintroductionWeeks ?? DEFAULT_REINTRODUCTION_WEEKS) };
}

/** The steps for a given maintenance intake change per person. */
function stepsWith(t: TotalDietReplacement, diet: Float64Array, keep: Float64Array, startDay: number): IntakeStep[] {
  const { dietEndDay, maintenanceDay } = tdrDays(t, startDay);
  const weeks = (maintenanceDay - dietEndDay) / 7;
  const steps: IntakeStep[] = [{ day: startDay, dEi: diet }];
  for (let w = 1; w <= weeks; w++)
    steps.push({ day: dietEndDay + 7 * (w - 1), dEi: Float64Array.from(diet, (d, i) => d + ((keep[i]! - d) * w) / (weeks + 1)) });
  steps.push({ day: maintenanceDay, dEi: keep });
  return steps;
}

/** Each person's weight change (kg from baseline) after `days` days under intake steps (sorted by day) and, from the first, activity δ. */
export function weightUnderSteps(
  people: readonly HallPerson[],
  steps: readonly IntakeStep[],
  delta: Float64Array,
  days: number,
): Float64Array {
  const e = new HallEnsemble(people);
  // The plan's activity and the first intake change start on the first step's day.
  e.startDay = steps[0]?.day ?? 0;
  e.deltaAfter.set(delta);
  let k = 0;
  for (let d = 0; d < days; d++) {
    while (k < steps.length && steps[k]!.day === d) e.deltaEi.set(steps[k++]!.dEi);
    e.step();
  }
  return Float64Array.from(e.weight, (w, i) => w - people[i]!.weightKg);
}

/**
 * The programme's intake schedule per person (see the top of this file), from `startDay`. `delta`
 * is each person's activity expenditure per kg under the plan (engine.ts deltaAfter), held throughout.
 */
export function tdrSchedule(people: readonly HallPerson[], t: TotalDietReplacement, delta: Float64Array, startDay = 0): IntakeStep[] {
  const problem = tdrProblem(t);
  if (problem) throw new RangeError(problem);
  const diet = Float64Array.from(people, (p) => t.kcalPerDay - hallBaseline(p).energyIntakeKcalPerDay);
  const { maintenanceDay } = tdrDays(t, startDay);
  // Maintenance holds the weight reached at its start: weight two years on minus weight then is 0.
  const drift = (keep: Float64Array): Float64Array => {
    const steps = stepsWith(t, diet, keep, startDay);
    const atStart = weightUnderSteps(people, steps, delta, maintenanceDay);
    const later = weightUnderSteps(people, steps, delta, maintenanceDay + HOLD_CHECK_DAYS);
    return Float64Array.from(later, (w, i) => w - atStart[i]!);
  };
  const keep = secant(people, drift, new Float64Array(people.length), new Float64Array(people.length));
  return stepsWith(t, diet, keep, startDay);
}
