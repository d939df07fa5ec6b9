import { useEffect, useState } from 'react';
import type { HeadlineResult } from '../../twin/forecast.ts';
import type { Workspace } from '../../data/workspace.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { twinWorker } from '../../workers/index.ts';
import { errorText } from '../error-text.ts';
import { shownWorkspace } from './useWorkspace.ts';

/**
 * The headline risk of type 2 diabetes (src/twin/forecast.ts `headline`): the twin worker's
 * no-change forecast, the same run the what-if explorer starts from. `version` re-asks after the
 * person's data change (a new snapshot). Not aborted: an abort would stop the twin worker and drop
 * its kept ensemble.
 */
export function useHeadline(ws: Workspace, version: unknown): { result?: HeadlineResult; error?: string } {
  const [state, setState] = useState<{ result?: HeadlineResult; error?: string; key?: string }>({});
  const key = JSON.stringify([ws, version]);
  useEffect(() => {
    // A workspace this tab no longer shows (the demo just removed) is not asked for: the call would
    // open its database again after the delete.
    if (shownWorkspace() !== ws) return;
    let live = true;
    twinWorker
      .run((api) => api.headline(ws))
      .then(
        (result) => live && setState({ result, key }),
        (e: unknown) => {
          if (live && !isAbortError(e)) setState({ error: errorText(e), key });
        },
      );
    return () => {
      live = false;
    };
  }, [ws, key]);
  return state.key === key ? state : {};
}
