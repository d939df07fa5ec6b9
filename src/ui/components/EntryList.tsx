import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { listEntries } from '../../data/entries.ts';
import type { Settings } from '../../data/settings.ts';
import { workspaceDb } from '../../data/workspace.ts';
import { deleteEntry } from '../actions/entry.ts';
import { entryText } from '../entry/entry-words.ts';
import { errorText } from '../error-text.ts';
import { t } from '../i18n/index.ts';

/**
 * The measurements the person entered by hand, newest first, each said to be "entered by you", with
 * Change and Delete (a delete is an undo of its import: the import history offers Redo).
 */
export function EntryList({ settings }: { settings: Settings }) {
  const rows = useLiveQuery(() => listEntries(workspaceDb('main')), []);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error?: boolean }>();
  if (!rows?.length && !note) return null;
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const onDelete = async (id: number, what: string): Promise<void> => {
    setBusy(true);
    try {
      await deleteEntry(id);
      setNote({ text: t('entry.deleted', { what }) });
    } catch (e) {
      setNote({ text: t('entry.failed', { error: errorText(e) }), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card entries" aria-labelledby="entries-title" data-testid="entries">
      <h2 id="entries-title">{t('entry.list.title')}</h2>
      <p className="small muted">{t('entry.list.intro')}</p>
      {note && (
        <p className={note.error ? 'error' : undefined} role="status">
          {note.text}
        </p>
      )}
      <ul>
        {(rows ?? []).map((r) => {
          const what = entryText(r.entry!, settings);
          return (
            <li key={r.id} data-kind={r.entry!.kind}>
              <span>
                <strong>{what}</strong>{' '}
                <span className="muted small">
                  {when.format(r.entry!.atMs)} · {t('entry.list.by')}
                </span>
              </span>
              <span className="row-actions">
                <a className="btn small" href={`#/entry?edit=${r.id}`} aria-label={t('entry.editLabel', { what })}>
                  {t('entry.edit')}
                </a>
                <button
                  type="button"
                  className="btn small"
                  disabled={busy}
                  aria-label={t('entry.deleteLabel', { what })}
                  onClick={() => void onDelete(r.id!, what)}
                >
                  {t('entry.delete')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
