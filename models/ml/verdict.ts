/**
 * Whether a learned glucose forecaster may be shown: it must beat both baselines (persistence and
 * the linear autoregressive model) on the person's own held-out later days, on RMSE and on MARD,
 * each by at least MIN_MARGIN.
 * The spread of its held-out errors gives the range shown around each forecast.
 */
import { accuracy, type ForecastAccuracy } from './metrics.ts';
import type { Windows } from './windows.ts';

/** Fewer held-out windows than this and no verdict is given (too little to judge). */
export const MIN_TEST_WINDOWS = 100;
/**
 * The learnt forecast must be at least this much better (relative) than the best baseline on RMSE
 * and on MARD: held-out windows a few minutes apart are strongly correlated, so a smaller edge
 * could be chance.
 */
export const MIN_MARGIN = 0.02;

export interface HorizonEvaluation {
  horizonMin: number;
  nTrain: number;
  nVal: number;
  nTest: number;
  model: ForecastAccuracy;
  persistence: ForecastAccuracy;
  linear: ForecastAccuracy;
  /** True when the model's RMSE and MARD are both at least MIN_MARGIN lower than each baseline's. */
  beatsBaselines: boolean;
  /** Why the forecast is not shown, in words, when it is not. */
  reason?: string;
  /** 10th and 90th percentiles of (reading − forecast) on the held-out days, mg/dL: the 80 % range. */
  band: { lowMgDl: number; highMgDl: number };
}

export function judge(
  horizonMin: number,
  counts: { nTrain: number; nVal: number },
  test: Windows,
  modelMgDl: ArrayLike<number>,
  persistenceMgDl: ArrayLike<number>,
  linearMgDl: ArrayLike<number>,
): HorizonEvaluation {
  const model = accuracy(test.y, modelMgDl);
  const persistence = accuracy(test.y, persistenceMgDl);
  const linear = accuracy(test.y, linearMgDl);
  const residuals = Float64Array.from(test.y, (y, i) => y - modelMgDl[i]!).sort();
  const q = (p: number): number => residuals[Math.min(residuals.length - 1, Math.max(0, Math.round(p * (residuals.length - 1))))]!;
  let reason: string | undefined;
  if (test.n < MIN_TEST_WINDOWS) reason = `only ${test.n} held-out forecasts (${MIN_TEST_WINDOWS} needed to judge)`;
  else {
    const best = (k: 'rmseMgDl' | 'mardPercent'): number => Math.min(persistence[k], linear[k]);
    const lost: string[] = [];
    // Written so that a NaN (a diverged network) loses.
    if (!(model.rmseMgDl <= (1 - MIN_MARGIN) * best('rmseMgDl'))) lost.push('RMSE');
    if (!(model.mardPercent <= (1 - MIN_MARGIN) * best('mardPercent'))) lost.push('MARD');
    if (lost.length) reason = `no better than the simpler forecasts on ${lost.join(' and ')}`;
  }
  return {
    horizonMin,
    ...counts,
    nTest: test.n,
    model,
    persistence,
    linear,
    beatsBaselines: reason === undefined,
    ...(reason ? { reason } : {}),
    band: { lowMgDl: q(0.1), highMgDl: q(0.9) },
  };
}
