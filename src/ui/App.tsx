import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { workspaceDb } from '../data/workspace.ts';
import { listenForLaunchedFiles } from '../inbox/inbox.ts';
import { pendingWork } from '../workers/index.ts';
import { UpdatePrompt } from './components/UpdatePrompt.tsx';
import { useRoute } from './hooks/useRoute.ts';
import { useScreenChange } from './hooks/useScreenChange.ts';
import { clearErased, startTabErase, useErase } from './actions/erase.ts';
import { useTabRules } from './hooks/useTabRules.ts';
import { ErasedNotice, WorkspaceGone } from './components/TabNotices.tsx';
import { useWorkspace } from './hooks/useWorkspace.ts';
import { TwinPage } from './pages/TwinPage.tsx';
import { WelcomePage } from './pages/WelcomePage.tsx';
import { setReader, t } from './i18n/index.ts';
import { ReviewBanner } from './components/ReviewBanner.tsx';
import { wipeStaleReview } from './actions/review.ts';
import { openDoppelFile } from './actions/pending-share.ts';
import { lostImports, noteImports, useMarkerVersion } from './actions/device-marker.ts';
import { DataLostPage } from './pages/DataLostPage.tsx';

// The first screen (the twin, or the welcome) is in the initial script; every other screen loads
// when first opened (the service worker has precached it, so this works offline), which keeps the
// first screen's JavaScript within its budget (tools/build/budget.mjs). Sharing and opening shares
// also bring their crypto and QR code only then.
const SharePage = lazy(() => import('./pages/SharePage.tsx').then((m) => ({ default: m.SharePage })));
const SummaryPage = lazy(() => import('./pages/SummaryPage.tsx').then((m) => ({ default: m.SummaryPage })));
const OpenSharePage = lazy(() => import('./pages/OpenSharePage.tsx').then((m) => ({ default: m.OpenSharePage })));
const ImportPage = lazy(() => import('./pages/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const InboxPage = lazy(() => import('./pages/InboxPage.tsx').then((m) => ({ default: m.InboxPage })));
const RiskPage = lazy(() => import('./pages/RiskPage.tsx').then((m) => ({ default: m.RiskPage })));
const ProfilePage = lazy(() => import('./pages/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })));
const TimelinePage = lazy(() => import('./pages/TimelinePage.tsx').then((m) => ({ default: m.TimelinePage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })));
const EntryPage = lazy(() => import('./pages/EntryPage.tsx').then((m) => ({ default: m.EntryPage })));
const BackupPage = lazy(() => import('./pages/BackupPage.tsx').then((m) => ({ default: m.BackupPage })));
const WhatIfPage = lazy(() => import('./pages/WhatIfPage.tsx').then((m) => ({ default: m.WhatIfPage })));

export function App() {
  const route = useRoute();
  const [ws] = useWorkspace();
  // Before any page renders: a shared twin under review is read by a clinician (messages' `.review` wording).
  setReader(ws === 'review' ? 'clinician' : 'person');
  const [launched, setLaunched] = useState(0);
  useEffect(
    () =>
      listenForLaunchedFiles(
        (n) => {
          setLaunched(n);
          location.hash = '#/inbox';
        },
        (f) => void openDoppelFile(f),
      ),
    [],
  );
  const erase = useErase();
  const gone = useTabRules(ws, erase.phase === 'idle');
  useEffect(() => {
    if (route !== 'settings' && route !== 'device') clearErased();
  }, [route]);
  useEffect(() => {
    // A review left open when its tab closed is wiped at the next start, unless the clinician kept it.
    void wipeStaleReview();
    return startTabErase();
  }, []);
  const pending = useSyncExternalStore(pendingWork.subscribe, pendingWork.count);
  // Not read while everything is being deleted: opening the database would create it again.
  const mainImports = useLiveQuery(
    async () => (erase.phase === 'idle' ? await workspaceDb('main').imports.where('status').equals('committed').count() : undefined),
    [erase.phase],
  );
  const hasMainData = mainImports === undefined ? undefined : mainImports > 0;
  // Remember outside the database that this device holds a twin, to notice if the browser wipes it.
  useEffect(() => noteImports(mainImports ?? 0), [mainImports]);
  useMarkerVersion();
  const lost = lostImports(mainImports);
  useScreenChange(route === 'device' ? 'settings' : route === 'home' && hasMainData === false && ws === 'main' ? 'welcome' : route);

  let page;
  const shown = ws;
  const other = ws !== 'main';
  if (route === 'device' || route === 'settings') page = <SettingsPage ws={shown} />;
  else if (route === 'import') page = ws === 'review' ? <p>{t('review.noImport')}</p> : <ImportPage />;
  else if (route === 'entry') page = ws === 'review' ? <p>{t('review.noImport')}</p> : <EntryPage />;
  else if (route === 'share' && ws === 'review') page = <p>{t('review.noShare')}</p>;
  else if (route === 'share') page = <SharePage ws={shown} />;
  else if (route === 'summary' && (other || hasMainData)) page = <SummaryPage ws={shown} />;
  else if (route === 'open') page = <OpenSharePage />;
  else if (route === 'backup') page = ws === 'review' ? <p>{t('review.noImport')}</p> : <BackupPage />;
  else if (route === 'inbox') page = <InboxPage justReceived={launched} />;
  else if (route === 'profile') page = <ProfilePage ws={shown} />;
  else if (route === 'timeline' && (other || hasMainData)) page = <TimelinePage ws={shown} />;
  else if (route === 'risk' && (other || hasMainData)) page = <RiskPage ws={shown} />;
  else if (route === 'whatif' && (other || hasMainData)) page = <WhatIfPage ws={shown} />;
  else if (other || hasMainData) page = <TwinPage ws={shown} />;
  else if (hasMainData === false) page = lost ? <DataLostPage imports={lost} /> : <WelcomePage />;
  else
    page = (
      <p className="muted" aria-busy="true">
        {t('app.opening')}
      </p>
    );

  // Another tab deleted everything, or deleted or replaced the workspace shown here: say so, show no data.
  const notice =
    erase.phase === 'erasing' || (erase.phase !== 'idle' && erase.from !== 'here') ? (
      <ErasedNotice erase={erase} />
    ) : gone ? (
      <WorkspaceGone gone={gone} />
    ) : null;
  if (notice) page = notice;

  return (
    <>
      <header className="topbar">
        <a className="brand" href="#/">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Doppel</span>
        </a>
        <nav aria-label={t('nav.main')}>
          <a href="#/" aria-current={route === 'home' ? 'page' : undefined}>
            {t('nav.twin')}
          </a>
          <a href="#/whatif" aria-current={route === 'whatif' ? 'page' : undefined}>
            {t('nav.whatif')}
          </a>
          <a href="#/timeline" aria-current={route === 'timeline' ? 'page' : undefined}>
            {t('nav.timeline')}
          </a>
          <a href="#/risk" aria-current={route === 'risk' ? 'page' : undefined}>
            {t('nav.risk')}
          </a>
          <a href="#/import" aria-current={route === 'import' ? 'page' : undefined}>
            {t('nav.import')}
          </a>
          <a href="#/settings" aria-current={route === 'settings' || route === 'device' || route === 'backup' ? 'page' : undefined}>
            {t('nav.settings')}
          </a>
        </nav>
      </header>
      {ws === 'review' && !notice && erase.phase === 'idle' && <ReviewBanner />}
      <main id="main" tabIndex={-1} data-pending-work={pending}>
        <Suspense
          fallback={
            <p className="muted" aria-busy="true">
              {t('app.opening')}
            </p>
          }
        >
          {page}
        </Suspense>
      </main>
      <footer className="footer">
        <p>{t('footer.disclaimer')}</p>
      </footer>
      <UpdatePrompt />
    </>
  );
}
