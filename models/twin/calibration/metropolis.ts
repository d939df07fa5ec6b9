/**
 * A Metropolis step for a population of particles (Metropolis et al. 1953; Hastings 1970): each
 * particle proposes a move from its own random stream, the proposals' likelihoods are computed
 * together (the twin runs them as one ensemble), and each move is accepted with probability
 * min(1, target(q) / target(m)) using the particle's next uniform. With a proposal symmetric in the
 * moved coordinates this keeps the target (likelihood × prior) invariant.
 */
import type { Rng } from '../../util/random.ts';

export interface MetropolisTarget<T> {
  /** A proposal for particle `m`, drawn from its own stream. */
  propose(m: T, rng: Rng): T;
  /** Log-likelihood of every proposal, up to a constant. */
  logLik(proposals: readonly T[]): Float64Array;
  /** Log prior density, up to a constant. */
  logPrior(m: T): number;
  /** Whether a move from `m` to `q` may be accepted at all (default: always); a refused move still uses its uniform. */
  admissible?(m: T, q: T): boolean;
}

export interface MetropolisStep<T> {
  particles: T[];
  /** Each particle's log-likelihood after the step. */
  logLik: Float64Array;
  accepted: number;
}

/** One Metropolis step of every particle; particle i draws from `rngs[i]`: its proposal, then one uniform. */
export function metropolisStep<T>(
  particles: readonly T[],
  logLik: Float64Array,
  target: MetropolisTarget<T>,
  rngs: readonly Rng[],
): MetropolisStep<T> {
  const proposals = particles.map((m, i) => target.propose(m, rngs[i]!));
  const qll = target.logLik(proposals);
  const ll = Float64Array.from(logLik);
  let accepted = 0;
  const next = particles.map((m, i) => {
    const q = proposals[i]!;
    const ok = target.admissible?.(m, q) ?? true;
    const logAlpha = ok ? qll[i]! - ll[i]! + target.logPrior(q) - target.logPrior(m) : -Infinity;
    if (Math.log(rngs[i]!.next()) < logAlpha) {
      accepted++;
      ll[i] = qll[i]!;
      return q;
    }
    return m;
  });
  return { particles: next, logLik: ll, accepted };
}
