import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { workspaceDb } from '../../data/workspace.ts';
import { setReminder, shouldRemind, useLastBackup, useReminderOn } from '../actions/backup-date.ts';
import { formatDate } from '../format.ts';
import { t } from '../i18n/index.ts';

const DAY_MS = 86_400_000;

/** "Last backup: <date>" or "Never backed up" (Settings, the backup screen and the twin screen). */
export function LastBackupLine({ className = 'muted small' }: { className?: string }) {
  const at = useLastBackup();
  return (
    <span className={className} data-testid="last-backup">
      {at === undefined ? t('backup.never') : t('backup.last', { date: formatDate(at) })}
    </span>
  );
}

/**
 * A gentle reminder on the twin: the last backup (or, never backed up, the first import) is over 30
 * days old and data arrived since. "Don't remind me" turns it off (Settings turns it on again).
 */
export function BackupReminder() {
  const last = useLastBackup();
  const on = useReminderOn();
  const data = useLiveQuery(async () => {
    const rows = await workspaceDb('main').imports.where('status').equals('committed').toArray();
    if (rows.length === 0) return undefined;
    return {
      first: Math.min(...rows.map((r) => r.startedAt)),
      newest: Math.max(...rows.map((r) => r.finishedAt ?? r.startedAt)),
    };
  });
  const [now] = useState(() => Date.now());
  if (!data || !shouldRemind(now, last, data.first, data.newest, on)) return null;
  const days = Math.floor((now - (last ?? data.first)) / DAY_MS);
  return (
    <aside className="card notice" aria-label={t('backup.remind.label')} data-testid="backup-reminder">
      <p>{last === undefined ? t('backup.remind.never', { days }) : t('backup.remind.text', { days })}</p>
      <div className="actions">
        <a className="btn primary" href="#/backup">
          {t('backup.remind.now')}
        </a>{' '}
        <button type="button" className="btn" onClick={() => setReminder(false)}>
          {t('backup.remind.off')}
        </button>
      </div>
    </aside>
  );
}

/** The reminder's switch (Settings). */
export function ReminderSetting() {
  const on = useReminderOn();
  return (
    <label className="check">
      <input type="checkbox" checked={on} onChange={(e) => setReminder(e.target.checked)} /> {t('backup.remind.setting')}
    </label>
  );
}

/**
 * Where the browser has not agreed to keep the site's data (`navigator.storage.persisted()`), says
 * what that risks and asks it again.
 */
export function PersistNote() {
  const [persisted, setPersisted] = useState<boolean>();
  const [note, setNote] = useState<string>();
  useEffect(() => {
    let live = true;
    void navigator.storage?.persisted?.().then((p) => live && setPersisted(p));
    return () => {
      live = false;
    };
  }, []);
  if (persisted !== false && note === undefined) return null;
  const ask = async (): Promise<void> => {
    const granted = (await navigator.storage?.persist?.()) ?? false;
    setNote(granted ? t('device.persist.granted') : t('device.persist.declined'));
    setPersisted(granted);
  };
  return (
    <div data-testid="persist-note">
      {persisted === false && (
        <>
          <p className="warn">{t('backup.persist.no')}</p>
          <div className="actions">
            <button type="button" className="btn" onClick={() => void ask()}>
              {t('backup.persist.ask')}
            </button>
          </div>
        </>
      )}
      {note && <p role="status">{note}</p>}
    </div>
  );
}
