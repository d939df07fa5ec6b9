import type { RegionStatus } from '../../../models/twin/status.ts';

const TITLES: Record<RegionStatus['region'], string> = {
  metabolic: 'Metabolic',
  cardiovascular: 'Heart and vessels',
  activity: 'Activity',
  sleep: 'Sleep',
  weight: 'Weight',
};
const LEVEL_TEXT = { good: 'on track', watch: 'worth watching', concern: 'needs attention', unknown: 'no data' } as const;

export function RegionCard({ status }: { status: RegionStatus }) {
  return (
    <article className={`card region level-${status.level}`} data-region={status.region}>
      <h3>
        <span className="dot" aria-hidden="true" />
        {TITLES[status.region]}
        <span className="level">{LEVEL_TEXT[status.level]}</span>
      </h3>
      <p>{status.summary}</p>
    </article>
  );
}
