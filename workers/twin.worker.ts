/** Twin worker: calibration, forecasts and snapshots of the person's twin. */
import { readSamples } from '../src/data/samples.ts';
import { workspaceDb, type Workspace } from '../src/data/workspace.ts';
import { refreshSnapshot, type SnapshotState } from '../src/twin/snapshot.ts';
import type { MetricId } from '../models/metrics.ts';
import type { ChunkColumns } from '../src/data/chunk-merge.ts';
import { transfer } from 'comlink';
import { runCohort, type CohortResult, type Trial } from '../models/twin/cohort.ts';
import type { Member, VirtualPerson } from '../models/twin/members.ts';
import type { Scenario } from '../models/twin/scenario.ts';
import { simulateMembers, simulateScenarios, type SimulateOptions, type SimulateResult } from '../models/twin/simulate.ts';
import { calibrate, type CalibrationResult } from '../models/twin/calibrate.ts';
import { anchorProgression, anchorReport, type ProgressionAnchor, type ProgressionPrior } from '../models/twin/anchor.ts';
import { twinInputs } from '../src/twin/forecast-inputs.ts';
import { qdiabetesCrossCheck } from '../models/twin/cross-check.ts';
import { cvdUnderScenario, type CvdScenario } from '../models/twin/cvd-scenario.ts';
import { buildRiskProfile, type BuiltProfile } from '../src/risk/profile-builder.ts';
import { riskReport, type RiskReport } from '../models/risk/report.ts';
import type { Explanation } from '../models/risk/common.ts';
import { agp, readingIntervalMin, type AgpResult } from '../models/cgm/agp.ts';
import { ipsBundle, type IpsScore } from '../src/share/fhir-ips.ts';
import { SNAPSHOT_ENGINE } from '../src/twin/snapshot.ts';
import type { MetricId as IpsMetric } from '../models/metrics.ts';
import { exposeApi } from './expose.ts';

/** The calibration's report; `reused` when the ensemble of an earlier call with the same inputs was kept. */
export type ForecastCalibration = Omit<CalibrationResult, 'members'> & { reused?: boolean };

/** One shape for success and failure: Comlink's types distribute over unions of promises. */
export interface ForecastResult {
  ok: boolean;
  /** Why there is no forecast (ok false): what the profile is missing. */
  reason?: string;
  results: SimulateResult[];
  /** Per scenario: QDiabetes-2018 modified by the scenario, beside the twin (shown both where they disagree). */
  crossChecks: ReturnType<typeof qdiabetesCrossCheck>[];
  /** Per scenario: PREVENT and PCE today and under the scenario (smoking, weight). */
  cvd: CvdScenario[];
  calibration?: ForecastCalibration;
  /** The person's progression prior: anchored to their QDiabetes-2018 10-year risk (models/twin/anchor.ts). */
  progression?: ProgressionPrior;
  warnings: string[];
}

/** The person's risk report with each score's drivers (explain()) and the profile's provenance. */
export interface RiskResult extends BuiltProfile {
  report: RiskReport;
  /** By the report's score name, e.g. `qdiabetes2018 B`, `findrisc`, `prevent base10y cvd`. */
  drivers: Record<string, Explanation[]>;
}

/** The last calibrated ensemble per workspace, with the inputs it was made from. */
const twinCache = new Map<
  Workspace,
  { key: string; members: Member[]; calibration: ForecastCalibration; anchor: ProgressionAnchor; runs: Map<string, SimulateResult> }
>();
/**
 * The twin's inputs per workspace, kept while the data are unchanged: every change to the data or
 * the profile (import, undo, profile save, source order) refreshes the snapshot, so the newest
 * snapshot's id and the UTC day (the inputs' window ends today) say when they must be read again.
 * A slider step then costs no reading of five years of samples.
 */
const inputsCache = new Map<Workspace, { key: string; inputs: Awaited<ReturnType<typeof twinInputs>> }>();
async function cachedInputs(ws: Workspace, nowMs = Date.now()): Promise<Awaited<ReturnType<typeof twinInputs>>> {
  const db = workspaceDb(ws);
  const snap = await db.twinSnapshots.orderBy('createdAt').last();
  const key = `${snap?.id ?? 'none'}|${Math.floor(nowMs / 86_400_000)}`;
  const hit = inputsCache.get(ws);
  if (snap && hit?.key === key) return hit.inputs;
  const inputs = await twinInputs(db, nowMs);
  if (snap) inputsCache.set(ws, { key, inputs });
  return inputs;
}

