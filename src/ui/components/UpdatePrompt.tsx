import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { t } from '../i18n/index.ts';

/**
 * Shows "A new version is ready" when an updated service worker is waiting; the user decides when.
 * When a new worker takes over, every open Doppel tab reloads: the new worker has dropped the old
 * version's files from its cache, so an old page could no longer load its lazy parts offline.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  useEffect(() => {
    const sw = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!sw) return;
    // The first worker claiming an uncontrolled page is not an update; every later change is.
    let controlled = sw.controller !== null;
    const onChange = (): void => {
      if (controlled) location.reload();
      controlled = true;
    };
    sw.addEventListener('controllerchange', onChange);
    return () => sw.removeEventListener('controllerchange', onChange);
  }, []);

  if (!needRefresh) return null;
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>{t('update.ready')}</span>
      <button type="button" className="btn primary" onClick={() => void updateServiceWorker(true)}>
        {t('update.reload')}
      </button>
      <button type="button" className="btn" onClick={() => setNeedRefresh(false)}>
        {t('update.later')}
      </button>
    </div>
  );
}
