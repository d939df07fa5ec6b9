/**
 * In-silico trials (docs/cli.md `cohort`): a virtual cohort drawn from a trial's published
 * baseline, every arm run on the same virtual people with the same member parameters (common
 * random numbers), so that arm differences are the scenarios' alone.
 */
import { unknownField } from '../util/fields.ts';
import { randomStream, type Rng } from '../util/random.ts';
import { snippet } from '../util/text.ts';
import { CONTRACT_DIAGNOSIS, runEnsemble, type DiagnosisCriteria } from './engine.ts';
import { drawMember, type Member, type VirtualPerson } from './members.ts';
import { EFFECTS, PRIORS, type Effects, type Priors } from './priors.ts';
import { invalidScenario, type Scenario } from './scenario.ts';

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
}
export interface Trial {
  name: string;
  n: number;
  seed: number;
  years: number;
  population: TrialPopulation;
  arms: Record<string, Scenario>;
  /** The trial's own diagnostic criteria (an extension of docs/cli.md; default: fasting glucose ≥ 126 mg/dL or HbA1c ≥ 6.5 %). */
  diagnosis?: DiagnosisCriteria;
}
export interface ArmResult {
  cumulativeIncidence: number[];
  meanWeightChangeKg: number[];
}
export interface CohortResult {
  name: string;
  n: number;
  years: number;
  arms: Record<string, ArmResult>;
}

/**
 * Adult height, m, by sex: mean and SD (NHANES 2015–2018 adults, CDC Vital Health Stat 3(46), 2021:
 * men 175.4 cm, women 161.7 cm; SDs ≈ 7.6 and 7.1 cm). Trials print BMI, not height.
 */
const HEIGHT_M = { male: [1.754, 0.076], female: [1.617, 0.071] } as const;

function truncatedNormal(rng: Rng, mean: number, sd: number, lo: number, hi: number): number {
  for (let i = 0; i < 100; i++) {
    const x = mean + sd * rng.normal();
    if (x >= lo && x <= hi) return x;
  }
  return Math.min(hi, Math.max(lo, mean));
}

/**
 * Virtual participants: no one has diabetes at entry by the trial's criteria (trials of prevention
 * exclude them). Participant i comes from its own stream (seed, 'cohort.population', i).
 */
export function drawParticipants(p: TrialPopulation, n: number, seed: number, dx: DiagnosisCriteria = CONTRACT_DIAGNOSIS): VirtualPerson[] {
  const fpgMax = dx.fastingGlucoseMgDl - 0.1;
  const a1cMax = dx.hba1cPercent === null ? 18 : dx.hba1cPercent - 0.01;
  const out: VirtualPerson[] = [];
  for (let i = 0; i < n; i++) {
    const rng = randomStream(seed, 'cohort.population', i);
    const sex = rng.next() < p.femaleFraction ? 'female' : 'male';
    const [hMean, hSd] = HEIGHT_M[sex];
    const heightM = truncatedNormal(rng, hMean, hSd, hMean - 3 * hSd, hMean + 3 * hSd);
    const bmi = truncatedNormal(rng, p.bmiMean, p.bmiSd, Math.max(17, p.bmiMean - 3 * p.bmiSd), p.bmiMean + 3 * p.bmiSd);
    out.push({
      sex,
      ageYears: truncatedNormal(rng, p.ageMean, p.ageSd, 18, 90),
      heightM,
      weightKg: bmi * heightM ** 2,
      fastingGlucoseMgDl: truncatedNormal(rng, p.fastingGlucoseMgDlMean, p.fastingGlucoseMgDlSd, 70, fpgMax),
      hba1cPercent: truncatedNormal(rng, p.hba1cPercentMean, p.hba1cPercentSd, 4, a1cMax),
    });
  }
  return out;
}

