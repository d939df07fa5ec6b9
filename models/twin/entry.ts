/**
 * Entry selection of a virtual trial (docs/cli.md `cohort`, `population.entry`): candidates are drawn
 * from the trial's population and enrol only if their screening test(s) fall in the entry ranges, as
 * the trial selected them. The tests carry their within-person variability, so a trial that selects
 * on one OGTT (DPP) enrols people whose usual 2-hour glucose lies nearer the population's than their
 * screening value: regression to the mean, which the mean of two tests (DPS) narrows.
 *
 * Random numbers: candidate j's baseline comes from (seed, 'cohort.population', j), its parameters
 * from (seed, 'prior', j) and (seed, 'prior.peripheral', j), its screening test errors from (seed,
 * 'cohort.screening', j): fasting then 2-hour, test after test.
 */
import { whigFpgMmolL } from '../physiology/whig.ts';
import { randomStream } from '../util/random.ts';
import { drawMember, MG_DL_PER_MMOL_L, type Member, type VirtualPerson } from './members.ts';
import { twoHourGlucoseMgDl, type PostLoadInputs } from './post-load.ts';
import { PRIORS, type Priors } from './priors.ts';
import type { TrialEntry } from './trial-schema.ts';

/** Each member's baseline state as the post-load model reads it. */
export function baselinePostLoadInputs(members: readonly Member[]): PostLoadInputs {
  return {
    fpgMmolL: members.map((m) => whigFpgMmolL(m.glycaemia.is0, m.glycaemia.b0)),
    isHepatic: members.map((m) => m.glycaemia.is0),
    isPeripheral: members.map((m) => m.glycaemia.is0 * (m.glycaemia.peripheralRatio ?? 1)),
    beta: members.map((m) => m.glycaemia.b0),
    weightKg: members.map((m) => m.body.weightKg),
  };
}

/** Each member's usual 2-hour glucose at baseline, mg/dL. */
export function baselineTwoHourMgDl(members: readonly Member[], priors: Priors = PRIORS): Float64Array {
  return twoHourGlucoseMgDl(baselinePostLoadInputs(members), priors);
}

/**
 * Sets each member's peripheral insulin sensitivity so that its usual 2-hour glucose is `target[i]`
 * (a population whose 2-hour distribution is given): secant steps on the log of the peripheral
 * ratio, held in e^±4; a target the model cannot reach stops at that bound.
 */
export function fitPeripheralToTwoHour(members: Member[], target: ArrayLike<number>, priors: Priors = PRIORS): void {
  const n = members.length;
  const set = (x: Float64Array): void => members.forEach((m, i) => (m.glycaemia.peripheralRatio = Math.exp(x[i]!)));
  const f = (x: Float64Array): Float64Array => {
    set(x);
    return baselineTwoHourMgDl(members, priors);
  };
  let x0 = new Float64Array(n);
  let y0 = f(x0);
  let x1 = Float64Array.from(y0, (y, i) => (y > target[i]! ? 0.5 : -0.5));
  let y1 = f(x1);
  for (let iter = 0; iter < 8; iter++) {
    let worst = 0;
    const x2 = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const slope = (y1[i]! - y0[i]!) / (x1[i]! - x0[i]! || 1e-9);
      const next = x1[i]! + (target[i]! - y1[i]!) / (slope || -1);
      x2[i] = Math.max(-4, Math.min(4, Number.isFinite(next) ? next : x1[i]!));
      worst = Math.max(worst, Math.abs(target[i]! - y1[i]!));
    }
    if (worst < 0.05) break;
    [x0, y0, x1] = [x1, y1, x2];
    y1 = f(x1);
  }
  set(x1);
}

export interface Screened {
  members: Member[];
  /** Candidates drawn to enrol `members.length`. */
  candidates: number;
  /** The enrolled members' usual 2-hour glucose at baseline, mg/dL (the model's, no test error). */
  twoHourMgDl: Float64Array;
  /** The 2-hour value each enrolled member's screening showed (the mean of its tests), mg/dL. */
  screenedTwoHourMgDl: Float64Array;
}

/** Most candidates a trial may draw per place: beyond that the entry ranges exclude nearly everyone. */
export const MAX_CANDIDATES_PER_PLACE = 200;

/**
 * Draws candidates until `n` pass the entry tests. `person(j)` is candidate j's baseline; `twoHourTarget(j)`
 * its usual 2-hour glucose where the population gives one (else the model's).
 */
export function screen(
  n: number,
  seed: number,
  entry: TrialEntry,
  person: (j: number) => VirtualPerson,
  twoHourTarget: ((j: number) => number) | undefined,
  priors: Priors = PRIORS,
): Screened {
  const kept: Member[] = [];
  const kept2h: number[] = [];
  const screened2h: number[] = [];
  const batch = Math.max(n, 256);
  let j = 0;
  const tests = entry.tests ?? 1;
  while (kept.length < n) {
    if (j >= MAX_CANDIDATES_PER_PLACE * n)
      throw new RangeError(`enrolled only ${kept.length} of ${n} after ${j} candidates: its ranges exclude nearly everyone`);
    const ids = Array.from({ length: batch }, (_, k) => j + k);
    const members = ids.map((id) =>
      drawMember(person(id), randomStream(seed, 'prior', id), priors, false, randomStream(seed, 'prior.peripheral', id)),
    );
    if (twoHourTarget)
      fitPeripheralToTwoHour(
        members,
        ids.map((id) => twoHourTarget(id)),
        priors,
      );
    const inputs = baselinePostLoadInputs(members);
    const g2 = twoHourGlucoseMgDl(inputs, priors);
    const fpg = inputs.fpgMmolL;
    for (let k = 0; k < batch && kept.length < n; k++) {
      const rng = randomStream(seed, 'cohort.screening', ids[k]!);
      let f = 0;
      let t = 0;
      for (let r = 0; r < tests; r++) {
        f += fpg[k]! * MG_DL_PER_MMOL_L * (1 + priors.fpgWithinPersonCv * rng.normal());
        t += g2[k]! * (1 + priors.twoHourWithinPersonCv * rng.normal());
      }
      f /= tests;
      t /= tests;
      const inRange = (v: number, r?: [number, number]): boolean => !r || (v >= r[0] && v <= r[1]);
      if (inRange(f, entry.fastingGlucoseMgDl) && inRange(t, entry.twoHourGlucoseMgDl)) {
        kept.push(members[k]!);
        kept2h.push(g2[k]!);
        screened2h.push(t);
      }
    }
    j += batch;
  }
  return { members: kept, candidates: j, twoHourMgDl: Float64Array.from(kept2h), screenedTwoHourMgDl: Float64Array.from(screened2h) };
}
