/** The person's risk scores, run by the twin worker. Declares the call's types for the UI. */
import { workspaceDb, type Workspace } from '../data/workspace.ts';
import { buildRiskProfile, type BuiltProfile } from '../risk/profile-builder.ts';
import { riskReport, type RiskReport } from '../../models/risk/report.ts';
import type { Explanation } from '../../models/risk/common.ts';

/** The person's risk report with each score's drivers (explain()) and the profile's provenance. */
export interface RiskResult extends BuiltProfile {
  report: RiskReport;
  /** By the report's score name, e.g. `qdiabetes2018 B`, `findrisc`, `prevent base10y cvd`. */
  drivers: Record<string, Explanation[]>;
}

/** The person's risk scores from their stored data, each with its drivers and its inputs' provenance. */
export async function risk(ws: Workspace): Promise<RiskResult> {
  const built = await buildRiskProfile(workspaceDb(ws));
  const drivers: Record<string, Explanation[]> = {};
  return { ...built, report: riskReport(built.profile, drivers), drivers };
}

export const riskHandlers = { risk };
