/**
 * The `cohort` command's trial (docs/cli.md): its types and the checks that name what is wrong with
 * one, field by field. v2 adds the trial's own ascertainment (`diagnosis`), its entry selection
 * (`population.entry`, the 2-hour distribution) and arms in phases.
 */
import { unknownField } from '../util/fields.ts';
import { snippet } from '../util/text.ts';
import type { DiagnosisCriteria } from './ascertainment.ts';
import { invalidScenario, type Scenario } from './scenario.ts';

/** Ranges a candidate's screening test(s) must fall in to enrol; `tests: 2` = the mean of two tests. */
export interface TrialEntry {
  fastingGlucoseMgDl?: [number, number];
  twoHourGlucoseMgDl?: [number, number];
  tests?: 1 | 2;
}

export interface TrialPopulation {
  ageMean: number;
  ageSd: number;
  femaleFraction: number;
  bmiMean: number;
  bmiSd: number;
  fastingGlucoseMgDlMean: number;
  fastingGlucoseMgDlSd: number;
  hba1cPercentMean: number;
  hba1cPercentSd: number;
  /** The usual 2-hour glucose of the population (before entry selection); absent: the post-load model's own. */
  twoHourGlucoseMgDlMean?: number;
  twoHourGlucoseMgDlSd?: number;
  entry?: TrialEntry;
}

/** A phase of an arm: a scenario from `fromYear` on. */
export type TrialPhase = Scenario & { fromYear: number };
export type TrialArm = Scenario | { phases: TrialPhase[] };

export interface Trial {
  name: string;
  n: number;
  seed: number;
  years: number;
  population: TrialPopulation;
  arms: Record<string, TrialArm>;
  /** The trial's own diagnostic criteria (default: fasting glucose ≥ 126 mg/dL or HbA1c ≥ 6.5 %, twice a year, confirmed). */
  diagnosis?: DiagnosisCriteria;
}

const TRIAL_FIELDS = ['name', 'n', 'seed', 'years', 'population', 'arms', 'diagnosis'];
const POPULATION_REQUIRED = [
  'ageMean',
  'ageSd',
  'femaleFraction',
  'bmiMean',
  'bmiSd',
  'fastingGlucoseMgDlMean',
  'fastingGlucoseMgDlSd',
  'hba1cPercentMean',
  'hba1cPercentSd',
];
const POPULATION_FIELDS = [...POPULATION_REQUIRED, 'twoHourGlucoseMgDlMean', 'twoHourGlucoseMgDlSd', 'entry'];
const ENTRY_FIELDS = ['fastingGlucoseMgDl', 'twoHourGlucoseMgDl', 'tests'];
const DIAGNOSIS_FIELDS = [
  'fastingGlucoseMgDl',
  'hba1cPercent',
  'twoHourGlucoseMgDl',
  'visitsPerYear',
  'fastingVisitsPerYear',
  'ogttVisitsPerYear',
  'confirmation',
];

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** A threshold: null (not a criterion) or a number in [lo, hi]. */
function invalidThreshold(v: unknown, where: string, lo: number, hi: number): string | undefined {
  if (v === null || (typeof v === 'number' && v >= lo && v <= hi)) return undefined;
  return `${where} must be null or a number from ${lo} to ${hi}`;
}

