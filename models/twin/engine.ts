/**
 * Runs an ensemble of members forward under a scenario: the Hall body-weight model drives the
 * glycaemia model day by day. Pure and deterministic given the members.
 */
import { HallEnsemble, hallBaseline, hallDeltaAtPal, type HallPerson } from '../physiology/hall-adult.ts';
import { SharedBodyHall, sameBody } from '../physiology/hall-shared-body.ts';
import { GlycaemiaEnsemble } from './glycaemia.ts';
import { MG_DL_PER_MMOL_L, type Member } from './members.ts';
import { Ascertainer, CONTRACT_DIAGNOSIS, type DiagnosisCriteria } from './ascertainment.ts';
import { twoHourGlucoseMgDl, type PostLoadInputs } from './post-load.ts';
import { EFFECTS, PRIORS, type Effects, type Priors } from './priors.ts';
import type { Scenario } from './scenario.ts';

export { CONTRACT_DIAGNOSIS, type DiagnosisCriteria } from './ascertainment.ts';

export interface RunOptions {
  /** Intervention effects (default EFFECTS; calibration passes others). */
  effects?: Effects;
  /** Population priors the run's tests and post-load model use (default PRIORS). */
  priors?: Priors;
  /** Diagnostic criteria (default CONTRACT_DIAGNOSIS, ascertainment.ts); the visits apply to outcome 'visits' only. */
  diagnosis?: DiagnosisCriteria;
  /** Seed of the measurement-noise streams at visits (outcome 'visits'): member i's are (noiseSeed, 'visit.tests', i) and (noiseSeed, 'visit.ogtt', i). */
  noiseSeed?: number;
  /** Whether day 0 is a diagnostic visit (outcome 'visits'; false for trial participants, who enrol free of diabetes). Outcome 'state' always counts day 0. */
  screenAtBaseline?: boolean;
  /**
   * How a member comes to count as having type 2 diabetes. 'visits' (default): as a trial finds it,
   * noisy tests at visits confirmed by a repeat (a trial's ascertainment). 'state': from the first
   * day its own usual fasting glucose or HbA1c is at or over a threshold (a person's forecast: the
   * member is one possible version of the person, whose usual levels the model follows).
   */
  outcome?: 'visits' | 'state';
  /** Receives the ascertainer before the run (outcome 'visits'): who was diagnosed by which criteria, what the OGTTs triggered. */
  onAscertainer?: (a: Ascertainer) => void;
}

/** Weekly minutes beyond which more activity adds no insulin sensitivity in the twin. */
const ACTIVITY_IS_MAX_MINUTES = 300;

/** Activity level after adding `minutesPerWeek` of moderate activity to `pal`. */
export function palWithActivity(pal: number, minutesPerWeek: number, fx: Effects = EFFECTS): number {
  return pal + ((fx.moderateActivityMets - 1) * minutesPerWeek) / 7 / 1440;
}

/**
 * The body-weight model's domain: intake changes from a 40 % cut to a 50 % rise of the person's
 * baseline intake (beyond a deep cut, lean mass runs out within months: starvation, not a what-if).
 * Members' achieved changes (plan × adherence + drift) are held inside it.
 */
export const INTAKE_CHANGE_MIN_FRACTION = -0.4;
export const INTAKE_CHANGE_MAX_FRACTION = 0.5;
export function clampIntakeChange(dEi: number, ei0: number): number {
  return Math.min(INTAKE_CHANGE_MAX_FRACTION * ei0, Math.max(INTAKE_CHANGE_MIN_FRACTION * ei0, dEi));
}

/** δ (kcal/kg/d) for each member under the scenario's activity. */
export function deltaAfter(people: readonly HallPerson[], s: Scenario, fx: Effects): Float64Array {
  return Float64Array.from(people, (p) =>
    hallDeltaAtPal(p, palWithActivity(s.physicalActivityLevel ?? p.physicalActivityLevel ?? 1.5, s.activityMinutesPerWeek ?? 0, fx)),
  );
}

/** Weight change (kg) of each person at `days` and at `holdDay` under intake dEi from startDay, switched to dEi2 from holdDay. */
function weightChangeAfter(
  people: readonly HallPerson[],
  dEi: Float64Array,
  delta: Float64Array,
  startDay: number,
  days: number,
  dEi2?: Float64Array,
  holdDay = Infinity,
): Float64Array {
  const e = new HallEnsemble(people);
  e.deltaEi.set(dEi);
  e.deltaAfter.set(delta);
  e.startDay = startDay;
  for (let d = 0; d < days; d++) {
    if (d === holdDay && dEi2) e.deltaEi.set(dEi2);
    e.step();
  }
  return Float64Array.from(e.weight, (w, i) => w - people[i]!.weightKg);
}