const TRIAL_FIELDS = ['name', 'n', 'seed', 'years', 'population', 'arms', 'diagnosis'];
const POPULATION_FIELDS = [
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
const DIAGNOSIS_FIELDS = ['fastingGlucoseMgDl', 'hba1cPercent', 'visitsPerYear'];
/** Trial fields of a later contract version (the trial's own ascertainment and phases): "not supported yet". */
const POPULATION_LATER = ['twoHourGlucoseMgDlMean', 'twoHourGlucoseMgDlSd', 'entry'];
const DIAGNOSIS_LATER = ['twoHourGlucoseMgDl', 'fastingVisitsPerYear', 'ogttVisitsPerYear', 'confirmation'];

/** Why a parsed JSON value is not a usable trial (an unknown field is named with its path), or undefined. */
export function invalidTrial(t: unknown): string | undefined {
  if (!t || typeof t !== 'object' || Array.isArray(t)) return 'trial is not an object';
  const o = t as Record<string, unknown>;
  const unknown = unknownField(o, 'trial', 'trial', TRIAL_FIELDS);
  if (unknown) return unknown;
  const int = (k: string, lo: number, hi: number): string | undefined =>
    typeof o[k] === 'number' && Number.isInteger(o[k]) && (o[k] as number) >= lo && (o[k] as number) <= hi
      ? undefined
      : `trial.${k} must be a whole number from ${lo} to ${hi}`;
  const bad = int('n', 1, 100_000) ?? int('seed', 0, 2 ** 32 - 1) ?? int('years', 1, 30);
  if (bad) return bad;
  const pop = o.population as Record<string, unknown> | undefined;
  if (!pop || typeof pop !== 'object' || Array.isArray(pop)) return 'trial.population is missing';
  const unknownPop = unknownField(pop, 'trial.population', 'population', POPULATION_FIELDS, POPULATION_LATER);
  if (unknownPop) return unknownPop;
  for (const k of POPULATION_FIELDS) {
    if (typeof pop[k] !== 'number' || !Number.isFinite(pop[k]) || (pop[k] as number) < 0)
      return `trial.population.${k} must be a non-negative number`;
  }
  if ((pop.femaleFraction as number) > 1) return 'trial.population.femaleFraction must be from 0 to 1';
  if (!o.arms || typeof o.arms !== 'object' || Array.isArray(o.arms) || !Object.keys(o.arms).length)
    return 'trial.arms must name at least one arm';
  if (o.diagnosis !== undefined) {
    const d = o.diagnosis as Record<string, unknown> | null;
    const fpg = d?.fastingGlucoseMgDl;
    const a1c = d?.hba1cPercent;
    const unknownDx =
      d && typeof d === 'object' ? unknownField(d, 'trial.diagnosis', 'diagnosis', DIAGNOSIS_FIELDS, DIAGNOSIS_LATER) : undefined;
    if (unknownDx) return unknownDx;
    if (!d || typeof d !== 'object' || typeof fpg !== 'number' || !(fpg >= 90 && fpg <= 200))
      return 'trial.diagnosis.fastingGlucoseMgDl must be a number from 90 to 200';
    if (a1c !== null && !(typeof a1c === 'number' && a1c >= 5 && a1c <= 9))
      return 'trial.diagnosis.hba1cPercent must be null or a number from 5 to 9';
    if (d.visitsPerYear !== undefined && d.visitsPerYear !== 1 && d.visitsPerYear !== 2)
      return 'trial.diagnosis.visitsPerYear must be 1 or 2';
  }
  for (const [name, s] of Object.entries(o.arms)) {
    const where = `trial.arms.${snippet(name, 60)}`;
    // An arm in phases is a later contract version's; an arm is one scenario from year 0.
    if (s && typeof s === 'object' && 'phases' in s) return `${where}.phases is not supported yet`;
    const why = invalidScenario(s, where);
    if (why) return why;
  }
  return undefined;
}

/** The trial's virtual participants as members: participant i's parameters from the stream (seed, 'prior', i). */
export function cohortMembers(t: Pick<Trial, 'population' | 'n' | 'seed' | 'diagnosis'>, priors: Priors = PRIORS): Member[] {
  return drawParticipants(t.population, t.n, t.seed, t.diagnosis).map((p, i) =>
    drawMember(p, randomStream(t.seed, 'prior', i), priors, false),
  );
}

export function runCohort(t: Trial, priors: Priors = PRIORS, effects: Effects = EFFECTS): CohortResult {
  const members = cohortMembers(t, priors);
  const arms: Record<string, ArmResult> = {};
  for (const [name, scenario] of Object.entries(t.arms)) {
    const res: ArmResult = { cumulativeIncidence: [], meanWeightChangeKg: [] };
    runEnsemble(
      members,
      scenario,
      t.years * 365,
      (v) => {
        if (v.day === 0 || v.day % 365 !== 0) return;
        let dx = 0;
        let dw = 0;
        for (let i = 0; i < members.length; i++) {
          dx += v.diagnosed[i]!;
          dw += v.weightKg[i]! - members[i]!.body.weightKg;
        }
        res.cumulativeIncidence.push(dx / members.length);
        res.meanWeightChangeKg.push(dw / members.length);
      },
      { noiseSeed: t.seed, screenAtBaseline: false, diagnosis: t.diagnosis, effects },
    );
    arms[name] = res;
  }
  return { name: t.name, n: t.n, years: t.years, arms };
}
