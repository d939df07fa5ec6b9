import { useRegisterSW } from 'virtual:pwa-register/react';

/** Shows "A new version is ready" when an updated service worker is waiting; the user decides when. */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  if (!needRefresh) return null;
  const reload = (): void => {
    // Workbox reloads on its own only when the page was already controlled when it loaded; a page
    // that got its first worker through clients.claim() in this session must reload itself.
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    void updateServiceWorker(true);
  };
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>A new version of Doppel is ready.</span>
      <button type="button" className="btn primary" onClick={reload}>Reload</button>
      <button type="button" className="btn" onClick={() => setNeedRefresh(false)}>Later</button>
    </div>
  );
}