/** Secant iterations on x (one unknown per person) until f(x) is within 0.005 of target, x held in the model's domain. */
export function secant(
  people: readonly HallPerson[],
  f: (x: Float64Array) => Float64Array,
  target: Float64Array,
  start: Float64Array,
): Float64Array {
  const n = people.length;
  const ei0 = people.map((p) => hallBaseline(p).energyIntakeKcalPerDay);
  let x0 = start;
  let y0 = f(x0);
  let x1 = Float64Array.from(start, (v) => v - 300);
  let y1 = f(x1);
  for (let iter = 0; iter < 4; iter++) {
    const x2 = new Float64Array(n);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const slope = (y1[i]! - y0[i]!) / (x1[i]! - x0[i]! || 1);
      const next = x1[i]! + (target[i]! - y1[i]!) / slope;
      // An unreachable target stops at the model's domain.
      x2[i] = clampIntakeChange(Number.isFinite(next) ? next : x1[i]!, ei0[i]!);
      if (x2[i] !== x1[i]) worst = Math.max(worst, Math.abs(target[i]! - y1[i]!));
    }
    if (worst < 0.005) return x1;
    x0 = x1;
    y0 = y1;
    x1 = x2;
    y1 = f(x1);
  }
  return x1;
}

/**
 * The constant intake change (kcal/d) from startDay at which each member's weight one year after
 * startDay has changed by `targetKg` (secant iterations on the full model; |error| < 0.01 kg).
 */
export function solveIntakeForWeightChange(
  people: readonly HallPerson[],
  targetKg: number,
  delta: Float64Array,
  startDay: number,
): Float64Array {
  const days = startDay + 365;
  return secant(
    people,
    (x) => weightChangeAfter(people, x, delta, startDay, days),
    new Float64Array(people.length).fill(targetKg),
    new Float64Array(people.length),
  );
}

/** Years over which the held weight is checked: the intake from the hold day keeps the weight reached at one year this long. */
const HOLD_CHECK_DAYS = 730;

/**
 * The intake change (kcal/d) from one year after startDay that holds the weight reached then: each
 * member's weight two years later equals its weight at the hold day (the body is then close to its
 * new steady state, so the weight stays put after that as well).
 */
export function solveIntakeToHold(people: readonly HallPerson[], reach: Float64Array, delta: Float64Array, startDay: number): Float64Array {
  const holdDay = startDay + 365;
  const atHold = weightChangeAfter(people, reach, delta, startDay, holdDay);
  return secant(people, (x) => weightChangeAfter(people, reach, delta, startDay, holdDay + HOLD_CHECK_DAYS, x, holdDay), atHold, reach);
}

/**
 * Members sharing one body under a weight-change target that is held from `holdDay`: each member's
 * weight is its shared-body weight under its first-year intake plus its adherence times the typical
 * member's response to switching from the reaching intake to the holding one (superposition; exact
 * for the typical member, first order in the switch for the others).
 */
class HeldSharedBody {
  /** Each member's weight: the grid's own until the switch, then the grid's plus the member's share of the switch. */
  get weight(): Float64Array {
    return this.day > this.holdDay ? this.held : this.grid.weight;
  }
  private readonly held: Float64Array;
  /** Two copies of the typical member: [0] keeps the reaching intake, [1] switches to holding at holdDay. */
  private readonly typical: HallEnsemble;
  private day = 0;

  constructor(
    private readonly grid: SharedBodyHall,
    body: HallPerson,
    reachKcal: number,
    private readonly holdKcal: number,
    delta: number,
    private readonly adherence: Float64Array,
    private readonly holdDay: number,
  ) {
    this.held = new Float64Array(grid.n);
    this.typical = new HallEnsemble([body, body]);
    this.typical.deltaEi.fill(reachKcal);
    this.typical.deltaAfter.fill(delta);
  }

  step(): void {
    this.grid.step();
    this.day++;
    if (this.day <= this.holdDay) return; // both typical copies would still be identical
    if (this.typical.day < this.holdDay) for (let d = this.typical.day; d < this.holdDay; d++) this.typical.step();
    if (this.typical.day === this.holdDay) this.typical.deltaEi[1] = this.holdKcal;
    this.typical.step();
    const switched = this.typical.weight[1]! - this.typical.weight[0]!;
    const { held, adherence } = this;
    const w = this.grid.weight;
    for (let i = 0; i < held.length; i++) held[i] = w[i]! + adherence[i]! * switched;
  }
}

