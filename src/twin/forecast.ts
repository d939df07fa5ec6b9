/**
 * The twin's forecasts, run by the twin worker: the person's own twin (`forecast`), what-ifs from a
 * given person (`whatIf`) and in-silico trials (`cohort`). Declares the calls' types for the UI.
 */
import { workspaceDb, type Workspace } from '../data/workspace.ts';
import { dataRevision } from '../data/revision.ts';
import { fail, ok, type Result } from '../rpc/result.ts';
import { runCohort, type CohortResult, type Trial } from '../../models/twin/cohort.ts';
import type { Member, VirtualPerson } from '../../models/twin/members.ts';
import type { Scenario } from '../../models/twin/scenario.ts';
import { simulateMembers, simulateScenarios, type SimulateOptions, type SimulateResult } from '../../models/twin/simulate.ts';
import { calibrate, type CalibrationResult } from '../../models/twin/calibrate.ts';
import { anchorProgression, anchorReport, type ProgressionAnchor, type ProgressionPrior } from '../../models/twin/anchor.ts';
import { qdiabetesCrossCheck, weightAtOneYear } from '../../models/twin/cross-check.ts';
import type { CannotSimulate } from '../../models/twin/person-from-profile.ts';
import { cvdUnderScenario, type CvdScenario } from '../../models/twin/cvd-scenario.ts';
import type { TwinNote } from '../../models/twin/notes.ts';
import { twinInputs, type TwinInputs } from './forecast-inputs.ts';
import { diabetesRisk, hasDiabetes, type DiabetesRisk, type HasDiabetes } from '../../models/twin/headline.ts';

/** The calibration's report; `reused` when the ensemble of an earlier call with the same inputs was kept. */
export type ForecastCalibration = Omit<CalibrationResult, 'members'> & { reused?: boolean };

/** The person's own twin under each scenario. */
export interface Forecast {
  results: SimulateResult[];
  /** Per scenario: QDiabetes-2018 modified by the scenario, beside the twin (shown both where they disagree). */
  crossChecks: ReturnType<typeof qdiabetesCrossCheck>[];
  /** Per scenario: PREVENT and PCE today and under the scenario (smoking, weight). */
  cvd: CvdScenario[];
  calibration: ForecastCalibration;
  /** The person's progression prior: anchored to their QDiabetes-2018 10-year risk (models/twin/anchor.ts). */
  progression?: ProgressionPrior;
  /** Set when the person already has diabetes: the twin's diabetes and glucose forecasts do not apply to them. */
  hasDiabetes: HasDiabetes | null;
  /** In English, for logs; the app words `notes`. */
  warnings: string[];
  /** The person model's and the anchor's notes as data (models/twin/notes.ts), for the app to word. */
  notes: TwinNote[];
}

/**
 * The headline answer (models/twin/headline.ts): the twin's risk of new type 2 diabetes within 10
 * years under no change, from the very forecast the what-if explorer starts from (same call, same
 * kept ensemble); or why there is none.
 */
export type HeadlineResult =
  | {
      kind: 'risk';
      risk: DiabetesRisk;
      /** The published score the twin's progression is matched to (QDiabetes-2018 A, B or C), and its value for the person today, %. */
      anchor?: { variant: 'A' | 'B' | 'C'; percent: number };
      observationsUsed: number;
    }
  | { kind: 'hasDiabetes'; why: HasDiabetes }
  | { kind: 'cannot'; why: CannotSimulate };

/** `CANNOT_SIMULATE`: the profile lacks what the twin needs or lies outside its models' range (the message says which). */
export type ForecastResult = Result<Forecast, 'CANNOT_SIMULATE', CannotSimulate>;

type Inputs = TwinInputs & { ok: true };

/**
 * The twin's inputs per workspace, kept while the data are unchanged: the data revision (raised by
 * every write that changes the person's data, src/data/revision.ts) and the UTC day (the inputs'
 * window ends today) say when they must be read again. A slider step then costs no reading of five
 * years of samples, and no writer has to tell this cache.
 */
const inputsCache = new Map<Workspace, { key: string; inputs: TwinInputs }>();

/** The last calibrated ensemble per workspace, with the inputs it was made from. */
const twinCache = new Map<
  Workspace,
  { key: string; members: Member[]; calibration: ForecastCalibration; anchor: ProgressionAnchor; runs: Map<string, SimulateResult> }
>();

/** Scenario runs kept per ensemble: a slider moves one plan, so "No change" and the other plans are not re-run. */
const MAX_RUNS = 24;

async function cachedInputs(ws: Workspace, nowMs = Date.now()): Promise<TwinInputs> {
  const db = workspaceDb(ws);
  // Read before the inputs: a write landing in between leaves newer inputs under an older key (re-read next time), never the reverse.
  const key = `${await dataRevision(db)}|${Math.floor(nowMs / 86_400_000)}`;
  const hit = inputsCache.get(ws);
  if (hit?.key === key) return hit.inputs;
  const inputs = await twinInputs(db, nowMs);
  inputsCache.set(ws, { key, inputs });
  return inputs;
}

