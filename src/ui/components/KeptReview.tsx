import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { workspaceDb } from '../../data/workspace.ts';
import { deleteReview, reopenReview, reviewKept } from '../actions/review.ts';
import { t } from '../i18n/index.ts';

/** A review the clinician kept: open it again, or delete it (without touching anything else). */
export function KeptReview() {
  const [kept, setKept] = useState(reviewKept);
  // Only read when kept: opening the database would otherwise create it.
  const label = useLiveQuery(
    async () =>
      kept ? (((await workspaceDb('review').settings.get('share'))?.value as { label: string } | undefined)?.label ?? null) : null,
    [kept],
  );
  if (!kept || label === undefined) return null;
  return (
    <section aria-labelledby="kept-title">
      <h2 id="kept-title">{t('review.keptTitle')}</h2>
      <p>{t('review.keptLine', { label: label ?? '?' })}</p>
      <div className="actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            reopenReview();
            location.hash = '#/';
          }}
        >
          {t('review.reopen')}
        </button>
        <button type="button" className="btn" onClick={() => void deleteReview().then(() => setKept(false))}>
          {t('review.delete')}
        </button>
      </div>
    </section>
  );
}
