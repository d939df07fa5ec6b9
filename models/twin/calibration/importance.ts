/**
 * Calibration stage 1, importance sampling: members drawn from the population priors around the
 * person as they were at the start of the history, weighted by the likelihood of the history.
 */
import type { Streams } from '../../util/random.ts';
import { drawMember, type Member, type VirtualPerson } from '../members.ts';
import type { Priors } from '../priors.ts';

export interface ImportanceWeights {
  /** Normalised weights (sum 1). */
  weights: Float64Array;
  /** Effective sample size 1 / Σw², as a fraction of the draws. */
  essFraction: number;
}

/** Normalised importance weights from log-likelihoods (shifted by their maximum, so none overflows), and their effective sample size. */
export function importanceWeights(logLik: Float64Array): ImportanceWeights {
  const n = logLik.length;
  let max = -Infinity;
  for (const x of logLik) max = Math.max(max, x);
  const w = Float64Array.from(logLik, (x) => Math.exp(x - max));
  const sum = w.reduce((a, b) => a + b, 0);
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    w[i] = w[i]! / sum;
    sumSq += w[i]! ** 2;
  }
  return { weights: w, essFraction: 1 / sumSq / n };
}

export interface ImportanceSample extends ImportanceWeights {
  drawn: Member[];
  logLik: Float64Array;
}

/**
 * `draws` members of the person at the start of the history (`past`), draw k from the stream
 * ('prior', k), weighted by `logLikOf` (the history's log-likelihood of each). With `peripheral`
 * (the history has an OGTT), draw k's peripheral insulin sensitivity comes from ('prior.peripheral',
 * k); without it every draw has the typical value and that stream is not used.
 */
export function importanceSample(
  past: VirtualPerson,
  draws: number,
  streams: Streams,
  priors: Priors,
  logLikOf: (ms: readonly Member[]) => Float64Array,
  peripheral = false,
): ImportanceSample {
  const drawn = Array.from({ length: draws }, (_, k) =>
    drawMember(past, streams('prior', k), priors, true, peripheral ? streams('prior.peripheral', k) : undefined),
  );
  const logLik = logLikOf(drawn);
  return { drawn, logLik, ...importanceWeights(logLik) };
}
