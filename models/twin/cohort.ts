/**
 * In-silico trials (docs/cli.md `cohort`): a virtual cohort drawn from a trial's published
 * baseline, every arm run on the same virtual people with the same member parameters (common
 * random numbers), so that arm differences are the scenarios' alone.
 */
import { randomStream, type Rng } from '../util/random.ts';
import { mean } from '../util/stats.ts';
import { CONTRACT_DIAGNOSIS, type DiagnosedBy, type DiagnosisCriteria, type Ascertainer, type TriggerCounts } from './ascertainment.ts';
import { runEnsemble, type DayView, type RunOptions } from './engine.ts';
import { baselineTwoHourMgDl, screen } from './entry.ts';
import { drawMember, MG_DL_PER_MMOL_L, type Member, type VirtualPerson } from './members.ts';
import { runPhases } from './phases.ts';
import { EFFECTS, PRIORS, type Effects, type Priors } from './priors.ts';
import type { Scenario } from './scenario.ts';
import { usesTrialV2, type Trial, type TrialArm, type TrialPopulation } from './trial-schema.ts';

export { invalidTrial, type Trial, type TrialPopulation, type TrialArm, type TrialPhase, type TrialEntry } from './trial-schema.ts';

export interface ArmResult {
  cumulativeIncidence: number[];
  meanWeightChangeKg: number[];
  /** v2: which criteria the confirmed diagnoses met. */
  diagnosedBy?: DiagnosedBy;
  /** v2: the mean usual 2-hour glucose at the end of each year of the arm's members still free of diabetes, mg/dL. */
  meanTwoHourGlucoseMgDl?: number[];
}
export interface CohortResult {
  name: string;
  n: number;
  years: number;
  arms: Record<string, ArmResult>;
}

/** What a trial run shows beyond the contract's output: for validation (models/validation). */
export interface CohortDetail {
  result: CohortResult;
  /** Candidates drawn to enrol n (n when there is no entry selection). */
  candidates: number;
  /** The enrolled members' usual 2-hour glucose at baseline, mg/dL. */
  baselineTwoHourMgDl: Float64Array;
  /** What their screening showed (the mean of the entry tests), mg/dL; empty without entry selection. */
  screenedTwoHourMgDl: Float64Array;
  /** Per arm: what the OGTT visits triggered, and the mean fasting glucose and HbA1c at each year end. */
  arms: Record<string, { triggers: TriggerCounts; meanFpgMgDl: number[]; meanHba1cPercent: number[] }>;
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
  return Array.from({ length: n }, (_, i) => drawParticipant(p, i, seed, dx));
}

/**
 * Participant (or candidate) i. Its stream draws sex, height, BMI, age, fasting glucose and HbA1c,
 * then, where the population gives a 2-hour distribution, its usual 2-hour glucose (`twoHourMgDl`).
 */
export function drawParticipant(
  p: TrialPopulation,
  i: number,
  seed: number,
  dx: DiagnosisCriteria = CONTRACT_DIAGNOSIS,
): VirtualPerson & { twoHourMgDl?: number } {
  const fpgMax = (dx.fastingGlucoseMgDl ?? 450) - 0.1;
  const a1cMax = dx.hba1cPercent === null ? 18 : dx.hba1cPercent - 0.01;
  {
    const rng = randomStream(seed, 'cohort.population', i);
    const sex = rng.next() < p.femaleFraction ? 'female' : 'male';
    const [hMean, hSd] = HEIGHT_M[sex];
    const heightM = truncatedNormal(rng, hMean, hSd, hMean - 3 * hSd, hMean + 3 * hSd);
    const bmi = truncatedNormal(rng, p.bmiMean, p.bmiSd, Math.max(17, p.bmiMean - 3 * p.bmiSd), p.bmiMean + 3 * p.bmiSd);
    const person = {
      sex,
      ageYears: truncatedNormal(rng, p.ageMean, p.ageSd, 18, 90),
      heightM,
      weightKg: bmi * heightM ** 2,
      fastingGlucoseMgDl: truncatedNormal(rng, p.fastingGlucoseMgDlMean, p.fastingGlucoseMgDlSd, 70, fpgMax),
      hba1cPercent: truncatedNormal(rng, p.hba1cPercentMean, p.hba1cPercentSd, 4, a1cMax),
    } as const;
    if (p.twoHourGlucoseMgDlMean === undefined || p.twoHourGlucoseMgDlSd === undefined) return person;
    const twoHourMgDl = truncatedNormal(rng, p.twoHourGlucoseMgDlMean, p.twoHourGlucoseMgDlSd, 50, 400);
    return { ...person, twoHourMgDl };
  }
}

