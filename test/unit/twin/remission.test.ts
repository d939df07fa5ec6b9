// The remission criterion (models/twin/remission.ts): the streaming tracker against its reference
// over random traces, and each definition's edges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSENSUS_2021,
  DIRECT_2018,
  LOOK_AHEAD_2012,
  RemissionTracker,
  remissionFromTrace,
  type RemissionCriteria,
  type RemissionDay,
} from '../../../models/twin/remission.ts';

/** n days: on drugs until `stopDay`, HbA1c falling linearly from `from` to `to`, fasting glucose from HbA1c. */
function trace(n: number, stopDay: number, from: number, to: number): RemissionDay[] {
  return Array.from({ length: n }, (_, d) => {
    const hba1cPercent = from + ((to - from) * d) / (n - 1);
    return { hba1cPercent, fpgMgDl: 28.7 * hba1cPercent - 46.7, onDrug: d < stopDay };
  });
}

const meetsOn = (days: RemissionDay[], c: RemissionCriteria, t: number): boolean => {
  const tr = new RemissionTracker(1, c);
  for (let d = 0; d <= t; d++) tr.day(0, days[d]!.hba1cPercent, days[d]!.onDrug);
  return tr.meets(0, days[t]!.hba1cPercent, days[t]!.fpgMgDl);
};

describe('remission', () => {
  it('the tracker agrees with the reference on every day of random traces, for each definition', () => {
    const day = fc.record({
      hba1cPercent: fc.double({ min: 5, max: 9, noNaN: true }),
      fpgMgDl: fc.double({ min: 80, max: 200, noNaN: true }),
      onDrug: fc.boolean(),
    });
    // Runs of days, so that drug-free stretches long enough to count occur.
    const runs = fc.array(fc.tuple(day, fc.integer({ min: 1, max: 120 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(runs, fc.double({ min: -0.4, max: 0.4, noNaN: true }), (rs, wobble) => {
        const days: RemissionDay[] = rs.flatMap(([d, k]) =>
          Array.from({ length: k }, (_, j) => ({ ...d, hba1cPercent: d.hba1cPercent + (wobble * j) / k })),
        );
        for (const c of [CONSENSUS_2021, DIRECT_2018, LOOK_AHEAD_2012]) {
          const tr = new RemissionTracker(1, c);
          days.forEach((x, t) => {
            tr.day(0, x.hba1cPercent, x.onDrug);
            expect(tr.meets(0, x.hba1cPercent, x.fpgMgDl)).toBe(remissionFromTrace(days, c, t));
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the consensus needs 90 days below 6.5 % off drugs; DiRECT 60 days off drugs and HbA1c below 6.5 % that day', () => {
    // Drugs stopped on day 100; HbA1c below 6.5 % from about day 200 on.
    const days = trace(400, 100, 8, 5.5);
    const firstBelow = days.findIndex((d) => d.hba1cPercent < 6.5);
    expect(meetsOn(days, CONSENSUS_2021, firstBelow + 88)).toBe(false);
    expect(meetsOn(days, CONSENSUS_2021, firstBelow + 89)).toBe(true);
    expect(meetsOn(days, DIRECT_2018, firstBelow)).toBe(true);
    // Below 6.5 % only 30 days after stopping: DiRECT still waits for its 60 days.
    const early = trace(200, 100, 6.6, 6.0);
    expect(early[130]!.hba1cPercent).toBeLessThan(6.5);
    expect(meetsOn(early, DIRECT_2018, 130)).toBe(false);
    expect(meetsOn(early, DIRECT_2018, 159)).toBe(true);
  });

  it('on a drug there is no remission, whatever the HbA1c; taking one again restarts every count', () => {
    const days = trace(300, 0, 8, 5.5).map((d, i) => ({ ...d, onDrug: i < 20 || i === 250 }));
    expect(meetsOn(days, DIRECT_2018, 250)).toBe(false);
    expect(meetsOn(days, CONSENSUS_2021, 299)).toBe(false); // 49 days since the drug on day 250
    expect(meetsOn(days, LOOK_AHEAD_2012, 251)).toBe(true);
  });

  it('Look AHEAD also needs fasting glucose below 126 mg/dL', () => {
    const days: RemissionDay[] = [{ hba1cPercent: 6.3, fpgMgDl: 130, onDrug: false }];
    expect(meetsOn(days, LOOK_AHEAD_2012, 0)).toBe(false);
    expect(meetsOn([{ ...days[0]!, fpgMgDl: 120 }], LOOK_AHEAD_2012, 0)).toBe(true);
    // A measured (noisy) value decides the trials' assessment; the usual level decides the run.
    const tr = new RemissionTracker(1, LOOK_AHEAD_2012);
    tr.day(0, 6.3, false);
    expect(tr.meets(0, 6.6, 120)).toBe(false);
  });
});
