import { useState } from 'react';
import { useImports, useSettings } from '../../data/hooks.ts';
import type { ImportRow } from '../../data/rows.ts';
import type { Workspace } from '../../data/workspace.ts';
import { forgetUndone, redoImport, undoImport } from '../actions/import.ts';
import { clearMarker, noteImports } from '../actions/device-marker.ts';
import { formatDate } from '../format.ts';
import { t } from '../i18n/index.ts';
import { errorText } from '../error-text.ts';
import { formatName, historyName, redoneText, undoneText } from '../import-words.ts';

type Undone = ImportRow & { undone: NonNullable<ImportRow['undone']> };

/**
 * Past imports, newest first, each with Undo. One undo or redo runs at a time: while it runs every
 * button is disabled (a second click on the same row used to ask for an import already gone), and a
 * failed one says so instead of vanishing. The latest undo says what it removed and offers Redo
 * (what undo kept is on the import's row, src/data/imports.ts) until the person presses Done.
 */
export function ImportHistory({ ws }: { ws: Workspace }) {
  const history = useImports(ws);
  const settings = useSettings(ws);
  const [working, setWorking] = useState<{ id: number; what: 'undo' | 'redo' | 'forget' }>();
  const [error, setError] = useState<string>();
  const [redone, setRedone] = useState<string>();
  if (history === undefined) return <p aria-busy="true">…</p>;
  const committed = history.filter((h) => h.status === 'committed');
  // An entry replaced by a change is given back by undoing the change, not offered on its own.
  const undone = history.find((h): h is Undone => h.status === 'undone' && h.undone !== undefined && h.replacedBy === undefined);
  const busy = working !== undefined;

  const act = async (
    id: number,
    what: 'undo' | 'redo' | 'forget',
    fn: () => Promise<void>,
    failed: 'import.undoFailed' | 'import.redoFailed' | 'import.forgetFailed',
  ): Promise<void> => {
    setWorking({ id, what });
    setError(undefined);
    setRedone(undefined);
    try {
      await fn();
    } catch (e) {
      noteImports(committed.length);
      setError(t(failed, { error: errorText(e) }));
    } finally {
      setWorking(undefined);
    }
  };
  const undo = (id: number): Promise<void> => {
    // Undoing the last import empties the twin on purpose: not a loss to report (device-marker.ts).
    if (committed.length === 1) clearMarker();
    return act(id, 'undo', () => undoImport(id), 'import.undoFailed');
  };
  const redo = (row: Undone): Promise<void> => {
    const text = redoneText(row, settings);
    return act(
      row.id!,
      'redo',
      async () => {
        await redoImport(row.id!);
        setRedone(text);
      },
      'import.redoFailed',
    );
  };
  const forget = (row: Undone): Promise<void> => act(row.id!, 'forget', () => forgetUndone(row.id!), 'import.forgetFailed');

  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {redone && (
        <p className="card" role="status" data-testid="import-redone">
          {redone}
        </p>
      )}
      {undone && (
        <div className="card undone" data-testid="import-undone">
          <p role="status">{undoneText(undone, settings)}</p>
          <p className="small muted">{t('import.undone.kept')}</p>
          <div className="actions">
            <button type="button" className="btn primary" disabled={busy} onClick={() => void redo(undone)}>
              {working?.what === 'redo' ? t('import.redoing') : t('import.redo')}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void forget(undone)}>
              {t('import.forget')}
            </button>
          </div>
        </div>
      )}
      {committed.length === 0 ? (
        <p className="muted">{t('import.noHistory')}</p>
      ) : (
        <ul className="history" aria-busy={busy}>
          {committed.map((h) => (
            <li key={h.id}>
              <span>
                <strong className="name">{historyName(h, settings)}</strong>{' '}
                <span className="muted small">
                  {t('import.historyLine', {
                    format: formatName(h.format),
                    date: formatDate(h.startedAt),
                    added: h.added.toLocaleString(),
                  })}
                </span>
              </span>
              <button type="button" className="btn" disabled={busy} onClick={() => void undo(h.id!)}>
                {working?.id === h.id && working?.what === 'undo' ? t('import.undoing') : t('import.undo')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
