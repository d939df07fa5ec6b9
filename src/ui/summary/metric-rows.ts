import { METRICS, type MetricId } from '../../../models/metrics.ts';
import type { RiskProfile } from '../../../models/risk/profile.ts';
import { dayInDeviceZone } from '../../../models/util/time.ts';
import type { Settings } from '../../data/settings.ts';
import type { InputSource } from '../../risk/profile-builder.ts';
import type { LatestValue, SnapshotState } from '../../twin/snapshot.ts';
import { display, displayDelta, formatDate, formatDay } from '../format.ts';
import { t, tn } from '../i18n/index.ts';
import { latestLabel } from '../twin/latest-label.ts';
import { bmiValue, daysSince, daysSinceDay, egfrValue, staleFlag, type KeyValue } from './parts.ts';

/** The visit summary's key measurements, in this order (BMI follows weight, eGFR comes last). */
const METRIC_ROWS: MetricId[] = [
  'body_weight',
  'hba1c',
  'blood_glucose',
  'cgm_glucose',
  'systolic_bp',
  'diastolic_bp',
  'resting_heart_rate',
  'total_cholesterol',
  'ldl_cholesterol',
  'hdl_cholesterol',
  'triglycerides',
];

/** A row of the key measurements: a stored reading (with its change) or a value the risk scores used (BMI, eGFR). */
export interface MetricRow {
  /** The metric, or both blood-pressure values of one reading. */
  key: MetricId | 'blood_pressure';
  /** The local day of the reading (for leaving out the risk inputs it already shows). */
  day: string;
  label: string;
  calculated?: string;
  value: string;
  /** The reading was entered by hand ("entered by you", or by the patient in a shared twin). */
  entered?: boolean;
  date: string;
  stale?: string;
  change: string;
}

/** The key measurements: stored readings in a fixed order, BMI after weight and eGFR last (as the risk scores used them). */
export function metricRows(
  state: SnapshotState,
  risk: { profile: RiskProfile; sources: Partial<Record<keyof RiskProfile, InputSource>> } | undefined,
  settings: Settings,
  nowMs: number,
): MetricRow[] {
  const rows: MetricRow[] = [];
  const withUnitText = (m: MetricId, v: number): string => {
    const d = display(m, v, settings);
    return `${d.text} ${d.unit}`.trim();
  };
  const fromRisk = (m: MetricId, kv: KeyValue | undefined): void => {
    if (!kv) return;
    rows.push({
      key: m,
      label: METRICS[m].label,
      ...(kv.calculated ? { calculated: kv.calculated } : {}),
      value: withUnitText(m, kv.value),
      day: kv.day,
      date: formatDay(kv.day),
      ...optional('stale', staleFlag(m, daysSinceDay(kv.day, nowMs))),
      change: '–',
    });
  };
  const arrow = (delta: number): string => (delta > 0 ? '▲' : delta < 0 ? '▼' : '●');
  const months = (lv: LatestValue): number => Math.round((lv.deltaDays ?? 0) / 30.4);
  const sys = state.latest.systolic_bp,
    dia = state.latest.diastolic_bp;
  // One blood-pressure row where both values are of one reading, as a clinician writes it (133/90 mmHg).
  const bpTogether = !!sys && !!dia && sys.atMs === dia.atMs;
  for (const m of METRIC_ROWS) {
    const lv = state.latest[m];
    if (lv && bpTogether && (m === 'systolic_bp' || m === 'diastolic_bp')) {
      if (m === 'diastolic_bp') continue;
      const u = display('systolic_bp', 0, settings).unit;
      const dS = sys!.delta !== undefined ? displayDelta('systolic_bp', Math.abs(sys!.delta), settings) : undefined;
      const dD = dia!.delta !== undefined ? displayDelta('diastolic_bp', Math.abs(dia!.delta), settings) : undefined;
      rows.push({
        key: 'blood_pressure',
        label: t('summary.bloodPressure'),
        value: t('summary.bpValue', {
          sys: display('systolic_bp', sys!.value, settings).text,
          dia: display('diastolic_bp', dia!.value, settings).text,
          unit: u,
        }),
        ...(sys!.entered ? { entered: true } : {}),
        day: dayInDeviceZone(sys!.atMs),
        date: formatDate(sys!.atMs),
        ...optional('stale', staleFlag('systolic_bp', daysSince(sys!.atMs, nowMs))),
        change:
          dS && dD && sys!.delta !== undefined && dia!.delta !== undefined
            ? tn('summary.bpChangeOver', months(sys!), {
                sys: `${arrow(sys!.delta)} ${dS.text}`,
                dia: `${arrow(dia!.delta)} ${dD.text}`,
                unit: u,
              })
            : '–',
      });
      continue;
    }
    if (lv) {
      const d = lv.delta !== undefined ? displayDelta(m, Math.abs(lv.delta), settings) : undefined;
      rows.push({
        key: m,
        // "Fasting glucose" for a fasting reading, as the twin's card and the risk page name it.
        label: latestLabel(m, lv),
        value: withUnitText(m, lv.value),
        ...(lv.entered ? { entered: true } : {}),
        day: dayInDeviceZone(lv.atMs),
        date: formatDate(lv.atMs),
        ...optional('stale', staleFlag(m, daysSince(lv.atMs, nowMs))),
        change:
          d && lv.delta !== undefined ? tn('summary.changeOver', months(lv), { arrow: arrow(lv.delta), value: d.text, unit: d.unit }) : '–',
      });
    }
    if (m === 'body_weight' && risk) fromRisk('bmi', bmiValue(risk));
  }
  if (risk) fromRisk('egfr', egfrValue(risk, settings));
  return rows;
}

const optional = <K extends string>(k: K, v: string | undefined): Partial<Record<K, string>> =>
  v === undefined ? {} : ({ [k]: v } as Record<K, string>);