function invalidDiagnosis(d: unknown): string | undefined {
  if (!isObject(d)) return 'trial.diagnosis is not an object';
  const unknown = unknownField(d, 'trial.diagnosis', 'diagnosis', DIAGNOSIS_FIELDS);
  if (unknown) return unknown;
  if (d.fastingGlucoseMgDl === undefined) return 'trial.diagnosis.fastingGlucoseMgDl is missing (null if it is not a criterion)';
  const bad =
    invalidThreshold(d.fastingGlucoseMgDl, 'trial.diagnosis.fastingGlucoseMgDl', 90, 200) ??
    invalidThreshold(d.hba1cPercent ?? null, 'trial.diagnosis.hba1cPercent', 5, 9) ??
    invalidThreshold(d.twoHourGlucoseMgDl ?? null, 'trial.diagnosis.twoHourGlucoseMgDl', 140, 300);
  if (bad) return bad;
  if (d.visitsPerYear !== undefined && d.visitsPerYear !== 1 && d.visitsPerYear !== 2)
    return 'trial.diagnosis.visitsPerYear must be 1 or 2';
  if (d.visitsPerYear !== undefined && d.fastingVisitsPerYear !== undefined)
    return 'trial.diagnosis: give fastingVisitsPerYear or its older name visitsPerYear, not both';
  if (d.fastingVisitsPerYear !== undefined && ![0, 1, 2].includes(d.fastingVisitsPerYear as number))
    return 'trial.diagnosis.fastingVisitsPerYear must be 0, 1 or 2';
  if (d.ogttVisitsPerYear !== undefined && ![0, 0.5, 1, 2].includes(d.ogttVisitsPerYear as number))
    return 'trial.diagnosis.ogttVisitsPerYear must be 0, 0.5, 1 or 2';
  if (d.confirmation !== undefined && !['repeat-same', 'repeat-any', 'none'].includes(d.confirmation as string))
    return 'trial.diagnosis.confirmation must be "repeat-same", "repeat-any" or "none"';
  if (d.twoHourGlucoseMgDl !== undefined && d.twoHourGlucoseMgDl !== null && !d.ogttVisitsPerYear)
    return 'trial.diagnosis.twoHourGlucoseMgDl needs ogttVisitsPerYear above 0 (the 2-hour value comes from an OGTT)';
  const fasting = d.fastingVisitsPerYear ?? d.visitsPerYear ?? 2;
  if (fasting === 0 && !d.ogttVisitsPerYear) return 'trial.diagnosis has no visits: fastingVisitsPerYear and ogttVisitsPerYear are both 0';
  if (d.fastingGlucoseMgDl === null && (d.hba1cPercent ?? null) === null && (d.twoHourGlucoseMgDl ?? null) === null)
    return 'trial.diagnosis has no criterion: every threshold is null';
  return undefined;
}

function invalidRange(v: unknown, where: string, lo: number, hi: number): string | undefined {
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && x >= lo && x <= hi) && v[0] <= v[1]) return undefined;
  return `${where} must be [low, high] with ${lo} ≤ low ≤ high ≤ ${hi}`;
}

function invalidPopulation(pop: unknown): string | undefined {
  if (!isObject(pop)) return 'trial.population is missing';
  const unknownPop = unknownField(pop, 'trial.population', 'population', POPULATION_FIELDS);
  if (unknownPop) return unknownPop;
  for (const k of POPULATION_REQUIRED) {
    if (typeof pop[k] !== 'number' || !Number.isFinite(pop[k]) || (pop[k] as number) < 0)
      return `trial.population.${k} must be a non-negative number`;
  }
  if ((pop.femaleFraction as number) > 1) return 'trial.population.femaleFraction must be from 0 to 1';
  const m = pop.twoHourGlucoseMgDlMean;
  const sd = pop.twoHourGlucoseMgDlSd;
  if ((m === undefined) !== (sd === undefined)) return 'trial.population: give twoHourGlucoseMgDlMean and twoHourGlucoseMgDlSd together';
  if (m !== undefined && !(typeof m === 'number' && m >= 60 && m <= 300))
    return 'trial.population.twoHourGlucoseMgDlMean must be a number from 60 to 300';
  if (sd !== undefined && !(typeof sd === 'number' && sd >= 0 && sd <= 100))
    return 'trial.population.twoHourGlucoseMgDlSd must be a number from 0 to 100';
  if (pop.entry === undefined) return undefined;
  const e = pop.entry;
  if (!isObject(e)) return 'trial.population.entry is not an object';
  const unknownEntry = unknownField(e, 'trial.population.entry', 'trial entry', ENTRY_FIELDS);
  if (unknownEntry) return unknownEntry;
  const bad =
    (e.fastingGlucoseMgDl === undefined
      ? undefined
      : invalidRange(e.fastingGlucoseMgDl, 'trial.population.entry.fastingGlucoseMgDl', 50, 250)) ??
    (e.twoHourGlucoseMgDl === undefined
      ? undefined
      : invalidRange(e.twoHourGlucoseMgDl, 'trial.population.entry.twoHourGlucoseMgDl', 40, 400));
  if (bad) return bad;
  if (e.tests !== undefined && e.tests !== 1 && e.tests !== 2) return 'trial.population.entry.tests must be 1 or 2';
  return undefined;
}

