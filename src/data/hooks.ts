import { useLiveQuery } from 'dexie-react-hooks';
import type { MetricId } from '../../models/metrics.ts';
import type { DailyRow, ImportRow, ProfileRow, ScenarioRow, TwinSnapshotRow } from './rows.ts';
import { listImports } from './imports.ts';
import { getProfile } from './profile.ts';
import { readDaily } from './samples.ts';
import { getAllSettings, type Settings } from './settings.ts';
import { latestSnapshot, listScenarios } from './twin.ts';
import { workspaceDb, type Workspace } from './workspace.ts';
import { metricSummaries, type MetricSummary } from './timeline.ts';

/** Live queries: each re-runs when the tables it read change (in this tab, a worker or another tab). */

export function useDaily(ws: Workspace, metric: MetricId, fromDay?: string, toDay?: string): DailyRow[] | undefined {
  return useLiveQuery(() => readDaily(workspaceDb(ws), metric, fromDay, toDay), [ws, metric, fromDay, toDay]);
}

export function useProfile(ws: Workspace): ProfileRow | undefined | null {
  return useLiveQuery(async () => (await getProfile(workspaceDb(ws))) ?? null, [ws]);
}

export function useImports(ws: Workspace): ImportRow[] | undefined {
  return useLiveQuery(() => listImports(workspaceDb(ws)), [ws]);
}

export function useLatestSnapshot(ws: Workspace): TwinSnapshotRow | undefined | null {
  return useLiveQuery(async () => (await latestSnapshot(workspaceDb(ws))) ?? null, [ws]);
}

export function useSettings(ws: Workspace): Settings | undefined {
  return useLiveQuery(() => getAllSettings(workspaceDb(ws)), [ws]);
}

export function useSavedScenarios(ws: Workspace): ScenarioRow[] | undefined {
  return useLiveQuery(() => listScenarios(workspaceDb(ws)), [ws]);
}

export function useMetricSummaries(ws: Workspace): MetricSummary[] | undefined {
  return useLiveQuery(() => metricSummaries(workspaceDb(ws)), [ws]);
}
