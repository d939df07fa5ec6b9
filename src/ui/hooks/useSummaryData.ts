import { useEffect, useState } from 'react';
import type { Scenario } from '../../../models/twin/scenario.ts';
import type { ForecastResult } from '../../twin/forecast.ts';
import type { RiskResult } from '../../twin/risk.ts';
import type { Workspace } from '../../data/workspace.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { twinWorker } from '../../workers/index.ts';
import { errorText } from '../error-text.ts';

/** A worker answer for one version of its inputs: not yet, the answer, or a failure (then settled all the same). */
export type Pending<T> = { state: 'computing' } | { state: 'done'; value: T } | { state: 'failed'; error: string };

const COMPUTING = { state: 'computing' } as const;

/**
 * One worker call per `key`: its answer is kept with the key it answers, so a newer key reads as
 * computing until its own answer lands (never an older answer under newer inputs).
 */
function useWorkerAnswer<T>(key: string | null, call: () => Promise<T>): Pending<T> {
  const [answer, setAnswer] = useState<{ key: string; value: Pending<T> }>();
  useEffect(() => {
    if (key === null) return;
    let live = true;
    // Not aborted: an abort stops the twin worker (and its cached what-if ensemble).
    call().then(
      (value) => live && setAnswer({ key, value: { state: 'done', value } }),
      (e: unknown) => {
        if (!live || isAbortError(e)) return;
        console.error(e);
        setAnswer({ key, value: { state: 'failed', error: errorText(e) } });
      },
    );
    return () => {
      live = false;
    };
    // `key` stands for the inputs of `call`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return answer && answer.key === key ? answer.value : COMPUTING;
}

/**
 * What the visit summary asks the twin worker: the risk report, and the 10-year forecast of "No
 * change" and each saved plan (none asked without saved plans).
 */
export function useSummaryData(
  ws: Workspace,
  snapshotId: unknown,
  plans: Scenario[] | undefined,
): { risk: Pending<RiskResult>; plans: Pending<ForecastResult> | null } {
  const risk = useWorkerAnswer(JSON.stringify([ws, snapshotId ?? null]), () => twinWorker.run((a) => a.risk(ws)));
  const planKey = plans?.length ? JSON.stringify([ws, snapshotId ?? null, plans]) : null;
  const forecast = useWorkerAnswer(planKey, () => twinWorker.run((a) => a.forecast(ws, [{}, ...plans!], { years: 10 })));
  return { risk, plans: planKey === null ? null : forecast };
}