function invalidArm(s: unknown, where: string, years: number): string | undefined {
  if (!isObject(s) || !('phases' in s)) return invalidScenario(s, where);
  const extra = Object.keys(s).find((k) => k !== 'phases');
  if (extra) return `${where}: an arm in phases has only "phases" (${snippet(extra, 60)} belongs in a phase)`;
  const phases = s.phases;
  if (!Array.isArray(phases) || !phases.length) return `${where}.phases must be a non-empty list`;
  let last = -1;
  for (const [k, ph] of phases.entries()) {
    const at = `${where}.phases[${k}]`;
    if (!isObject(ph)) return `${at} is not an object`;
    const { fromYear, ...scenario } = ph;
    if (typeof fromYear !== 'number' || !Number.isInteger(fromYear)) return `${at}.fromYear must be a whole number of years`;
    if (k === 0 && fromYear !== 0) return `${at}.fromYear must be 0 (the first phase starts at randomisation)`;
    if (fromYear <= last) return `${at}.fromYear must come after the previous phase's`;
    if (fromYear >= years) return `${at}.fromYear ${fromYear} is not before the trial's end (year ${years})`;
    if ('startDay' in scenario) return `${at}.startDay is not used in a phase (fromYear says when it starts)`;
    const why = invalidScenario(scenario, at);
    if (why) return why;
    last = fromYear;
  }
  return undefined;
}

/** Why a parsed JSON value is not a usable trial (an unknown field is named with its path), or undefined. */
export function invalidTrial(t: unknown): string | undefined {
  if (!isObject(t)) return 'trial is not an object';
  const unknown = unknownField(t, 'trial', 'trial', TRIAL_FIELDS);
  if (unknown) return unknown;
  const int = (k: string, lo: number, hi: number): string | undefined =>
    typeof t[k] === 'number' && Number.isInteger(t[k]) && (t[k] as number) >= lo && (t[k] as number) <= hi
      ? undefined
      : `trial.${k} must be a whole number from ${lo} to ${hi}`;
  const bad = int('n', 1, 100_000) ?? int('seed', 0, 2 ** 32 - 1) ?? int('years', 1, 30) ?? invalidPopulation(t.population);
  if (bad) return bad;
  if (!isObject(t.arms) || !Object.keys(t.arms).length) return 'trial.arms must name at least one arm';
  if (t.diagnosis !== undefined) {
    const why = invalidDiagnosis(t.diagnosis);
    if (why) return why;
  }
  for (const [name, s] of Object.entries(t.arms)) {
    const why = invalidArm(s, `trial.arms.${snippet(name, 60)}`, t.years as number);
    if (why) return why;
  }
  return undefined;
}

/** Whether the trial uses any v2 field (its output then carries `diagnosedBy` and `meanTwoHourGlucoseMgDl`). */
export function usesTrialV2(t: Trial): boolean {
  const d = t.diagnosis;
  const p = t.population;
  return (
    d?.twoHourGlucoseMgDl != null ||
    d?.ogttVisitsPerYear !== undefined ||
    d?.fastingVisitsPerYear !== undefined ||
    d?.confirmation !== undefined ||
    p.entry !== undefined ||
    p.twoHourGlucoseMgDlMean !== undefined ||
    Object.values(t.arms).some((a) => 'phases' in a)
  );
}
