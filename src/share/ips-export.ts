/**
 * The FHIR patient summary export, run by the twin worker (it needs the risk scores and the twin's
 * forecasts): the person's data gathered here, the document built by the pure `ipsBundle`.
 */
import { readSamples } from '../data/samples.ts';
import { ENTRY_SOURCE_KEY } from '../data/entry-source.ts';
import { workspaceDb, type Workspace } from '../data/workspace.ts';
import type { MetricId } from '../../models/metrics.ts';
import type { Scenario } from '../../models/twin/scenario.ts';
import type { RiskReport } from '../../models/risk/report.ts';
import { forecast } from '../twin/forecast.ts';
import { risk } from '../twin/risk.ts';
import { SNAPSHOT_ENGINE } from '../twin/snapshot.ts';
import { ipsBundle, type IpsForecast, type IpsScore } from './fhir-ips.ts';

/** What the summary's vital signs and results sections hold. */
const IPS_METRICS: MetricId[] = [
  'body_weight',
  'height',
  'waist_circumference',
  'systolic_bp',
  'diastolic_bp',
  'resting_heart_rate',
  'hba1c',
  'blood_glucose',
  'ogtt_2h_glucose',
  'total_cholesterol',
  'hdl_cholesterol',
  'ldl_cholesterol',
  'triglycerides',
  'creatinine',
  'egfr',
];

/** Every score the report could compute, with its published source. */
export function ipsScores(report: RiskReport): IpsScore[] {
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
  return scores;
}

/** The twin's 10-year forecast under "No change" and each saved plan (none when the profile cannot be simulated). */
async function ipsForecasts(ws: Workspace): Promise<IpsForecast[]> {
  const saved = await workspaceDb(ws).scenarios.toArray();
  const plans = [{ name: 'No change', scenario: {} }, ...saved.map((s) => ({ name: s.name, scenario: s.scenario }))];
  const f = await forecast(
    ws,
    plans.map((p) => p.scenario as Scenario),
    { years: 10 },
  );
  if (!f.ok) return [];
  return f.value.results.map((r, i) => ({
    scenarioName: plans[i]!.name,
    scenario: plans[i]!.scenario,
    t2dPercent: 100 * (r.t2dCumulativeProbability[10] ?? 0),
    years: 10,
    engine: SNAPSHOT_ENGINE,
    members: r.members,
  }));
}

export const ipsHandlers = {
  /**
   * A FHIR R4 patient summary (IPS style, fhir-ips.ts): vitals and results with LOINC and UCUM,
   * every risk score, and the twin's 10-year forecast under "No change" and each saved plan.
   */
  async ipsExport(ws: Workspace, appVersion: string): Promise<Record<string, unknown>> {
    const db = workspaceDb(ws);
    const nowMs = Date.now();
    const series = await Promise.all(IPS_METRICS.map(async (metric) => ({ metric, ...(await readSamples(db, metric)) })));
    const { report } = await risk(ws);
    const forecasts = await ipsForecasts(ws);
    const profile = await db.profile.get('self');
    const entered = (await db.sources.where('key').equals(ENTRY_SOURCE_KEY).first())?.id;
    return ipsBundle({
      nowMs,
      appVersion,
      patient: {
        ...(profile?.name ? { name: profile.name } : {}),
        ...(profile?.birthDate ? { birthDate: profile.birthDate } : {}),
        ...(profile?.sex ? { sex: profile.sex } : {}),
      },
      series,
      scores: ipsScores(report),
      forecasts,
      ...(entered === undefined ? {} : { enteredSource: entered }),
    });
  },
};
