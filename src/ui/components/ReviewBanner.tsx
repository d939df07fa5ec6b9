import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { workspaceDb } from '../../data/workspace.ts';
import { closeReview, keepReview, reviewKept } from '../actions/review.ts';
import { formatDate } from '../format.ts';
import { t } from '../i18n/index.ts';

/** Names whose twin is under review and when it was shared; keep it or close (and wipe) it. */
export function ReviewBanner() {
  const share = useLiveQuery(
    async () => ((await workspaceDb('review').settings.get('share'))?.value as { label: string; sharedAt: string } | undefined) ?? null,
    [],
  );
  const [kept, setKept] = useState(reviewKept);
  return (
    <aside className="review-banner" aria-label={t('review.close')} data-testid="review-banner">
      <p>
        {share
          ? t('review.banner', { label: share.label, date: formatDate(Date.parse(share.sharedAt)) })
          : share === null
            ? t('review.damaged')
            : t('review.bannerLoading')}
      </p>
      <button
        type="button"
        className="btn"
        disabled={kept}
        onClick={() => {
          keepReview();
          setKept(true);
        }}
      >
        {kept ? t('review.kept') : t('review.keep')}
      </button>
      <button
        type="button"
        className="btn primary"
        onClick={() =>
          void closeReview().then(() => {
            location.hash = '#/';
          })
        }
      >
        {t('review.close')}
      </button>
    </aside>
  );
}
