import { useRegisterSW } from 'virtual:pwa-register/react';

/** Shows "A new version is ready" when an updated service worker is waiting; the user decides when. */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  if (!needRefresh) return null;
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>A new version of Doppel is ready.</span>
      <button type="button" className="btn primary" onClick={() => void updateServiceWorker(true)}>Reload</button>
      <button type="button" className="btn" onClick={() => setNeedRefresh(false)}>Later</button>
    </div>
  );
}
