import { useCallback, useEffect, useState } from 'react';
import { discardFromInbox, inboxFile, listInbox, takeDoppelFile, type InboxEntry } from '../../inbox/inbox.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { importFiles } from '../actions/import.ts';
import { openDoppelFile } from '../actions/pending-share.ts';
import { formatBytes } from '../format.ts';
import { t } from '../i18n/index.ts';
import { ProfileConflicts } from '../profile/ProfileConflicts.tsx';
import { errorText, errorInfoText } from '../error-text.ts';

/** The files just shared were looked at for a Doppel file: once per page load (the address keeps its `?shared=`). */
let sharedLooked = false;

/** Files shared into Doppel or opened with it, waiting on this device. */
export function InboxPage({ justReceived }: { justReceived: number }) {
  const [entries, setEntries] = useState<InboxEntry[]>();
  const [status, setStatus] = useState<string>();
  // The service worker refused a share from another site or one too large (src/sw/share-guard.ts).
  const refused = new URLSearchParams(location.search).get('refused');
  const importOne = async (e: InboxEntry): Promise<void> => {
    const file = await inboxFile(e.key);
    if (!file) return;
    setStatus(t('inbox.importing', { name: e.name }));
    try {
      const [r] = await importFiles([file], () => undefined);
      if (!r || !('importId' in r)) {
        setStatus(t('inbox.failed', { name: e.name, error: r && 'error' in r ? errorInfoText(r.error) : t('inbox.noResult') }));
      } else {
        await discardFromInbox(e.key);
        setStatus(
          t('inbox.done', {
            name: e.name,
            added: r.added.toLocaleString(),
            duplicates: r.duplicates.toLocaleString(),
            rejected: r.rejected.length,
          }),
        );
      }
    } catch (err) {
      if (!isAbortError(err)) setStatus(t('inbox.failed', { name: e.name, error: errorText(err) }));
    }
    refresh();
  };
  const refresh = useCallback(() => void listInbox().then(setEntries), []);
  useEffect(refresh, [refresh, justReceived]);
  useEffect(() => {
    // Just shared into the app (the service worker's `?shared=`): a Doppel file among the shared files
    // opens where it belongs, already chosen: a backup on "Restore a backup", a share file on "Open a shared twin".
    if (!new URLSearchParams(location.search).has('shared') || sharedLooked) return;
    sharedLooked = true;
    void takeDoppelFile().then((f) => f && openDoppelFile(f));
  }, []);
  const openOne = async (e: InboxEntry): Promise<void> => {
    const f = await takeDoppelFile(e.key);
    if (f) await openDoppelFile(f);
    else refresh();
  };
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox.title')}</h1>
      <p className="muted">{t('inbox.intro')}</p>
      {refused && (
        <p className="error" role="alert">
          {t(refused === 'origin' ? 'inbox.refused.origin' : 'inbox.refused.size')}
        </p>
      )}
      {status && <p role="status">{status}</p>}
      {entries === undefined ? (
        <p aria-busy="true">…</p>
      ) : entries.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <ul className="inbox">
          {entries.map((e) => (
            <li key={e.key}>
              <span className="name">{e.name}</span> <span className="muted">{formatBytes(e.bytes)}</span>
              {e.doppel ? (
                <button type="button" className="btn primary" onClick={() => void openOne(e)}>
                  {t('inbox.open')}
                </button>
              ) : (
                <button type="button" className="btn primary" onClick={() => void importOne(e)}>
                  {t('inbox.import')}
                </button>
              )}
              <button type="button" className="btn" onClick={() => void discardFromInbox(e.key).then(refresh)}>
                {t('inbox.discard')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* What an imported file says that differs from the profile: chosen here or on the profile. */}
      <ProfileConflicts ws="main" />
    </section>
  );
}
