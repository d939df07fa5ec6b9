import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useSettings } from '../../data/hooks.ts';
import { workspaceDb, type Workspace } from '../../data/workspace.ts';
import { importWorker, twinWorker } from '../../workers/index.ts';
import { effectiveOrder, move } from '../sources/order.ts';

const KIND = { watch: 'watch', phone: 'phone', other: 'other device or app' } as const;

/** Which device counts for steps (and other totals) when several recorded the same minutes. */
export function SourcePriority({ ws }: { ws: Workspace }) {
  const sources = useLiveQuery(() => workspaceDb(ws).sources.toArray(), [ws]);
  const settings = useSettings(ws);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();
  if (!sources || !settings || sources.length < 2) return null;
  const ordered = effectiveOrder(sources, settings.sourceOrder);
  const keys = ordered.map((s) => s.key);
  const save = async (next: string[], what: string): Promise<void> => {
    setBusy(true);
    setStatus(undefined);
    try {
      await importWorker.run((a) => a.setSourceOrder(ws, next));
      await twinWorker.run((a) => a.refreshSnapshot(ws));
      setStatus(`${what} Daily totals were recomputed.`);
    } catch (e) {
      setStatus(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="sources-title" className="sources">
      <h2 id="sources-title">Source priority</h2>
      <p className="small muted">When two devices count the same steps or minutes, the one higher in this list counts and the other is left out, so nothing is counted twice.</p>
      <ol className="source-list" aria-busy={busy}>
        {ordered.map((s, i) => (
          <li key={s.key} data-source={s.key}>
            <span className="name">{s.name}{s.model ? ` (${s.model})` : ''} <span className="muted small">{KIND[s.kind]}</span></span>
            <button type="button" className="btn small" disabled={busy || i === 0} onClick={() => void save(move(keys, s.key, -1), `${s.name} moved up.`)} aria-label={`Move ${s.name} up`}>↑</button>
            <button type="button" className="btn small" disabled={busy || i === ordered.length - 1} onClick={() => void save(move(keys, s.key, 1), `${s.name} moved down.`)} aria-label={`Move ${s.name} down`}>↓</button>
          </li>
        ))}
      </ol>
      {settings.sourceOrder.length > 0 && <button type="button" className="btn" disabled={busy} onClick={() => void save([], 'Back to the default order (watch, phone, others).')}>Reset to default</button>}
      {status && <p role="status">{status}</p>}
    </section>
  );
}
