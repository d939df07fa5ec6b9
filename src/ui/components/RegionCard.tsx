import type { RegionStatus, StatusInputs } from '../../../models/twin/status.ts';
import type { UnitSettings } from '../format.ts';
import { t } from '../i18n/index.ts';
import { regionSummary } from '../twin/region-summary.ts';

export function RegionCard({ status, inputs, settings }: { status: RegionStatus; inputs?: StatusInputs; settings: UnitSettings }) {
  return (
    <article className={`card region level-${status.level}`} data-region={status.region}>
      <h3>
        <span className="dot" aria-hidden="true" />
        {t(`twin.region.${status.region}`)}
        <span className="level">{t(`twin.level.${status.level}`)}</span>
      </h3>
      <p>{regionSummary(status, inputs, settings)}</p>
    </article>
  );
}
