/**
 * For differential tests of the keyed random streams: `mockRandom` wraps models/util/random.ts so that,
 * inside `withExtraDraws(purpose, f)`, every stream of that purpose draws extra numbers before each of
 * its own, as a draw added for that purpose would. Use in a test file:
 *   vi.mock('<path>/models/util/random.ts', async (importOriginal) =>
 *     (await import('<path>/test/unit/support/extra-draws.ts')).mockRandom(await importOriginal()));
 */
import type * as RandomModule from '../../../models/util/random.ts';
import type { RandomPurpose, Rng } from '../../../models/util/random.ts';

const extra: { purpose: RandomPurpose | undefined; draws: number } = { purpose: undefined, draws: 0 };

function wrap(r: Rng, purpose: RandomPurpose): Rng {
  if (purpose !== extra.purpose) return r;
  const burn = (): void => {
    for (let k = 0; k < extra.draws; k++) r.next();
  };
  return {
    next: () => (burn(), r.next()),
    normal: () => (burn(), r.normal()),
  };
}

export function mockRandom(real: typeof RandomModule): typeof RandomModule {
  return {
    ...real,
    randomStream: (seed, purpose, member) => wrap(real.randomStream(seed, purpose, member), purpose),
    keyedStreams: (seed) => (purpose, member) => wrap(real.randomStream(seed, purpose, member), purpose),
  };
}

/** Runs `f` with every stream of `purpose` drawing `draws` extra numbers before each of its own. */
export function withExtraDraws<T>(purpose: RandomPurpose, f: () => T, draws = 1): T {
  extra.purpose = purpose;
  extra.draws = draws;
  try {
    return f();
  } finally {
    extra.purpose = undefined;
  }
}
