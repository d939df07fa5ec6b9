import type { RegionStatus } from '../../../models/twin/status.ts';
import { t } from '../i18n/index.ts';

export function RegionCard({ status }: { status: RegionStatus }) {
  return (
    <article className={`card region level-${status.level}`} data-region={status.region}>
      <h3>
        <span className="dot" aria-hidden="true" />
        {t(`twin.region.${status.region}`)}
        <span className="level">{t(`twin.level.${status.level}`)}</span>
      </h3>
      <p>{status.summary}</p>
    </article>
  );
}
