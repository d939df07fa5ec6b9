import type { ErasePhase } from '../actions/erase.ts';
import { clearErased } from '../actions/erase.ts';
import { reopenReview } from '../actions/review.ts';
import { setGone, type Gone } from '../actions/tabs.ts';
import { setWorkspace } from '../hooks/useWorkspace.ts';
import { t } from '../i18n/index.ts';

/** "Delete everything" ran in another tab, or an interrupted one was finished at this start: nothing else shows. */
export function ErasedNotice({ erase }: { erase: Exclude<ErasePhase, { phase: 'idle' }> }) {
  const elsewhere = erase.from === 'elsewhere';
  return (
    <section className="settings" data-testid="erased-elsewhere" aria-labelledby="erased-title">
      <h1 id="erased-title">{t('tabs.erasedTitle')}</h1>
      {erase.phase === 'erasing' && (
        <p role="status" aria-busy="true">
          {elsewhere ? t('tabs.erasingElsewhere') : t('tabs.erasingResumed')}
        </p>
      )}
      {erase.phase === 'done' && <p role="status">{elsewhere ? t('tabs.erasedElsewhere') : t('tabs.erasedResumed')}</p>}
      {erase.phase === 'failed' && (
        <p role="alert" className="error">
          {t('settings.eraseFailed', { error: erase.error })}
        </p>
      )}
      {erase.phase !== 'erasing' && (
        <button
          type="button"
          className="btn primary"
          onClick={() => {
            clearErased();
            location.hash = '#/';
          }}
        >
          {t('settings.startAgain')}
        </button>
      )}
    </section>
  );
}

/** The workspace this tab showed was closed or replaced in another tab: said plainly, and no data shown. */
export function WorkspaceGone({ gone }: { gone: NonNullable<Gone> }) {
  return (
    <section className="settings" data-testid="workspace-gone" aria-labelledby="gone-title">
      <h1 id="gone-title">{t('tabs.goneTitle')}</h1>
      <p role="status">
        {gone.ws === 'demo' ? t('tabs.demoGone') : gone.why === 'replaced' ? t('tabs.reviewReplaced') : t('tabs.reviewClosed')}
      </p>
      <div className="actions">
        {gone.ws === 'review' && gone.why === 'replaced' && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setGone(null);
              reopenReview();
            }}
          >
            {t('tabs.showNewReview')}
          </button>
        )}
        <button
          type="button"
          className="btn primary"
          onClick={() => {
            setWorkspace('main');
            setGone(null);
            location.hash = '#/';
          }}
        >
          {t('tabs.showOwn')}
        </button>
      </div>
    </section>
  );
}
