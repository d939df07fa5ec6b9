import { describe, expect, it } from 'vitest';
import { commitImport } from '../../../src/data/imports.ts';
import { saveProfile } from '../../../src/data/profile.ts';
import { refreshSnapshot } from '../../../src/twin/snapshot.ts';
import { createRng } from '../../../models/util/random.ts';
import { batch, useFreshDbs } from './helpers.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1, 7);

/** Daily weights: a slow loss of 3 kg/year with 0.5 kg day-to-day noise, from day `from` to `to`. */
function weights(from: number, to: number): [number, number][] {
  const rng = createRng(from + 1);
  return Array.from({ length: to - from }, (_, k) => [T0 + (from + k) * DAY, 92 - (3 * (from + k)) / 365 + 0.5 * rng.normal()]);
}

describe('twin snapshots keep a track record', () => {
  const db = useFreshDbs();

  it('a snapshot stores its calibrated forecast; data after its watermark scores it', async () => {
    const d = db();
    await saveProfile(d, { sex: 'male', birthDate: '1975-03-02', heightCm: 180 });
    const input = (rows: [number, number][]) => ({
      fileName: 'w.csv',
      format: 'test',
      bytes: 0,
      sources: [{ name: 'Scale' }],
      batches: [batch('body_weight', rows)],
      rejected: [],
      ignored: {},
    });
    await commitImport(d, input(weights(0, 400)));
    const first = await refreshSnapshot(d, T0 + 400 * DAY);
    expect(first.forecast!.days[0]).toBe(0);
    expect(first.forecast!.bands.weightKg.p50[0]!).toBeCloseTo(92 - 1200 / 365, 0);
    expect(first.trackRecord).toBeUndefined();

    // A refresh without new data adds no second forecast to score.
    await refreshSnapshot(d, T0 + 401 * DAY);
    await commitImport(d, input(weights(400, 580)));
    const second = await refreshSnapshot(d, T0 + 580 * DAY);
    expect(second.trackRecord!.forecasts).toBe(1);
    const w = second.trackRecord!.scores.weightKg!;
    expect(w.n).toBe(179); // days 401-579; the reading at the snapshot instant is not after it
    // The calibrated twin learned the loss trend: its median is within a kilogram, and its 90 %
    // interval holds most of the noisy daily weights.
    expect(w.meanAbsError).toBeLessThan(1);
    expect(w.coverage90).toBeGreaterThan(0.8);
  });
});