/**
 * The scenario's factors on each member's hepatic and peripheral insulin sensitivity (glycaemia.ts):
 * metformin acts on the liver, activity on muscle, each scaled by the member's response; a share of
 * each may cross to the other channel (Effects, 0 unless a sensitivity analysis sets it).
 */
export function interventionFactors(
  members: readonly Member[],
  s: Scenario,
  fx: Effects = EFFECTS,
): { hepatic: Float64Array; peripheral: Float64Array } {
  const minutes = Math.min(s.activityMinutesPerWeek ?? 0, ACTIVITY_IS_MAX_MINUTES);
  const activityGain = (fx.activityIsGainPer150Min * minutes) / 150;
  const metforminGain = s.metformin ? fx.metforminIsGain : 0;
  const hepatic = new Float64Array(members.length);
  const peripheral = new Float64Array(members.length);
  members.forEach((m, i) => {
    const a = activityGain * m.interventionResponse;
    const g = metforminGain * m.interventionResponse;
    hepatic[i] = (1 + g) * (1 + fx.activityHepaticShare * a);
    peripheral[i] = (1 + a) * (1 + fx.metforminPeripheralShare * g);
  });
  return { hepatic, peripheral };
}

export interface DayView {
  day: number;
  weightKg: Float64Array;
  fpgMmolL: Float64Array;
  hba1cPercent: Float64Array;
  /** 1 once the member counts as having diabetes (outcome 'visits': diagnosed at a visit; 'state': its usual levels crossed a threshold). */
  diagnosed: Uint8Array;
  /** The usual 2-hour glucose today of each member not yet diagnosed, mg/dL; NaN for the diagnosed (runs the post-load model once a day at most). */
  twoHourMgDl(): Float64Array;
  /** What the post-load model needs of every member today, diagnosed or not (fasting glucose, weight, insulin state). */
  postLoadInputs(): PostLoadInputs;
}

/** Runs `days` daily steps, calling `observe` on day 0 and after every step. */
export function runEnsemble(
  members: readonly Member[],
  s: Scenario,
  days: number,
  observe: (v: DayView) => void,
  o: RunOptions = {},
): void {
  const people = members.map((m) => m.body);
  const startDay = s.startDay ?? 0;
  const fx = o.effects ?? EFFECTS;
  const delta = deltaAfter(people, s, fx);
  const shared = sameBody(people);
  // The planned intake change is solved for the member's physiology (once when all share one body);
  // drift and adherence then spread what members achieve around it. A weight-change target is reached
  // at one year and then held: from then on the plan is the intake that keeps that weight.
  const n = members.length;
  let planned: Float64Array;
  let hold: Float64Array | undefined;
  if (s.weightChangeKg === undefined) planned = new Float64Array(n).fill(s.energyIntakeChangeKcalPerDay ?? 0);
  else {
    const solveFor = shared ? [people[0]!] : people;
    const d = shared ? delta.subarray(0, 1) : delta;
    const reach = solveIntakeForWeightChange(solveFor, s.weightChangeKg, d, startDay);
    const keep = solveIntakeToHold(solveFor, reach, d, startDay);
    planned = shared ? new Float64Array(n).fill(reach[0]!) : reach;
    hold = shared ? new Float64Array(n).fill(keep[0]!) : keep;
  }
  const holdDay = startDay + 365;
  const ei0 = people.map((p) => hallBaseline(p).energyIntakeKcalPerDay);
  const achieved = (plan: Float64Array): Float64Array =>
    Float64Array.from(members, (m, i) => clampIntakeChange(m.intakeDriftKcalPerDay + m.adherence * plan[i]!, ei0[i]!));
  const before = Float64Array.from(members, (m, i) => clampIntakeChange(m.intakeDriftKcalPerDay, ei0[i]!));
  const after = achieved(planned);
  let hall: { step(): void; readonly weight: Float64Array };
  if (shared && startDay === 0) {
    const grid = new SharedBodyHall(people[0]!, after, delta[0]!);
    hall = hold
      ? new HeldSharedBody(
          grid,
          people[0]!,
          planned[0]!,
          hold[0]!,
          delta[0]!,
          Float64Array.from(members, (m) => m.adherence),
          holdDay,
        )
      : grid;
  } else {
    const e = new HallEnsemble(people);
    e.startDay = startDay;
    e.deltaAfter.set(delta);
    e.deltaEiBefore.set(before);
    e.deltaEi.set(after);
    const held = hold && achieved(hold);
    hall = !held
      ? e
      : {
          weight: e.weight,
          step(): void {
            if (e.day === holdDay) e.deltaEi.set(held);
            e.step();
          },
        };
  }

  const glyc = new GlycaemiaEnsemble(members.map((m) => m.glycaemia));
  glyc.startDay = startDay;
  // Every member keeps up the planned activity: most trial participants met the activity goal (DPP:
  // 74 % at 24 weeks, 67 % at the end; Obes Res 2004;12:1426), far more than met the weight goal (49 %
  // and 37 %), so the activity is not scaled by the intake adherence. The gain grows with the minutes,
  // to 300 a week.
  const { hepatic, peripheral } = interventionFactors(members, s, fx);
  glyc.isFactor.set(hepatic);
  glyc.peripheralFactor.set(peripheral);

  runDays(members, hall, glyc, days, observe, o);
}

