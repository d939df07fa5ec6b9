/** Personal baselines from a workspace's stored data (fake-indexeddb), with the demo person's cold. */
import { afterEach, describe, expect, it } from 'vitest';
import { deleteWorkspace, workspaceDb } from '../../../src/data/workspace.ts';
import { loadDemo } from '../../../src/import/demo.ts';
import { commitImport } from '../../../src/data/imports.ts';
import { ANOMALY_CONFIG } from '../../../models/ml/anomaly.ts';
import { batch } from '../data/helpers.ts';
import { nightlySleep, personalBaselines } from '../../../src/ml/baselines-service.ts';

afterEach(async () => {
  await deleteWorkspace('demo');
});

describe('personal baselines service', () => {
  it('nights are dated by the wake-up day, one value per night, from the main sleep source', () => {
    const h = 3_600_000;
    const t = (day: number, hour: number) => Date.UTC(2026, 0, day) + hour * h;
    // Night 1 begins 23:00 on the 1st; night 2 begins 00:30 on the 3rd (after midnight); night 3 23:10 on the 3rd.
    const nights = [
      [t(1, 23), t(2, 7), 480, 0],
      [t(3, 0.5), t(3, 7.5), 420, 0],
      [t(3, 23 + 1 / 6), t(4, 6), 410, 0],
      [t(2, 1), t(2, 5), 240, 9],
    ];
    const cols = {
      n: nights.length,
      start: nights.map((r) => r[0]!),
      end: nights.map((r) => r[1]!),
      value: nights.map((r) => r[2]!),
      offsetMin: nights.map(() => 0),
      source: nights.map((r) => r[3]!),
    };
    expect(nightlySleep(cols)).toEqual([
      { day: '2026-01-02', value: 480 },
      { day: '2026-01-03', value: 420 },
      { day: '2026-01-04', value: 410 },
    ]);
  });

  it('the demo person: usual ranges for each metric, and the last 4 days of a cold flagged as ongoing', async () => {
    await loadDemo(workspaceDb('demo'), { endDay: '2026-11-21', offsetMin: 60 });
    const r = await personalBaselines('demo', '2026-11-22');
    expect(r.baselines.map((b) => b.metric)).toEqual(['resting_heart_rate', 'sleep', 'steps', 'glucose_cv']);
    expect(r.learning).toEqual([]);
    const rhr = r.baselines.find((b) => b.metric === 'resting_heart_rate')!;
    expect(rhr.asOfDay).toBe('2026-11-21');
    expect(rhr.ongoing).toMatchObject({ metric: 'resting_heart_rate', direction: 'high', toDay: '2026-11-21' });
    // The episode covers the cold (it may start earlier: the demo's heart rate drifts, AR(1) φ = 0.8).
    expect(rhr.ongoing!.fromDay <= '2026-11-18').toBe(true);
    expect(rhr.ongoing!.meanDeviation).toBeGreaterThan(4);
    expect(rhr.ongoing!.explanation).toMatch(/^Resting heart rate \d+ bpm above your usual \(\d+ bpm\) for \d+ days$/);
    // One night per day, of a plausible length (the demo's nights are 4-9⅓ h).
    const sleep = r.baselines.find((b) => b.metric === 'sleep')!;
    expect(sleep.usual).toBeGreaterThan(330);
    expect(sleep.usual).toBeLessThan(450);
    expect(sleep.typicalHigh).toBeLessThanOrEqual(560);
    // Episodes come newest first.
    const ends = r.episodes.map((e) => e.toDay);
    expect([...ends].sort().reverse()).toEqual(ends);
  });

  it('learning counts the days the baseline can use (in its window), never more than it needs', async () => {
    // 20 days of resting heart rate: 8 in January, then 10 in April. A baseline needs 14 observed
    // days within the latest 42: it has 10 there, not 20.
    const day = (m: number, d: number): string => new Date(Date.UTC(2026, m, d, 7)).toISOString();
    const rows: [string, number][] = [
      ...Array.from({ length: 8 }, (_, i): [string, number] => [day(0, 1 + i), 60 + (i % 3)]),
      ...Array.from({ length: 10 }, (_, i): [string, number] => [day(3, 1 + i), 61 + (i % 2)]),
      ...Array.from({ length: 2 }, (_, i): [string, number] => [day(3, 20 + i), 60]),
    ];
    await commitImport(workspaceDb('demo'), {
      fileName: 'watch',
      format: 'x',
      bytes: 1,
      sources: [{ name: 'Watch' }],
      batches: [batch('resting_heart_rate', rows)],
      rejected: [],
      ignored: {},
    });
    const r = await personalBaselines('demo', '2026-05-01');
    expect(r.baselines).toEqual([]);
    const needed = ANOMALY_CONFIG.resting_heart_rate.minHistoryDays;
    expect(r.learning).toEqual([
      {
        metric: 'resting_heart_rate',
        label: 'Resting heart rate',
        days: 12,
        needed,
        windowDays: ANOMALY_CONFIG.resting_heart_rate.windowDays,
        toDay: '2026-04-21',
      },
    ]);
    expect(r.learning[0]!.days).toBeLessThan(needed);
  });

  it('a workspace without the metrics: nothing', async () => {
    expect(await personalBaselines('demo')).toEqual({ baselines: [], episodes: [], learning: [] });
  });
});
