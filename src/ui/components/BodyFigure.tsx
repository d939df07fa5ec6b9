import type { RegionStatus } from '../../../models/twin/status.ts';
import { t } from '../i18n/index.ts';

/**
 * The twin's avatar: a body whose regions take the colour of their status: head for sleep, heart
 * for heart and vessels, belly for metabolism, legs for activity, the outline for weight.
 */
export function BodyFigure({ regions }: { regions: RegionStatus[] }) {
  const level = (r: RegionStatus['region']): string => regions.find((x) => x.region === r)?.level ?? 'unknown';
  const parts = regions.map((r) => t('twin.figure.part', { region: t(`twin.regionName.${r.region}`), level: t(`twin.level.${r.level}`) }));
  const label = t('twin.figure.label', { regions: parts.join(t('common.listSeparator')) });
  return (
    <svg className="body-figure" viewBox="0 0 120 250" role="img" aria-label={label}>
      <g className={`outline lv-${level('weight')}`}>
        <circle cx="60" cy="26" r="20" />
        <path d="M34 54 Q60 46 86 54 L98 120 Q100 128 92 128 L84 92 L84 150 L80 238 Q72 244 66 236 L62 160 L58 160 L54 236 Q48 244 40 238 L36 150 L36 92 L28 128 Q20 128 22 120 Z" />
      </g>
      <circle className={`region lv-${level('sleep')}`} cx="60" cy="26" r="13" data-region="sleep" />
      <path
        className={`region lv-${level('cardiovascular')}`}
        data-region="cardiovascular"
        d="M66 70 q4 -6 10 -2 q6 5 -1 13 l-9 8 l-9 -8 q-7 -8 -1 -13 q6 -4 10 2z"
      />
      <ellipse className={`region lv-${level('metabolic')}`} cx="60" cy="114" rx="18" ry="16" data-region="metabolic" />
      <rect className={`region lv-${level('activity')}`} x="41" y="168" width="14" height="56" rx="7" data-region="activity" />
      <rect className={`region lv-${level('activity')}`} x="65" y="168" width="14" height="56" rx="7" />
    </svg>
  );
}
