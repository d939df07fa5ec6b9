// Issue 17, section 7 "Honest charts": lab results are points joined by straight segments at any
// density (src/ui/timeline/series.ts); the chart draws every line without smoothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRIC_IDS, METRICS, type MetricId } from '../../../models/metrics.ts';
import { DEFAULT_SETTINGS } from '../../../src/data/settings.ts';
import type { DailyRow } from '../../../src/data/rows.ts';
import { dailySeries, isLabResult, rawSeries } from '../../../src/ui/timeline/series.ts';

const rows = (metric: MetricId, n: number, perDay: number): DailyRow[] =>
  Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2015, 0, 1 + i)).toISOString().slice(0, 10);
    return {
      key: `${metric}|${day}`,
      metric,
      day,
      n: perDay,
      sum: 100 * perDay,
      min: 90,
      max: 110,
      last: 100 + i,
      lastT: Date.parse(`${day}T12:00:00`),
    };
  });

describe('lab results', () => {
  it('are the laboratory tests: HbA1c, lipids, kidney function and the glucose tolerance test', () => {
    expect(METRIC_IDS.filter(isLabResult).sort()).toEqual(
      ['creatinine', 'egfr', 'hba1c', 'hdl_cholesterol', 'ldl_cholesterol', 'ogtt_2h_glucose', 'total_cholesterol', 'triglycerides'].sort(),
    );
    for (const m of METRIC_IDS.filter(isLabResult)) expect(METRICS[m].kind, m).toBe('instant');
  });

  it('are drawn as their points joined by a line, however many there are (never a daily band)', () => {
    for (const m of METRIC_IDS.filter(isLabResult)) {
      // Many results, some days with two: a wearable metric this dense gets a band and a mean.
      const s = dailySeries(m, rows(m, 200, 2), DEFAULT_SETTINGS, '#000');
      expect(
        s.map((x) => x.kind),
        m,
      ).toEqual(['line', 'points']);
      expect(Array.from(s[0]!.y)).toEqual(Array.from(s[1]!.y));
      expect(Array.from(s[0]!.x)).toEqual(Array.from(s[1]!.x));
    }
    expect(dailySeries('resting_heart_rate', rows('resting_heart_rate', 200, 2), DEFAULT_SETTINGS, '#000').map((x) => x.kind)).toEqual([
      'band',
      'line',
    ]);
  });

  it('in a short window too, from every reading', () => {
    const start = Float64Array.from({ length: 500 }, (_, i) => i * 60_000);
    const value = Float64Array.from({ length: 500 }, (_, i) => 100 + i);
    expect(rawSeries('ldl_cholesterol', start, value, DEFAULT_SETTINGS, '#000').map((x) => x.kind)).toEqual(['line', 'points']);
    expect(rawSeries('cgm_glucose', start, value, DEFAULT_SETTINGS, '#000').map((x) => x.kind)).toEqual(['line']);
  });

  it('no chart smooths a line of measurements into a curve', () => {
    for (const f of ['TimelineChart.tsx', 'TimeChart.tsx']) {
      const src = readFileSync(new URL(`../../../src/ui/charts/${f}`, import.meta.url), 'utf8');
      expect(
        [...src.matchAll(/tension: ([\d.]+)/g)].map((m) => Number(m[1])),
        f,
      ).toEqual([0]);
    }
  });
});
