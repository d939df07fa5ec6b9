/** Twin worker: calibration, forecasts and snapshots of the person's twin. */
import { readSamples } from '../src/data/samples.ts';
import { workspaceDb, type Workspace } from '../src/data/workspace.ts';
import { refreshSnapshot, type SnapshotState } from '../src/twin/snapshot.ts';
import type { MetricId } from '../models/metrics.ts';
import type { ChunkColumns } from '../src/data/chunk-merge.ts';
import { transfer } from 'comlink';
import { exposeApi } from './expose.ts';

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
    return transfer(c, [c.start, c.end, c.value, c.offsetMin, c.source, c.importId, c.flags].map((a) => a.buffer as ArrayBuffer));
  },
};

export type TwinApi = typeof api;
exposeApi(api);