/** A body-weight model stepping all members a day at a time. */
export interface BodySteps {
  step(): void;
  readonly weight: Float64Array;
}

/**
 * The day loop of a run: body, then glycaemia, then the diagnosis (a trial's visits, or the usual
 * levels crossing a threshold), then `observe`. `beforeDay(d)` runs before day d's step (a phase
 * switch).
 */
export function runDays(
  members: readonly Member[],
  hall: BodySteps,
  glyc: GlycaemiaEnsemble,
  days: number,
  observe: (v: DayView) => void,
  o: RunOptions = {},
  beforeDay?: (d: number) => void,
): void {
  const n = members.length;
  const priors = o.priors ?? PRIORS;
  // Diagnosis as a trial or a clinic makes it (ascertainment.ts): tests at visits with their
  // within-person variability, a value over a threshold counted once the trial's rule confirms it.
  // Each member's test errors come from its own streams, keyed by the seed and the member's index
  // only, so scenarios run on the same members see the same errors (common random numbers).
  const byState = o.outcome === 'state';
  const dx = o.diagnosis ?? CONTRACT_DIAGNOSIS;
  const asc = byState ? undefined : new Ascertainer(n, dx, o.noiseSeed ?? 1, priors);
  if (asc) o.onAscertainer?.(asc);
  // Outcome 'state': the glycaemia step flags each member from the first day its usual levels reach a threshold.
  const fpgLimit = dx.fastingGlucoseMgDl === null ? Infinity : dx.fastingGlucoseMgDl / MG_DL_PER_MMOL_L;
  const a1cLimit = dx.hba1cPercent ?? Infinity;
  const diagnosed = asc ? asc.diagnosed : glyc.watch(fpgLimit, a1cLimit);
  // The usual 2-hour glucose of the members not yet diagnosed, computed once a day at most (a visit
  // and an observer on the same day share it).
  let twoHour: { day: number; mgDl: Float64Array } | undefined;
  let today = 0;
  const postLoadInputs = (): PostLoadInputs => ({ fpgMmolL: glyc.fpgMmolL, weightKg: hall.weight, ...glyc.insulinState(hall.weight) });
  const twoHourOfUndiagnosed = (): Float64Array => {
    if (twoHour?.day !== today)
      twoHour = {
        day: today,
        mgDl: twoHourGlucoseMgDl(
          postLoadInputs(),
          priors,
          Uint8Array.from(diagnosed, (x) => 1 - x),
        ),
      };
    return twoHour.mgDl;
  };
  const usual = { fpgMmolL: glyc.fpgMmolL, hba1cPercent: glyc.hba1cPercent, twoHourMgDl: twoHourOfUndiagnosed };
  const view = (day: number): DayView => ({
    day,
    weightKg: hall.weight,
    fpgMmolL: glyc.fpgMmolL,
    hba1cPercent: glyc.hba1cPercent,
    diagnosed,
    twoHourMgDl: twoHourOfUndiagnosed,
    postLoadInputs,
  });
  if (!byState) asc!.visitDay(0, usual, o.screenAtBaseline ?? true);
  observe(view(0));
  for (let d = 1; d <= days; d++) {
    today = d;
    beforeDay?.(d);
    hall.step();
    glyc.step(hall.weight);
    if (!byState) asc!.visitDay(d, usual);
    observe(view(d));
  }
}
