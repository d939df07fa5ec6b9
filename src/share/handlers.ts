/** The import worker's share calls (workers/import.worker.ts composes them). Declares their types for the UI. */
import { transfer } from 'comlink';
import { workspaceDb, type Workspace } from '../data/workspace.ts';
import { createShare, openShareInto } from './share.ts';
import type { ShareScope } from './payload.ts';
import type { Secret } from './format.ts';

export interface MadeShare {
  bytes: Uint8Array;
  samples: number;
  makeMs: number;
}

export interface OpenedShare {
  label: string;
  sharedAt: string;
  samples: number;
}

export const shareHandlers = {
  /**
   * A share file of the chosen part of a workspace, sealed here (Argon2id takes ~0.16 s on this
   * machine, ~1 s on a phone): its bytes are moved, not copied, to the caller.
   */
  async createShare(ws: Workspace, scope: ShareScope, label: string, secret: Secret): Promise<MadeShare> {
    const t0 = performance.now();
    const { bytes, payload } = await createShare(workspaceDb(ws), scope, label, secret);
    const samples = payload.samples.reduce((s, x) => s + x.start.length, 0);
    return transfer({ bytes, samples, makeMs: performance.now() - t0 }, [bytes.buffer as ArrayBuffer]);
  },
  /** Opens a share file into the review workspace (emptied first); nothing is stored when it cannot be opened. */
  async openShare(bytes: Uint8Array, secret: Secret): Promise<OpenedShare> {
    const p = await openShareInto(workspaceDb('review'), bytes, secret);
    return { label: p.label, sharedAt: p.sharedAt, samples: p.samples.reduce((s, x) => s + x.start.length, 0) };
  },
};
