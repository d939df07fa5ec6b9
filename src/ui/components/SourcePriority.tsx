import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useSettings } from '../../data/hooks.ts';
import { workspaceDb, type Workspace } from '../../data/workspace.ts';
import { importWorker, twinWorker } from '../../workers/index.ts';
import { t } from '../i18n/index.ts';
import { effectiveOrder, move } from '../sources/order.ts';
import { errorText } from '../error-text.ts';

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
      setStatus(t('import.sources.recomputed', { what }));
    } catch (e) {
      setStatus(t('import.sources.notSaved', { error: errorText(e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="sources-title" className="sources">
      <h2 id="sources-title">{t('import.sources.title')}</h2>
      <p className="small muted">{t('import.sources.intro')}</p>
      <ol className="source-list" aria-busy={busy}>
        {ordered.map((s, i) => (
          <li key={s.key} data-source={s.key}>
            <span className="name">
              {s.name}
              {s.model ? ` (${s.model})` : ''} <span className="muted small">{t(`import.sources.kind.${s.kind}`)}</span>
            </span>
            <button
              type="button"
              className="btn small"
              disabled={busy || i === 0}
              onClick={() => void save(move(keys, s.key, -1), t('import.sources.movedUp', { name: s.name }))}
              aria-label={t('import.sources.moveUp', { name: s.name })}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn small"
              disabled={busy || i === ordered.length - 1}
              onClick={() => void save(move(keys, s.key, 1), t('import.sources.movedDown', { name: s.name }))}
              aria-label={t('import.sources.moveDown', { name: s.name })}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      {settings.sourceOrder.length > 0 && (
        <button type="button" className="btn" disabled={busy} onClick={() => void save([], t('import.sources.defaultOrder'))}>
          {t('import.sources.reset')}
        </button>
      )}
      {status && <p role="status">{status}</p>}
    </section>
  );
}
