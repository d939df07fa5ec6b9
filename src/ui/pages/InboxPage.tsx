import { useCallback, useEffect, useState } from 'react';
import { discardFromInbox, inboxFile, listInbox, type InboxEntry } from '../../inbox/inbox.ts';
import { isAbortError } from '../../workers/errors.ts';
import { importFiles } from '../actions/import.ts';
import { formatBytes } from '../format.ts';

/** Files shared into Doppel or opened with it, waiting on this device. */
export function InboxPage({ justReceived }: { justReceived: number }) {
  const [entries, setEntries] = useState<InboxEntry[]>();
  const [status, setStatus] = useState<string>();
  const importOne = async (e: InboxEntry): Promise<void> => {
    const file = await inboxFile(e.key);
    if (!file) return;
    setStatus(`Importing ${e.name}…`);
    try {
      const [r] = await importFiles([file], () => undefined);
      if (!r || 'error' in r) {
        setStatus(`Nothing was imported from ${e.name}: ${r?.error.message ?? 'no result'}`);
      } else {
        await discardFromInbox(e.key);
        setStatus(`${e.name}: ${r.added.toLocaleString()} added, ${r.duplicates.toLocaleString()} already there, ${r.rejected.length} rejected.`);
      }
    } catch (err) {
      if (!isAbortError(err)) setStatus(`Nothing was imported from ${e.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    refresh();
  };
  const refresh = useCallback(() => void listInbox().then(setEntries), []);
  useEffect(refresh, [refresh, justReceived]);
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">Received files</h1>
      <p className="muted">Files shared into Doppel or opened with it wait here, on this device, until you import or discard them.</p>
      {status && <p role="status">{status}</p>}
      {entries === undefined ? <p aria-busy="true">…</p> : entries.length === 0 ? <p>No files waiting.</p> : (
        <ul className="inbox">
          {entries.map((e) => (
            <li key={e.key}>
              <span className="name">{e.name}</span> <span className="muted">{formatBytes(e.bytes)}</span>
              <button type="button" className="btn primary" onClick={() => void importOne(e)}>Import</button>
              <button type="button" className="btn" onClick={() => void discardFromInbox(e.key).then(refresh)}>Discard</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
