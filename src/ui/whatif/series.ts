/** Forecast results as fan-chart series in the user's units. */
import { fromCanonical } from '../../../models/units.ts';
import type { BandSeries, SimulateResult } from '../../../models/twin/simulate.ts';
import { newDiabetesByYear } from '../../../models/twin/headline.ts';
import type { Settings } from '../../data/settings.ts';
import type { FanSeries } from '../charts/FanChart.tsx';
import { t } from '../i18n/index.ts';

export type Quantity = 't2d' | 'weight' | 'hba1c' | 'glucose';

/** Colours (r, g, b): "No change" slate, then the plans. */
export const COLOURS = ['100, 116, 139', '13, 148, 136', '124, 58, 237', '234, 88, 12'];

export function unitOf(q: Quantity, s: Settings): string {
  if (q === 't2d') return '%';
  if (q === 'weight') return s.weightUnit;
  if (q === 'hba1c') return s.hba1cUnit;
  return s.glucoseUnit;
}

function convert(b: BandSeries, f: (v: number) => number, horizon: number): BandSeries {
  const n = horizon + 1;
  return {
    p05: b.p05.slice(0, n).map(f),
    p25: b.p25.slice(0, n).map(f),
    p50: b.p50.slice(0, n).map(f),
    p75: b.p75.slice(0, n).map(f),
    p95: b.p95.slice(0, n).map(f),
  };
}

/**
 * One series per scenario; bands only for "No change" and the plan in focus, medians for the others,
 * so that up to four scenarios stay readable on a phone.
 */
export function fanSeries(
  q: Quantity,
  results: SimulateResult[],
  names: string[],
  focus: number,
  s: Settings,
  horizon: number,
): FanSeries[] {
  return results.map((r, i) => {
    const base = { label: names[i]!, rgb: COLOURS[i % COLOURS.length]!, dashed: i === 0 };
    // New diabetes by each year (0 today), as the headline counts it (models/twin/headline.ts).
    if (q === 't2d')
      return {
        ...base,
        line: newDiabetesByYear(r)
          .slice(0, horizon + 1)
          .map((p) => 100 * p),
      };
    const [b, f] =
      q === 'weight'
        ? [r.weightKg, (v: number) => fromCanonical('body_weight', v, s.weightUnit)]
        : q === 'hba1c'
          ? [r.hba1cPercent, (v: number) => fromCanonical('hba1c', v, s.hba1cUnit)]
          : [r.fastingGlucoseMgDl, (v: number) => fromCanonical('blood_glucose', v, s.glucoseUnit)];
    const bands = convert(b, f, horizon);
    return i === 0 || i === focus ? { ...base, bands } : { ...base, line: bands.p50 };
  });
}

/** A one-line text of a series at the horizon, for the chart's accessible label. */
export function describeSeries(q: Quantity, series: FanSeries[], format: (v: number) => string, unit: string): string {
  return (
    series
      .map((s) => {
        const last = (a: number[]): number => a[a.length - 1]!;
        if (s.line) return t('whatif.series.line', { name: s.label, value: format(last(s.line)), unit });
        const b = s.bands!;
        return t('whatif.series.band', {
          name: s.label,
          median: format(last(b.p50)),
          unit,
          lo: format(last(b.p05)),
          hi: format(last(b.p95)),
        });
      })
      .join('; ') + (q === 't2d' ? ` ${t('whatif.series.t2d')}` : '')
  );
}
