import { useCallback, useEffect, useState } from 'react';
import { discardFromInbox, listInbox, type InboxEntry } from '../../inbox/inbox.ts';
import { formatBytes } from '../format.ts';

/** Files shared into Doppel or opened with it, waiting on this device. */
export function InboxPage({ justReceived }: { justReceived: number }) {
  const [entries, setEntries] = useState<InboxEntry[]>();
  const refresh = useCallback(() => void listInbox().then(setEntries), []);
  useEffect(refresh, [refresh, justReceived]);
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">Received files</h1>
      <p className="muted">Files shared into Doppel or opened with it wait here, on this device, until you import or discard them.</p>
      {entries === undefined ? <p aria-busy="true">…</p> : entries.length === 0 ? <p>No files waiting.</p> : (
        <ul className="inbox">
          {entries.map((e) => (
            <li key={e.key}>
              <span className="name">{e.name}</span> <span className="muted">{formatBytes(e.bytes)}</span>
              <button type="button" className="btn" onClick={() => void discardFromInbox(e.key).then(refresh)}>Discard</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
