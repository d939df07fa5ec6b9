/**
 * A trial arm in phases (docs/cli.md `cohort`, "phases"): a scenario per period, each from its
 * `fromYear` on, as DPPOS followed DPP (everyone offered group lifestyle after year 3). A phase's
 * `weightChangeKg` is relative to the trial's baseline and is reached within a year of the phase's
 * start, then held until the next phase; its activity and metformin replace the previous phase's
 * from its first day. The plan (intake) of each phase is solved per member, as for one scenario
 * (engine.ts): for the typical response (adherence 1, no drift), and members then achieve their own
 * share of it around their drift.
 */
import { HallEnsemble, hallBaseline, type HallPerson } from '../physiology/hall-adult.ts';
import { clampIntakeChange, deltaAfter, interventionFactors, runDays, secant, type DayView, type RunOptions } from './engine.ts';
import { GlycaemiaEnsemble } from './glycaemia.ts';
import type { Member } from './members.ts';
import { EFFECTS } from './priors.ts';
import type { Scenario } from './scenario.ts';

export interface Phase {
  fromDay: number;
  scenario: Scenario;
}

/** One change of the body model's inputs: from `day`, intake change `dEi` (kcal/d) and δ (kcal/kg/d). */
interface Switch {
  day: number;
  dEi: Float64Array;
  delta: Float64Array;
}

/** Every person's weight change (kg from baseline) at `days` under a schedule of switches (sorted by day). */
function weightChangeUnder(people: readonly HallPerson[], schedule: readonly Switch[], days: number): Float64Array {
  const e = new HallEnsemble(people);
  let k = 0;
  for (let d = 0; d < days; d++) {
    while (k < schedule.length && schedule[k]!.day === d) {
      e.deltaEi.set(schedule[k]!.dEi);
      e.deltaAfter.set(schedule[k]!.delta);
      k++;
    }
    e.step();
  }
  return Float64Array.from(e.weight, (w, i) => w - people[i]!.weightKg);
}

/**
 * The planned schedule: per phase, the intake that reaches the phase's weight change a year after
 * its start (or its stated intake change), then the intake that holds it, until the next phase.
 */
export function planPhases(people: readonly HallPerson[], phases: readonly Phase[], fx = EFFECTS): Switch[] {
  const n = people.length;
  const schedule: Switch[] = [];
  phases.forEach((ph, k) => {
    const s = ph.scenario;
    const delta = deltaAfter(people, s, fx);
    const start = ph.fromDay;
    const next = phases[k + 1]?.fromDay ?? Infinity;
    if (s.weightChangeKg === undefined) {
      schedule.push({ day: start, dEi: new Float64Array(n).fill(s.energyIntakeChangeKcalPerDay ?? 0), delta });
      return;
    }
    const reachDay = start + 365;
    const target = new Float64Array(n).fill(s.weightChangeKg);
    const reach = secant(
      people,
      (x) => weightChangeUnder(people, [...schedule, { day: start, dEi: x, delta }], reachDay),
      target,
      schedule.length ? schedule[schedule.length - 1]!.dEi : new Float64Array(n),
    );
    schedule.push({ day: start, dEi: reach, delta });
    if (reachDay >= next) return;
    const atReach = weightChangeUnder(people, schedule, reachDay);
    const hold = secant(
      people,
      (x) => weightChangeUnder(people, [...schedule, { day: reachDay, dEi: x, delta }], reachDay + 730),
      atReach,
      reach,
    );
    schedule.push({ day: reachDay, dEi: hold, delta });
  });
  return schedule;
}

/** Runs members through the phases for `days` days (engine.ts runDays: the same diagnosis and observation). */
export function runPhases(
  members: readonly Member[],
  phases: readonly Phase[],
  days: number,
  observe: (v: DayView) => void,
  o: RunOptions = {},
): void {
  const fx = o.effects ?? EFFECTS;
  const people = members.map((m) => m.body);
  const ei0 = people.map((p) => hallBaseline(p).energyIntakeKcalPerDay);
  const achieved = (plan: Float64Array): Float64Array =>
    Float64Array.from(members, (m, i) => clampIntakeChange(m.intakeDriftKcalPerDay + m.adherence * plan[i]!, ei0[i]!));
  const schedule = planPhases(people, phases, fx).map((sw) => ({ ...sw, dEi: achieved(sw.dEi) }));
  const e = new HallEnsemble(people);
  const glyc = new GlycaemiaEnsemble(members.map((m) => m.glycaemia));
  const factorsAt = new Map(phases.map((ph) => [ph.fromDay, interventionFactors(members, ph.scenario, fx)]));
  // The inputs of day d apply to the step from d to d + 1 (the body model is piecewise constant per
  // day); the first phase starts on day 0, and every achieved intake includes the member's drift.
  const apply = (d: number): void => {
    for (const sw of schedule) {
      if (sw.day !== d) continue;
      e.deltaEi.set(sw.dEi);
      e.deltaAfter.set(sw.delta);
    }
    const f = factorsAt.get(d);
    if (f) glyc.setFactors(f.hepatic, f.peripheral);
  };
  runDays(members, e, glyc, days, observe, o, (d) => apply(d - 1));
}
