import { useState } from 'react';
import { METRICS, type MetricId } from '../../../models/metrics.ts';
import { useLatestSnapshot, useMetricSummaries, useSettings } from '../../data/hooks.ts';
import type { Settings } from '../../data/settings.ts';
import type { MetricSummary } from '../../data/timeline.ts';
import type { Workspace } from '../../data/workspace.ts';
import { AgpReport } from '../components/AgpReport.tsx';
import { GlucoseForecast } from '../components/GlucoseForecast.tsx';
import { PersonalBaselines } from '../components/PersonalBaselines.tsx';
import { MetricTimeline } from '../components/MetricTimeline.tsx';
import { formatDay, formatFeetInches, unitFor } from '../format.ts';
import { CM_PER_INCH } from '../../../models/units.ts';
import { dayValue } from '../timeline/series.ts';
import { t, tn } from '../i18n/index.ts';
import { tx } from '../i18n/rich.ts';
import { useRouteParam } from '../hooks/useRoute.ts';
import { EntryList } from '../components/EntryList.tsx';
import { QuickAdd } from '../components/QuickAdd.tsx';

/** The order cards appear in: the twin's inputs first. */
const ORDER: MetricId[] = [
  'body_weight',
  'hba1c',
  'blood_glucose',
  'cgm_glucose',
  'ogtt_2h_glucose',
  'systolic_bp',
  'diastolic_bp',
  'resting_heart_rate',
  'heart_rate',
  'hrv_sdnn',
  'hrv_rmssd',
  'spo2',
  'respiratory_rate',
  'steps',
  'exercise_minutes',
  'active_energy',
  'dietary_energy',
  'sleep',
  'total_cholesterol',
  'hdl_cholesterol',
  'ldl_cholesterol',
  'triglycerides',
  'creatinine',
  'egfr',
  'waist_circumference',
  'body_fat_percentage',
  'bmi',
  'height',
];

/** What a card shows: the last value (instant) or the last day's total (cumulative), and its 30-day change. */
function cardValue(s: MetricSummary, settings: Settings, today: string): { text: string; unit: string; day: string; change?: string } {
  const instant = METRICS[s.metric].kind === 'instant';
  const pick = (r: MetricSummary['last']): number => dayValue(s.metric, instant ? r.last : r.sum, settings);
  const u = s.metric === 'sleep' ? { label: 'h', digits: 1 } : unitFor(s.metric, settings);
  const nf = new Intl.NumberFormat(undefined, { maximumFractionDigits: u.digits, minimumFractionDigits: u.digits });
  // A day total of today is still growing: the card shows the last complete day (and compares that).
  const shown = !instant && s.last.day >= today && s.prev ? s.prev : s.last;
  const v = pick(shown);
  // A height in inches reads as feet and inches.
  const feet = s.metric === 'height' && u.label === 'in';
  let change: string | undefined;
  if (s.before && s.before.day < shown.day) {
    const d = v - pick(s.before);
    const days = Math.round((Date.parse(shown.day) - Date.parse(s.before.day)) / 86_400_000);
    // With its unit, as the twin's card writes it; a span of two months or more in months.
    const words = { arrow: d > 0 ? '▲' : d < 0 ? '▼' : '●', value: nf.format(Math.abs(d)), unit: feet ? '″' : u.label };
    change = days >= 60 ? tn('timeline.changeMonths', Math.round(days / 30.44), words) : tn('timeline.change', days, words);
  }
  return {
    text: feet ? formatFeetInches(v * CM_PER_INCH) : nf.format(v),
    unit: feet ? '' : u.label,
    day: shown.day,
    ...(change ? { change } : {}),
  };
}

/** The metric chosen on the timeline, under the address it was chosen from; `reveal`: bring its chart into view. */
interface Pick {
  asked: string | undefined;
  metric?: MetricId;
  reveal: boolean;
}

/** Every metric with data as a card; the chosen one over time; the CGM report where there is CGM. */
export function TimelinePage({ ws }: { ws: Workspace }) {
  const settings = useSettings(ws);
  const summaries = useMetricSummaries(ws);
  const snapshot = useLatestSnapshot(ws);
  // A metric named in the address (a twin screen card links here) opens with its chart in view.
  // What the person picked here belongs to the address it was picked under: a new address starts
  // over from the metric it names.
  const asked = useRouteParam('metric');
  const askedMetric = asked !== undefined && asked in METRICS ? (asked as MetricId) : undefined;
  const [pick, setPick] = useState<Pick>({ asked: undefined, reveal: false });
  const current: Pick =
    pick.asked === asked ? pick : { asked, reveal: askedMetric !== undefined, ...(askedMetric ? { metric: askedMetric } : {}) };
  const [today] = useState(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  if (!settings || !summaries)
    return (
      <p className="muted" aria-busy="true">
        {t('timeline.opening')}
      </p>
    );
  const sorted = [...summaries].sort((a, b) => ORDER.indexOf(a.metric) - ORDER.indexOf(b.metric));
  if (sorted.length === 0) return <p>{tx('timeline.empty', { a: (c) => <a href="#/import">{c}</a> })}</p>;
  const selected = sorted.find((s) => s.metric === current.metric) ?? sorted[0]!;
  return (
    <div className="timeline">
      <h1>{t('timeline.title')}</h1>
      {ws === 'main' && <QuickAdd />}
      <div className="grid metrics" role="group" aria-label={t('timeline.metrics')}>
        {sorted.map((s) => {
          const v = cardValue(s, settings, today);
          return (
            <button
              key={s.metric}
              type="button"
              className="card metric pick"
              aria-pressed={s.metric === selected.metric}
              data-metric={s.metric}
              onClick={() => setPick({ asked, metric: s.metric, reveal: true })}
            >
              <span className="name">{METRICS[s.metric].label}</span>
              <span className="value">
                <span className="num">{v.text}</span> <span className="unit">{v.unit}</span>
              </span>
              <span className="muted small">
                {formatDay(v.day)}
                {v.change ? ` · ${v.change}` : ''}
              </span>
            </button>
          );
        })}
      </div>
      {/* Siblings keyed by the snapshot need keys of their own: two children with one key make React
          keep an old copy beside the new one (two "Your usual" sections after a new snapshot). */}
      <PersonalBaselines key={`baselines|${ws}|${snapshot?.id}`} ws={ws} />
      <MetricTimeline
        key={selected.metric}
        ws={ws}
        summary={selected}
        settings={settings}
        reveal={current.reveal && current.metric === selected.metric}
        onRevealed={() => setPick({ ...current, reveal: false })}
      />
      {summaries.some((s) => s.metric === 'cgm_glucose') && <AgpReport ws={ws} settings={settings} version={snapshot?.id} />}
      {/* Keyed by the snapshot: every import or undo makes a new one, and the forecaster checks whether to learn again. */}
      {summaries.some((s) => s.metric === 'cgm_glucose') && (
        <GlucoseForecast key={`forecast|${ws}|${snapshot?.id}`} ws={ws} settings={settings} />
      )}
      {ws === 'main' && <EntryList settings={settings} />}
    </div>
  );
}