/** Scenario runs kept per ensemble: a slider moves one plan, so "No change" and the other plans are not re-run. */
const MAX_RUNS = 24;

const api = {
  ping(): string {
    return 'twin';
  },
  /** Re-reads the workspace's data and stores a new twin snapshot. */
  refreshSnapshot(ws: Workspace): Promise<SnapshotState> {
    return refreshSnapshot(workspaceDb(ws));
  },
  /** Raw samples of one metric in a time range, moved (not copied) to the caller. */
  async samples(ws: Workspace, metric: MetricId, fromMs: number, toMs: number): Promise<ChunkColumns> {
    const c = await readSamples(workspaceDb(ws), metric, fromMs, toMs);
    return transfer(
      c,
      [c.start, c.end, c.value, c.offsetMin, c.source, c.importId, c.flags].map((a) => a.buffer as ArrayBuffer),
    );
  },
  /**
   * What-ifs: every scenario on the same ensemble (common random numbers), so that differences
   * between them are the scenarios' alone. The ensemble is drawn once per call, from `options.priors`
   * (a person's anchored prior, anchor.ts) or else the population prior (a high-risk population's).
   */
  whatIf(person: VirtualPerson, scenarios: Scenario[], options: SimulateOptions = {}): SimulateResult[] {
    return simulateScenarios(person, scenarios, options);
  },

  /**
   * The person's own twin: calibrated to their stored history (weights, fasting glucose, HbA1c, CGM),
   * then every scenario on the same posterior ensemble. The anchored, calibrated ensemble is kept
   * for the next call while the person's inputs and the options are unchanged (a slider's what-ifs
   * then cost only their runs; `calibration.reused` says so).
   */
  async forecast(ws: Workspace, scenarios: Scenario[], options: SimulateOptions & { nowMs?: number } = {}): Promise<ForecastResult> {
    const inputs = await cachedInputs(ws, options.nowMs);
    if (!inputs.ok) return { ok: false, reason: inputs.reason, results: [], crossChecks: [], cvd: [], warnings: [] };
    const seed = options.seed ?? 1;
    const key = JSON.stringify([ws, inputs.person, inputs.profile, inputs.observations, options.members ?? 1000, seed]);
    let twin = twinCache.get(ws);
    if (twin?.key !== key) {
      const anchor = anchorProgression(inputs.person, inputs.profile);
      const { members, ...calibration } = calibrate(inputs.person, inputs.observations, {
        members: options.members ?? 1000,
        seed,
        priors: anchor.priors,
      });
      twin = { key, members, calibration, anchor, runs: new Map() };
      twinCache.set(ws, twin);
    } else {
      twin = { ...twin, calibration: { ...twin.calibration, reused: true } };
    }
    const { members, calibration, anchor, runs } = twin;
    const years = options.years ?? 10;
    // Same members, scenario, horizon and seed give the same result: a kept run is reused (LRU).
    const results = scenarios.map((s) => {
      const k = JSON.stringify([s, years]);
      let r = runs.get(k);
      if (r) runs.delete(k);
      else r = simulateMembers(members, s, years, seed);
      runs.set(k, r);
      if (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value!);
      return r;
    });
    const crossChecks = scenarios.map((s, i) => qdiabetesCrossCheck(inputs.profile, s, results[i]!));
    const cvd = scenarios.map((s, i) => cvdUnderScenario(inputs.profile, s, results[i]!.weightKg.p50[1]));
    const { progression, warnings } = anchorReport(anchor);
    return {
      ok: true,
      results,
      crossChecks,
      cvd,
      calibration,
      ...(progression ? { progression } : {}),
      warnings: [...inputs.warnings, ...warnings],
    };
  },
  /** The person's risk scores from their stored data, each with its drivers and its inputs' provenance. */
  async risk(ws: Workspace): Promise<RiskResult> {
    const built = await buildRiskProfile(workspaceDb(ws));
    const drivers: Record<string, Explanation[]> = {};
    return { ...built, report: riskReport(built.profile, drivers), drivers };
  },
  /**
   * The AGP report of the `days` days of CGM up to the newest reading (or up to `toMs`): consensus
   * ranges, GMI, CV and the percentiles by time of day.
   */
  async agp(ws: Workspace, days = 14, toMs?: number): Promise<(AgpResult & { fromMs: number; toMs: number }) | undefined> {
    const db = workspaceDb(ws);
    const end = toMs ?? (await db.daily.where('[metric+day]').between(['cgm_glucose', ''], ['cgm_glucose', '\uffff']).last())?.lastT;
    if (end === undefined) return undefined;
    const from = end - days * 86_400_000;
    const s = await readSamples(db, 'cgm_glucose', from + 1, end);
    const r = agp(s.start, s.value, s.offsetMin, days, readingIntervalMin(s.start));
    return r && { ...r, fromMs: from, toMs: end };
  },
  /**
   * A FHIR R4 patient summary (IPS style, src/share/fhir-ips.ts): vitals and results with LOINC and
   * UCUM, every risk score, and the twin's 10-year forecast under "No change" and each saved plan.
   */
  async ipsExport(ws: Workspace, appVersion: string): Promise<Record<string, unknown>> {
    const db = workspaceDb(ws);
    const nowMs = Date.now();
    const metrics: IpsMetric[] = [
      'body_weight',
      'height',
      'waist_circumference',
      'systolic_bp',
      'diastolic_bp',
      'resting_heart_rate',
      'hba1c',
      'blood_glucose',
      'total_cholesterol',
      'hdl_cholesterol',
      'ldl_cholesterol',
      'triglycerides',
      'creatinine',
      'egfr',
    ];
    const series = await Promise.all(metrics.map(async (metric) => ({ metric, ...(await readSamples(db, metric)) })));
    const { report } = await api.risk(ws);
    const scores: IpsScore[] = [];
    for (const m of ['A', 'B', 'C'] as const)
      if (report.qdiabetes2018[m] !== null)
        scores.push({
          name: `QDiabetes-2018 ${m}`,
          outcome: 'Type 2 diabetes',
          percent: report.qdiabetes2018[m]!,
          years: 10,
          model: 'Hippisley-Cox & Coupland, BMJ 2017',
        });
    if (report.findrisc)
      scores.push({
        name: 'FINDRISC',
        outcome: 'Type 2 diabetes',
        percent: report.findrisc.risk10yPercent,
        years: 10,
        model: 'Lindström & Tuomilehto, Diabetes Care 2003',
      });
    if (report.framinghamOffspring)
      scores.push({
        name: 'Framingham Offspring',
        outcome: 'Type 2 diabetes',
        percent: report.framinghamOffspring.risk8yPercent,
        years: 8,
        model: 'Wilson et al., Arch Intern Med 2007',
      });
    if (report.prevent.base10y?.cvd != null)
      scores.push({
        name: 'PREVENT (base, 10-year)',
        outcome: 'Cardiovascular disease',
        percent: report.prevent.base10y.cvd,
        years: 10,
        model: 'Khan et al., Circulation 2024',
      });
    if (report.pce)
      scores.push({
        name: 'Pooled Cohort Equations',
        outcome: 'Atherosclerotic cardiovascular disease',
        percent: report.pce.ascvd10yPercent,
        years: 10,
        model: 'Goff et al., Circulation 2014',
      });
    const saved = await db.scenarios.toArray();
    const plans = [{ name: 'No change', scenario: {} }, ...saved.map((s) => ({ name: s.name, scenario: s.scenario }))];
    const f = await api.forecast(
      ws,
      plans.map((p) => p.scenario as Scenario),
      { years: 10 },
    );
    const forecasts = f.ok
      ? f.results.map((r, i) => ({
          scenarioName: plans[i]!.name,
          scenario: plans[i]!.scenario,
          t2dPercent: 100 * (r.t2dCumulativeProbability[10] ?? 0),
          years: 10,
          engine: SNAPSHOT_ENGINE,
          members: r.members,
        }))
      : [];
    const profile = await db.profile.get('self');
    return ipsBundle({
      nowMs,
      appVersion,
      patient: { ...(profile?.birthDate ? { birthDate: profile.birthDate } : {}), ...(profile?.sex ? { sex: profile.sex } : {}) },
      series,
      scores,
      forecasts,
    });
  },
  /** An in-silico trial (contracts.md §2 `cohort`). */
  cohort(trial: Trial): CohortResult {
    return runCohort(trial);
  },
};

export type TwinApi = typeof api;
exposeApi(api);
