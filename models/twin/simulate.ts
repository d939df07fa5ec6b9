/**
 * The twin's forecast for one person (docs/cli.md `simulate`): an ensemble of members drawn
 * around the person's own values, run forward under a scenario; yearly p05–p95 bands of weight,
 * fasting glucose and HbA1c, and the cumulative probability of type 2 diabetes.
 */
import { randomStream } from '../util/random.ts';
import { runEnsemble } from './engine.ts';
import { drawMember, MG_DL_PER_MMOL_L, type Member, type VirtualPerson } from './members.ts';
import { bands, BANDS, type Band } from './percentiles.ts';
import type { Priors } from './priors.ts';
import type { Scenario } from './scenario.ts';

export type BandSeries = Record<Band, number[]>;

export interface SimulateOptions {
  years?: number;
  members?: number;
  seed?: number;
  deterministic?: boolean;
  /** Population priors (default PRIORS); a person's own progression prior comes from anchor.ts. */
  priors?: Priors;
}

export interface SimulateResult {
  years: number[];
  weightKg: BandSeries;
  fastingGlucoseMgDl: BandSeries;
  hba1cPercent: BandSeries;
  t2dCumulativeProbability: number[];
  daily?: { weightKg: number[] };
  members: number;
  seed: number;
}

const emptySeries = (): BandSeries => Object.fromEntries(BANDS.map((b) => [b, []])) as unknown as BandSeries;

/**
 * Members for a person: typical values for a deterministic run, else `count` seeded draws, member i
 * from its own stream (seed, 'prior', i): the first k members of a larger ensemble are the k of a smaller one.
 */
export function ensembleFor(person: VirtualPerson, count: number, seed: number, deterministic = false, priors?: Priors): Member[] {
  if (deterministic) return [drawMember(person, undefined, priors)];
  return Array.from({ length: count }, (_, i) => drawMember(person, randomStream(seed, 'prior', i), priors));
}

/** Runs prepared members (so that scenarios can share them: common random numbers). */
export function simulateMembers(
  members: readonly Member[],
  scenario: Scenario,
  years: number,
  seed: number,
  daily = false,
): SimulateResult {
  const out: SimulateResult = {
    years: [],
    weightKg: emptySeries(),
    fastingGlucoseMgDl: emptySeries(),
    hba1cPercent: emptySeries(),
    t2dCumulativeProbability: [],
    members: members.length,
    seed,
  };
  const dailyWeight: number[] = [];
  runEnsemble(
    members,
    scenario,
    years * 365,
    (v) => {
      if (daily) dailyWeight.push(v.weightKg[0]!);
      if (v.day % 365 !== 0) return;
      out.years.push(v.day / 365);
      const push = (series: BandSeries, b: Record<Band, number>): void => BANDS.forEach((k) => series[k].push(b[k]));
      push(out.weightKg, bands(v.weightKg));
      push(out.fastingGlucoseMgDl, bands(v.fpgMmolL, MG_DL_PER_MMOL_L));
      push(out.hba1cPercent, bands(v.hba1cPercent));
      let dx = 0;
      for (let i = 0; i < v.diagnosed.length; i++) dx += v.diagnosed[i]!;
      out.t2dCumulativeProbability.push(dx / v.diagnosed.length);
    },
    { outcome: 'state' },
  );
  if (daily) out.daily = { weightKg: dailyWeight };
  return out;
}

/** Probability of diabetes by year `y` among members not over a threshold today (as risk equations count: people free of diabetes). */
export function newDiagnosisProbability(cumulative: readonly number[], y: number): number {
  const p0 = cumulative[0] ?? 0;
  return p0 >= 1 ? 0 : (cumulative[y]! - p0) / (1 - p0);
}

export function simulate(person: VirtualPerson, scenario: Scenario, o: SimulateOptions = {}): SimulateResult {
  const years = o.years ?? 10;
  const seed = o.seed ?? 1;
  const members = ensembleFor(person, o.members ?? 1000, seed, o.deterministic, o.priors);
  return simulateMembers(members, scenario, years, seed, o.deterministic);
}

/** Scenarios on the same members (common random numbers): differences are the scenarios' alone. */
export function simulateScenarios(person: VirtualPerson, scenarios: readonly Scenario[], o: SimulateOptions = {}): SimulateResult[] {
  const years = o.years ?? 10;
  const seed = o.seed ?? 1;
  const members = ensembleFor(person, o.members ?? 1000, seed, o.deterministic, o.priors);
  return scenarios.map((s) => simulateMembers(members, s, years, seed, o.deterministic));
}

export function compareScenarios(
  person: VirtualPerson,
  a: Scenario,
  b: Scenario,
  o: SimulateOptions = {},
): [SimulateResult, SimulateResult] {
  const [ra, rb] = simulateScenarios(person, [a, b], o);
  return [ra!, rb!];
}