function calibrated(ws: Workspace, inputs: Inputs, members: number, seed: number): NonNullable<ReturnType<typeof twinCache.get>> {
  const key = JSON.stringify([ws, inputs.person, inputs.profile, inputs.observations, members, seed]);
  const twin = twinCache.get(ws);
  if (twin?.key === key) return { ...twin, calibration: { ...twin.calibration, reused: true } };
  const anchor = anchorProgression(inputs.person, inputs.profile);
  const { members: drawn, ...calibration } = calibrate(inputs.person, inputs.observations, { members, seed, priors: anchor.priors });
  const fresh = { key, members: drawn, calibration, anchor, runs: new Map<string, SimulateResult>() };
  twinCache.set(ws, fresh);
  return fresh;
}

/**
 * The person's own twin: calibrated to their stored history (weights, fasting glucose, HbA1c, CGM),
 * then every scenario on the same posterior ensemble. The anchored, calibrated ensemble is kept
 * for the next call while the person's inputs and the options are unchanged (a slider's what-ifs
 * then cost only their runs; `calibration.reused` says so).
 */
export async function forecast(
  ws: Workspace,
  scenarios: Scenario[],
  options: SimulateOptions & {
    nowMs?: number;
    /**
     * Run only the first `preview` members of the kept ensemble (a fair sample of it: the members'
     * order does not depend on their values), for the quick answers a moving slider asks for; the
     * full ensemble's answer follows when the slider rests.
     */
    preview?: number;
  } = {},
): Promise<ForecastResult> {
  const inputs = await cachedInputs(ws, options.nowMs);
  if (!inputs.ok) return fail('CANNOT_SIMULATE', inputs.reason, inputs.why);
  const seed = options.seed ?? 1;
  const { members: all, calibration, anchor, runs } = calibrated(ws, inputs, options.members ?? 1000, seed);
  const preview = options.preview !== undefined && options.preview < all.length ? options.preview : 0;
  const members = preview ? all.slice(0, preview) : all;
  const years = options.years ?? 10;
  // Same members, scenario, horizon and seed give the same result: a kept run is reused (LRU).
  const run = (s: Scenario): SimulateResult => {
    const k = JSON.stringify([s, years, preview]);
    let r = runs.get(k);
    if (r) runs.delete(k);
    else r = simulateMembers(members, s, years, seed);
    runs.set(k, r);
    if (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value!);
    return r;
  };
  const results = scenarios.map(run);
  // The published scores move with what a plan changes against the same members without it (a
  // "No change" among the scenarios, else its kept run), so "No change" scores today's profile.
  const none = scenarios.findIndex((s) => Object.keys(s).length === 0);
  const noChange = none >= 0 ? results[none]! : run({});
  const crossChecks = scenarios.map((s, i) => qdiabetesCrossCheck(inputs.profile, s, results[i]!, noChange));
  const cvd = scenarios.map((s, i) => cvdUnderScenario(inputs.profile, s, weightAtOneYear(inputs.profile, results[i]!, noChange)));
  const { progression, warnings, notes } = anchorReport(anchor);
  return ok({
    results,
    crossChecks,
    cvd,
    calibration,
    ...(progression ? { progression } : {}),
    hasDiabetes: hasDiabetes(inputs.profile),
    warnings: [...inputs.warnings, ...warnings],
    notes: [...inputs.notes, ...notes],
  });
}

/** The options every screen's no-change forecast uses, so that they share one run (and one number). */
export const SCREEN_FORECAST: SimulateOptions = { years: 10 };

export async function headline(ws: Workspace, options: { nowMs?: number } = {}): Promise<HeadlineResult> {
  const f = await forecast(ws, [{}], { ...SCREEN_FORECAST, ...options });
  if (!f.ok) return { kind: 'cannot', why: f.error.detail! };
  if (f.value.hasDiabetes) return { kind: 'hasDiabetes', why: f.value.hasDiabetes };
  const risk = diabetesRisk(f.value.results[0]!, 10)!;
  const p = f.value.progression;
  return {
    kind: 'risk',
    risk,
    ...(p ? { anchor: { variant: p.source.slice(-1) as 'A' | 'B' | 'C', percent: p.target10yPercent } } : {}),
    observationsUsed: f.value.calibration.observationsUsed,
  };
}

export const forecastHandlers = {
  forecast,
  headline,
  /**
   * What-ifs: every scenario on the same ensemble (common random numbers), so that differences
   * between them are the scenarios' alone. The ensemble is drawn once per call, from `options.priors`
   * (a person's anchored prior, anchor.ts) or else the population prior (a high-risk population's).
   */
  whatIf(person: VirtualPerson, scenarios: Scenario[], options: SimulateOptions = {}): SimulateResult[] {
    return simulateScenarios(person, scenarios, options);
  },
  /** An in-silico trial (docs/cli.md `cohort`). */
  cohort(trial: Trial): CohortResult {
    return runCohort(trial);
  },
};
