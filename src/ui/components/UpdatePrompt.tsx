import { useEffect, useState } from 'react';
import { runningWork } from '../actions/running.ts';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { t } from '../i18n/index.ts';

/**
 * Shows "A new version is ready" when an updated service worker is waiting; the user decides when.
 * When a new worker takes over, every open Doppel tab reloads: the new worker has dropped the old
 * version's files from its cache, so an old page could no longer load its lazy parts offline.
 * A tab running an import, or making or restoring a backup, reloads once that has finished (its
 * worker is loaded and finishes on the old version), and says so meanwhile: a reload would drop it.
 */
export function UpdatePrompt() {
  // The plugin would reload at once every tab that saw the new worker waiting; the reload below waits for running work.
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true, onNeedReload: () => undefined });
  const [waiting, setWaiting] = useState<'import' | 'backup'>();

  useEffect(() => {
    const sw = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!sw) return;
    // The first worker claiming an uncontrolled page is not an update; every later change is.
    let controlled = sw.controller !== null;
    let off: (() => void) | undefined;
    const reloadWhenIdle = (): void => {
      if (runningWork.count() > 0) return;
      off?.();
      location.reload();
    };
    const onChange = (): void => {
      if (controlled) {
        setWaiting(runningWork.has('import') ? 'import' : runningWork.has('backup') ? 'backup' : undefined);
        off = runningWork.subscribe(reloadWhenIdle);
        reloadWhenIdle();
      }
      controlled = true;
    };
    sw.addEventListener('controllerchange', onChange);
    return () => {
      off?.();
      sw.removeEventListener('controllerchange', onChange);
    };
  }, []);

  if (waiting)
    return (
      <div className="toast" role="status" aria-live="polite">
        <span>{t(waiting === 'import' ? 'tabs.updateWaits' : 'tabs.updateWaitsBackup')}</span>
      </div>
    );
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
