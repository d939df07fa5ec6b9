import type { MetricId } from '../../../models/metrics.ts';
import { METRICS } from '../../../models/metrics.ts';
import type { Settings } from '../../data/settings.ts';
import type { LatestValue } from '../../twin/snapshot.ts';
import { display, displayDelta, formatDate } from '../format.ts';
import { tn } from '../i18n/index.ts';

export function MetricCard({
  metric,
  latest,
  settings,
  label,
}: {
  metric: MetricId;
  latest: LatestValue;
  settings: Settings;
  label?: string;
}) {
  const v = display(metric, latest.value, settings);
  let change: string | undefined;
  if (latest.delta !== undefined && latest.deltaDays) {
    const d = displayDelta(metric, Math.abs(latest.delta), settings);
    const months = Math.round(latest.deltaDays / 30.4);
    change = tn('twin.change', months, { arrow: latest.delta > 0 ? '▲' : latest.delta < 0 ? '▼' : '●', value: d.text, unit: d.unit });
  }
  return (
    <article className="card metric" data-metric={metric}>
      {/* The whole card opens this metric's chart on the timeline (the link stretches over the card). */}
      <h3>
        <a className="stretch" href={`#/timeline?metric=${metric}`}>
          {label ?? METRICS[metric].label}
        </a>
      </h3>
      <p className="value">
        <span className="num">{v.text}</span> <span className="unit">{v.unit}</span>
      </p>
      <p className="muted small">
        {formatDate(latest.atMs)}
        {change ? ` · ${change}` : ''}
      </p>
    </article>
  );
}
