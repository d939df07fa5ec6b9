import { useEffect, useRef, useState } from 'react';
import type { Scenario } from '../../../models/twin/scenario.ts';
import type { ForecastResult } from '../../twin/forecast.ts';
import type { Workspace } from '../../data/workspace.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { twinWorker } from '../../workers/index.ts';
import { errorText } from '../error-text.ts';

export interface ForecastState<M = undefined> {
  result?: ForecastResult;
  /** The scenarios `result` answers (the newest request may still be running). */
  forScenarios?: Scenario[];
  /** The caller's description of those scenarios (e.g. the plans, with their names), as it was when they were asked for. */
  forMeta?: M;
  busy: boolean;
  error?: string;
  /** Worker round trip of the last answer, ms. */
  ms?: number;
  /** The last answer is a quick one from part of the ensemble (a slider moving); the full one follows. */
  preview?: boolean;
  /** The last full answer (not a preview), with what it answers. */
  full?: { result: ForecastResult; forScenarios: Scenario[]; forMeta?: M };
}

/**
 * The twin's forecast of `scenarios`, newest request wins. A slider sends many requests; while one
 * runs in the worker, only the latest waiting one is kept and runs next, so the worker never queues
 * stale work. Requests are not aborted: aborting terminates the worker (bridge.ts), which would drop
 * its cached calibrated ensemble and cost the next what-if a full calibration (~0.6 s instead of ~45 ms).
 * `version` re-runs the forecast when the person's data change (a new snapshot after an import).
 * `preview` (members) asks for a quick answer from part of the kept ensemble while a slider moves;
 * the caller asks again without it when the slider rests.
 */
export function useForecast<M = undefined>(
  ws: Workspace,
  scenarios: Scenario[],
  version: unknown,
  meta?: M,
  preview?: number,
): ForecastState<M> {
  const [state, setState] = useState<ForecastState<M>>({ busy: true });
  const queue = useRef<{ running: boolean; next?: { sc: Scenario[]; meta: M | undefined; preview?: number }; alive: boolean }>({
    running: false,
    alive: true,
  });
  const key = JSON.stringify([ws, scenarios, version, preview]);

  useEffect(() => {
    const q = queue.current;
    q.alive = true;
    const start = ({ sc, meta: m, preview: pv }: { sc: Scenario[]; meta: M | undefined; preview?: number }): void => {
      q.running = true;
      setState((s) => ({ ...s, busy: true }));
      const t0 = performance.now();
      twinWorker
        .run((api) => api.forecast(ws, sc, { years: 10, ...(pv ? { preview: pv } : {}) }))
        .then(
          (result) => {
            if (q.alive)
              setState((s) => {
                const answer = { result, forScenarios: sc, ...(m === undefined ? {} : { forMeta: m }) };
                const full = pv ? s.full : answer;
                return {
                  ...answer,
                  busy: q.next !== undefined,
                  ms: performance.now() - t0,
                  ...(pv ? { preview: true } : {}),
                  ...(full ? { full } : {}),
                };
              });
          },
          (e: unknown) => {
            if (q.alive && !isAbortError(e)) setState((s) => ({ ...s, busy: false, error: errorText(e) }));
          },
        )
        .finally(() => {
          q.running = false;
          const next = q.next;
          q.next = undefined;
          if (next && q.alive) start(next);
        });
    };
    const ask = { sc: scenarios, meta, ...(preview ? { preview } : {}) };
    if (q.running) q.next = ask;
    else start(ask);
    return () => {
      q.alive = false;
      q.next = undefined;
    };
    // `key` stands for ws, scenarios and version by value (a new array each render must not re-run);
    // `meta` travels with the scenarios it describes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