/** The trial's members and their baseline 2-hour glucose (entry selection where the trial has one). */
export function enrol(
  t: Pick<Trial, 'population' | 'n' | 'seed' | 'diagnosis'>,
  priors: Priors = PRIORS,
  withTwoHour = true,
): { members: Member[]; candidates: number; twoHourMgDl: Float64Array; screenedTwoHourMgDl: Float64Array } {
  const p = t.population;
  const person = (j: number): VirtualPerson & { twoHourMgDl?: number } => drawParticipant(p, j, t.seed, t.diagnosis);
  const target = p.twoHourGlucoseMgDlMean === undefined ? undefined : (j: number): number => person(j).twoHourMgDl!;
  if (p.entry || target) {
    const s = screen(t.n, t.seed, p.entry ?? {}, person, target, priors);
    return s;
  }
  const members = Array.from({ length: t.n }, (_, i) =>
    drawMember(person(i), randomStream(t.seed, 'prior', i), priors, false, randomStream(t.seed, 'prior.peripheral', i)),
  );
  const twoHourMgDl = withTwoHour ? baselineTwoHourMgDl(members, priors) : new Float64Array(0);
  return { members, candidates: t.n, twoHourMgDl, screenedTwoHourMgDl: new Float64Array(0) };
}

/** The trial's virtual participants as members: participant i's parameters from the stream (seed, 'prior', i). */
export function cohortMembers(t: Pick<Trial, 'population' | 'n' | 'seed' | 'diagnosis'>, priors: Priors = PRIORS): Member[] {
  return enrol(t, priors, false).members;
}

/** Runs one arm: its scenario, or its phases, for the trial's years. */
function runArm(members: readonly Member[], arm: TrialArm, days: number, observe: (v: DayView) => void, o: RunOptions): void {
  if ('phases' in arm) {
    const phases = arm.phases.map(({ fromYear, ...scenario }) => ({ fromDay: fromYear * 365, scenario: scenario as Scenario }));
    runPhases(members, phases, days, observe, o);
  } else runEnsemble(members, arm, days, observe, o);
}

/** The trial, every arm on the same members, with what validation needs beyond the contract's output. */
export function runCohortDetailed(t: Trial, priors: Priors = PRIORS, effects: Effects = EFFECTS): CohortDetail {
  const v2 = usesTrialV2(t);
  const { members, candidates, twoHourMgDl, screenedTwoHourMgDl } = enrol(t, priors, v2);
  const arms: Record<string, ArmResult> = {};
  const detail: CohortDetail['arms'] = {};
  for (const [name, arm] of Object.entries(t.arms)) {
    const res: ArmResult = { cumulativeIncidence: [], meanWeightChangeKg: [] };
    const d = { meanFpgMgDl: [] as number[], meanHba1cPercent: [] as number[] };
    const twoHour: number[] = [];
    let asc: Ascertainer | undefined;
    runArm(
      members,
      arm,
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
        d.meanFpgMgDl.push(mean(v.fpgMmolL) * MG_DL_PER_MMOL_L);
        d.meanHba1cPercent.push(mean(v.hba1cPercent));
        if (v2) twoHour.push(mean(v.twoHourMgDl()));
      },
      { noiseSeed: t.seed, screenAtBaseline: false, diagnosis: t.diagnosis, effects, priors, onAscertainer: (a) => (asc = a) },
    );
    if (v2) {
      res.diagnosedBy = asc!.diagnosedBy();
      res.meanTwoHourGlucoseMgDl = twoHour;
    }
    arms[name] = res;
    detail[name] = { triggers: { ...asc!.triggers }, ...d };
  }
  return {
    result: { name: t.name, n: t.n, years: t.years, arms },
    candidates,
    baselineTwoHourMgDl: twoHourMgDl,
    screenedTwoHourMgDl,
    arms: detail,
  };
}

export function runCohort(t: Trial, priors: Priors = PRIORS, effects: Effects = EFFECTS): CohortResult {
  return runCohortDetailed(t, priors, effects).result;
}
