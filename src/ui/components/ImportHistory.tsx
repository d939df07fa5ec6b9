import { useState } from 'react';
import { useImports } from '../../data/hooks.ts';
import type { Workspace } from '../../data/workspace.ts';
import { undoImport } from '../actions/import.ts';
import { clearMarker, noteImports } from '../actions/device-marker.ts';
import { formatDate } from '../format.ts';
import { t } from '../i18n/index.ts';
import { errorText } from '../error-text.ts';

/**
 * Past imports, newest first, each with Undo. One undo runs at a time: while it runs every Undo
 * button is disabled (a second click on the same row used to ask for an import already gone), and
 * a failed undo says so instead of vanishing.
 */
export function ImportHistory({ ws }: { ws: Workspace }) {
  const history = useImports(ws);
  const [undoing, setUndoing] = useState<number>();
  const [error, setError] = useState<string>();
  if (history === undefined) return <p aria-busy="true">…</p>;
  const committed = history.filter((h) => h.status === 'committed');
  const undo = async (id: number): Promise<void> => {
    setUndoing(id);
    setError(undefined);
    // Undoing the last import empties the twin on purpose: not a loss to report (device-marker.ts).
    if (committed.length === 1) clearMarker();
    try {
      await undoImport(id);
    } catch (e) {
      noteImports(committed.length);
      setError(t('import.undoFailed', { error: errorText(e) }));
    } finally {
      setUndoing(undefined);
    }
  };
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {committed.length === 0 ? (
        <p className="muted">{t('import.noHistory')}</p>
      ) : (
        <ul className="history" aria-busy={undoing !== undefined}>
          {committed.map((h) => (
            <li key={h.id}>
              <span>
                <strong className="name">{h.fileName}</strong>{' '}
                <span className="muted small">
                  {t('import.historyLine', { format: h.format, date: formatDate(h.startedAt), added: h.added.toLocaleString() })}
                </span>
              </span>
              <button type="button" className="btn" disabled={undoing !== undefined} onClick={() => void undo(h.id!)}>
                {undoing === h.id ? t('import.undoing') : t('import.undo')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
